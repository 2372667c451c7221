// A Go site on gorilla/sessions 1.2 (Debian's golang-github-gorilla-sessions-dev), for scripts/record-framework-hars.ts,
// written as gorilla's README shows it: STORE=filesystem for its FilesystemStore (an ID in the cookie, the session in
// a file of SESSION_DIR), else its CookieStore (the session gob-encoded and signed by securecookie into the cookie).
// No ID renewal at login (gorilla has none); the logout deletes the session with MaxAge -1, as gorilla documents.
package main

import (
	"fmt"
	"html"
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

const form = `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>`

func main() {
	key := []byte("sessionscope recording only: a throwaway signing key")
	// SESSION_KEY: another key for the recording of a key rotation (gorilla-cookie-store-key-rotated).
	if k := os.Getenv("SESSION_KEY"); k != "" {
		key = []byte(k)
	}
	var store sessions.Store
	if os.Getenv("STORE") == "filesystem" {
		store = sessions.NewFilesystemStore(os.Getenv("SESSION_DIR"), key)
	} else {
		store = sessions.NewCookieStore(key)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		session, _ := store.Get(r, "session-name")
		visits, _ := session.Values["visits"].(int)
		session.Values["visits"] = visits + 1
		if err := session.Save(r, w); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		user, ok := session.Values["user"].(string)
		if !ok {
			user = "anon"
		}
		fmt.Fprintf(w, "<p>Hello %s visits=%d</p><a id=logout href=/logout>Log out</a>", html.EscapeString(user), visits+1)
	})
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.Method != http.MethodPost {
			fmt.Fprint(w, form)
			return
		}
		if r.FormValue("password") != "secret" {
			fmt.Fprint(w, form+"bad")
			return
		}
		session, _ := store.Get(r, "session-name")
		session.Values["user"] = r.FormValue("username")
		if err := session.Save(r, w); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		http.Redirect(w, r, "/", http.StatusFound)
	})
	http.HandleFunc("/logout", func(w http.ResponseWriter, r *http.Request) {
		session, _ := store.Get(r, "session-name")
		session.Options.MaxAge = -1
		if err := session.Save(r, w); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		http.Redirect(w, r, "/", http.StatusFound)
	})
	if err := http.ListenAndServe("127.0.0.1:"+os.Args[1], nil); err != nil {
		panic(err)
	}
}
