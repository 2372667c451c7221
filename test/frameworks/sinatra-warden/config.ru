# Warden 1.2 (Debian's ruby-warden) in front of a Sinatra 3.0 app (Debian's ruby-sinatra), set up as Warden's
# documentation (its README's wiki: Setup, Strategies, Authenticated session data) shows: a Rack::Builder with
# `use Rack::Session::Cookie, secret: …` (Rack 2.2: the session, with a `session_id` of its own, marshalled, base64
# and HMAC-SHA1 signed into `rack.session`: `<base64>--<hex hmac>`, written again on every request, HttpOnly, no
# expiry), `use Warden::Manager` with a `:password` strategy and the app as its failure app, the user's name
# serialized into the session (`warden.user.default.key`). The login posts to `env['warden'].authenticate!`, whose
# `set_user` asks the session layer to `renew` (a new `session_id`); a wrong password goes to the failure app's
# `/unauthenticated`, the form again. The logout calls `env['warden'].logout`: the user deleted and the whole session
# cleared (`reset_session!`). For scripts/record-framework-hars.ts.
require "sinatra/base"
require "warden"

USERS = { "alice" => "secret" }.freeze

Warden::Strategies.add(:password) do
  def valid?
    params["username"] || params["password"]
  end

  def authenticate!
    USERS[params["username"]] == params["password"] ? success!(params["username"]) : fail!("Could not log in")
  end
end

Warden::Manager.serialize_into_session { |user| user }
Warden::Manager.serialize_from_session { |name| USERS.key?(name) ? name : nil }

class App < Sinatra::Base
  FORM = "<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>"
  get "/" do
    session[:visits] = (session[:visits] || 0) + 1
    "<p>Hello #{env['warden'].user || 'anon'} visits=#{session[:visits]}</p><a id=logout href=/logout>Log out</a>"
  end
  get "/login" do
    FORM
  end
  post "/login" do
    env["warden"].authenticate!
    redirect "/"
  end
  # Warden's failure app: the form again, with the strategy's message.
  post "/unauthenticated" do
    status 401
    FORM + env["warden.options"][:message].to_s
  end
  get "/logout" do
    env["warden"].logout
    redirect "/"
  end
end

use Rack::Session::Cookie, secret: "x" * 64
use Warden::Manager do |manager|
  manager.default_strategies :password
  manager.failure_app = App
end
run App
