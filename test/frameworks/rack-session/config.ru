# Rack 2.2's own server-side sessions (Debian's ruby-rack), used directly by a Rack app as Rack's documentation shows:
# `use Rack::Session::Pool` with its defaults (the cookie `rack.session`, a random ID, `path=/`, HttpOnly, no
# SameSite, no expiry; the data in the process's memory). At login `renew: true` in `env['rack.session.options']`
# (the session moved to a new ID); at logout `env['rack.session'].clear` and `drop: true` (the session removed
# from the pool, no new ID). Run by Debian's rackup on WEBrick. For scripts/record-framework-hars.ts.
require "rack"
require "rack/session/pool"

FORM = "<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>"

App = lambda do |env|
  req = Rack::Request.new(env)
  session = env["rack.session"]
  redirect = ->(to) { [302, { "Location" => to, "Content-Type" => "text/html" }, []] }
  html = ->(body, status = 200) { [status, { "Content-Type" => "text/html" }, [body]] }
  case [req.request_method, req.path_info]
  when ["GET", "/"]
    session["visits"] = (session["visits"] || 0) + 1
    html.("<p>Hello #{Rack::Utils.escape_html(session['user'] || 'anon')} visits=#{session['visits']}</p>" \
          "<a id=logout href=/logout>Log out</a>")
  when ["GET", "/login"]
    html.(FORM)
  when ["POST", "/login"]
    next html.(FORM + "bad", 401) unless req.params["password"] == "secret"
    env["rack.session.options"][:renew] = true
    session["user"] = req.params["username"]
    redirect.("/")
  when ["GET", "/logout"]
    session.clear
    env["rack.session.options"][:drop] = true
    redirect.("/")
  else
    html.("not found", 404)
  end
end

use Rack::Session::Pool
run App
