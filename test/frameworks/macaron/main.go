// A Go site on Macaron 1.2 (Debian's golang-gopkg-macaron.v1-dev) with its session middleware, go-macaron/session
// (Debian's golang-github-go-macaron-session-dev), for scripts/record-framework-hars.ts, written as the middleware's
// README shows it: macaron.Classic(), m.Use(session.Sessioner()) with its defaults (the memory provider, the cookie
// MacaronSession), handlers taking a session.Store and calling Set and Get. The README shows no ID renewal at login,
// so the user is stored in the same session; the logout calls the Store's Destory (sic), which drops the session
// and expires the cookie.
package main

import (
	"fmt"
	"html"
	"os"
	"strconv"

	"github.com/go-macaron/session"
	"gopkg.in/macaron.v1"
)

const form = `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>`

func main() {
	m := macaron.Classic()
	m.Use(session.Sessioner())

	m.Get("/", func(ctx *macaron.Context, sess session.Store) {
		visits, _ := sess.Get("visits").(int)
		sess.Set("visits", visits+1)
		user, ok := sess.Get("user").(string)
		if !ok {
			user = "anon"
		}
		ctx.Resp.Header().Set("Content-Type", "text/html; charset=utf-8")
		ctx.Resp.Write([]byte(fmt.Sprintf("<p>Hello %s visits=%d</p><a id=logout href=/logout>Log out</a>", html.EscapeString(user), visits+1)))
	})
	m.Get("/login", func(ctx *macaron.Context) {
		ctx.Resp.Header().Set("Content-Type", "text/html; charset=utf-8")
		ctx.Resp.Write([]byte(form))
	})
	m.Post("/login", func(ctx *macaron.Context, sess session.Store) {
		ctx.Resp.Header().Set("Content-Type", "text/html; charset=utf-8")
		if ctx.Query("password") != "secret" {
			ctx.Resp.Write([]byte(form + "bad"))
			return
		}
		sess.Set("user", ctx.Query("username"))
		ctx.Redirect("/")
	})
	m.Get("/logout", func(ctx *macaron.Context, sess session.Store) {
		if err := sess.Destory(ctx); err != nil {
			ctx.Error(500, err.Error())
			return
		}
		ctx.Redirect("/")
	})
	port, _ := strconv.Atoi(os.Args[1])
	m.Run("127.0.0.1", port)
}
