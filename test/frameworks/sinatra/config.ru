# Sinatra 3.0 (Debian's ruby-sinatra) with `enable :sessions`: Rack::Protection::EncryptedCookie on Rack 2.2, the
# session (with a `session_id` of its own) marshalled and encrypted with AES-GCM into the `rack.session` cookie
# (`<ciphertext>--<iv>--<tag>`, URL-encoded base64), encrypted again on every request. Sinatra's documentation sets
# the user in the session at login and clears it at logout, with no rotation. For scripts/record-framework-hars.ts.
# RANDOM_SECRET=1: Sinatra's own default, no `session_secret` set: a key made at start-up (it warns that sessions
# will not survive a restart), so a restart makes every session cookie unreadable. /account sends a visitor
# without a user to the login form, as an app's protected page does.
require "sinatra/base"
class App < Sinatra::Base
  enable :sessions
  set :session_secret, "x" * 64 unless ENV["RANDOM_SECRET"] == "1"
  # SESSION_EXPIRE_AFTER: Rack::Session::Cookie's `expire_after` in seconds (sinatra-cookie-expiry), none by default.
  set :sessions, expire_after: ENV["SESSION_EXPIRE_AFTER"].to_i if ENV["SESSION_EXPIRE_AFTER"]
  FORM = "<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>"
  get "/" do
    session[:visits] = (session[:visits] || 0) + 1
    "<p>Hello #{session[:user] || 'anon'} visits=#{session[:visits]}</p><a id=logout href=/logout>Log out</a>"
  end
  get "/account" do
    redirect "/login" unless session[:user]
    "<p>Account of #{session[:user]}</p>"
  end
  get "/login" do
    FORM
  end
  post "/login" do
    next FORM + "bad" unless params[:password] == "secret"
    session[:user] = params[:username]
    redirect "/"
  end
  get "/logout" do
    session.clear
    redirect "/"
  end
end
run App
