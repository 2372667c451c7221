# OmniAuth 2.1 (Debian's ruby-omniauth) and its Developer strategy in a Sinatra 3.0 app (Debian's ruby-sinatra), as
# OmniAuth's README shows for Sinatra: `use Rack::Session::Cookie` (as written there, without a secret: Rack 2.2 then
# warns and keeps the session, with a `session_id` of its own, Ruby-Marshalled and base64 in `rack.session`, neither
# signed nor encrypted) and the strategy by `OmniAuth::Builder`'s `provider :developer`. OmniAuth 2 starts its
# request phase on a POST alone, checked by its AuthenticityTokenProtection (Debian's ruby-rack-protection): the home
# page's "Login with Developer" button posts `authenticity_token` (the session's `csrf` token, masked) to
# /auth/developer, which answers with the strategy's form (name, email; no password); the form posts to
# /auth/developer/callback, where OmniAuth puts the auth hash in `omniauth.auth` and our route keeps the user in the
# session. OmniAuth changes nothing in the session at login (it stores and removes `omniauth.params` and
# `omniauth.origin`): no new `session_id`. The logout clears the session. For scripts/record-framework-hars.ts.
require "sinatra/base"
require "omniauth"

class App < Sinatra::Base
  use Rack::Session::Cookie
  use OmniAuth::Builder do
    provider :developer
  end

  get "/" do
    session[:visits] = (session[:visits] || 0) + 1
    token = Rack::Protection::AuthenticityToken.token(session)
    <<~HTML
      <p>Hello #{Rack::Utils.escape_html(session[:user] || 'anon')} visits=#{session[:visits]}</p>
      <form method='post' action='/auth/developer'>
        <input type='hidden' name='authenticity_token' value='#{token}'>
        <button id='login' type='submit'>Login with Developer</button>
      </form>
      <a id='logout' href='/logout'>Log out</a>
    HTML
  end

  # The Developer strategy's form posts here; OmniAuth has put the auth hash in the environment.
  post "/auth/:provider/callback" do
    auth = request.env["omniauth.auth"]
    session[:user] = auth.info.name
    session[:uid] = auth.uid
    redirect "/"
  end

  get "/auth/failure" do
    "<p>Login failed: #{Rack::Utils.escape_html(params[:message].to_s)}</p>"
  end

  get "/logout" do
    session.clear
    redirect "/"
  end
end

run App
