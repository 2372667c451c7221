// A Go site on Gin 1.8 (Debian's golang-github-gin-gonic-gin-dev) with appleboy/gin-jwt 2.6 (Debian's
// golang-github-appleboy-gin-jwt-dev), for scripts/record-framework-hars.ts, written as gin-jwt's example
// (_example/basic/server.go) shows it, with the cookie options GinJWTMiddleware documents on its fields turned on
// (SendCookie, CookieHTTPOnly; the cookie `jwt`, read back through TokenLookup's `cookie: jwt`): LoginHandler signs
// the user into an HS256 JWT (one hour) and answers JSON with it and the cookie; LogoutHandler expires the cookie.
// gin-jwt keeps no session on the server and has nothing to write on the home page: the count is not kept. A wrong
// password gets the form again from the Unauthorized hook (401, gin-jwt's `WWW-Authenticate: JWT realm=…`).
package main

import (
	"fmt"
	"html"
	"log"
	"net/http"
	"os"
	"time"

	jwt "github.com/appleboy/gin-jwt"
	"github.com/gin-gonic/gin"
)

type login struct {
	Username string `form:"username" json:"username" binding:"required"`
	Password string `form:"password" json:"password" binding:"required"`
}

var identityKey = "id"

// User demo
type User struct {
	UserName string
}

const form = `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>`

func main() {
	r := gin.New()
	r.Use(gin.Logger())
	r.Use(gin.Recovery())

	authMiddleware, err := jwt.New(&jwt.GinJWTMiddleware{
		Realm:       "test zone",
		Key:         []byte("sessionscope recording only: a throwaway signing key"),
		Timeout:     time.Hour,
		MaxRefresh:  time.Hour,
		IdentityKey: identityKey,
		PayloadFunc: func(data interface{}) jwt.MapClaims {
			if v, ok := data.(*User); ok {
				return jwt.MapClaims{identityKey: v.UserName}
			}
			return jwt.MapClaims{}
		},
		IdentityHandler: func(c *gin.Context) interface{} {
			claims := jwt.ExtractClaims(c)
			return &User{UserName: claims[identityKey].(string)}
		},
		Authenticator: func(c *gin.Context) (interface{}, error) {
			var loginVals login
			if err := c.ShouldBind(&loginVals); err != nil {
				return "", jwt.ErrMissingLoginValues
			}
			if loginVals.Username == "alice" && loginVals.Password == "secret" {
				return &User{UserName: loginVals.Username}, nil
			}
			return nil, jwt.ErrFailedAuthentication
		},
		Authorizator: func(data interface{}, c *gin.Context) bool {
			v, ok := data.(*User)
			return ok && v.UserName == "alice"
		},
		// The example's JSON, but the form again (with the message) for a browser's wrong password at /login.
		Unauthorized: func(c *gin.Context, code int, message string) {
			if c.Request.URL.Path == "/login" {
				c.Data(code, "text/html; charset=utf-8", []byte(form+html.EscapeString(message)))
				return
			}
			c.JSON(code, gin.H{"code": code, "message": message})
		},
		TokenLookup:    "header: Authorization, query: token, cookie: jwt",
		TokenHeadName:  "Bearer",
		TimeFunc:       time.Now,
		SendCookie:     true,
		CookieHTTPOnly: true,
	})
	if err != nil {
		log.Fatal("JWT Error:" + err.Error())
	}

	r.GET("/", func(c *gin.Context) {
		user := "anon"
		if claims, err := authMiddleware.GetClaimsFromJWT(c); err == nil {
			if name, ok := claims[identityKey].(string); ok {
				user = name
			}
		}
		c.Data(200, "text/html; charset=utf-8", []byte(fmt.Sprintf("<p>Hello %s</p><a id=logout href=/logout>Log out</a>", html.EscapeString(user))))
	})
	r.GET("/login", func(c *gin.Context) {
		c.Data(200, "text/html; charset=utf-8", []byte(form))
	})
	r.POST("/login", authMiddleware.LoginHandler)
	r.GET("/logout", authMiddleware.LogoutHandler)

	auth := r.Group("/auth")
	auth.GET("/refresh_token", authMiddleware.RefreshHandler)
	auth.Use(authMiddleware.MiddlewareFunc())
	{
		auth.GET("/hello", func(c *gin.Context) {
			user, _ := c.Get(identityKey)
			c.JSON(200, gin.H{"userName": user.(*User).UserName, "text": "Hello World."})
		})
	}

	if err := http.ListenAndServe("127.0.0.1:"+os.Args[1], r); err != nil {
		log.Fatal(err)
	}
}
