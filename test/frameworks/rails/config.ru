# A Rails 6.1 app (Debian's ruby-rails) on its default cookie store, for scripts/record-framework-hars.ts.
require "action_controller/railtie"
class App < Rails::Application
  # SECRET_KEY_BASE: another key for the recording of a key rotation (rails-cookie-store-key-rotated).
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE", "x" * 64)
  config.eager_load = false
  config.logger = Logger.new($stderr)
  config.hosts.clear
  # SESSION_EXPIRE_AFTER: the cookie store's `expire_after` in seconds (rails-cookie-store-cookie-expiry), none by default.
  # SESSION_SAME_SITE=strict|lax|none: the cookie store's `same_site` (rails-cookie-store-samesite-strict); unset: none.
  # SESSION_SECURE=1: the cookie store's `secure: true` (rails-cookie-store-secure-over-http); unset: not Secure.
  # SESSION_PATH=<path>: the cookie store's `path` (rails-cookie-store-cookie-path); unset: Rails's "/".
  config.session_store :cookie_store, key: "_demo_session",
    **(ENV["SESSION_EXPIRE_AFTER"] ? { expire_after: ENV["SESSION_EXPIRE_AFTER"].to_i } : {}),
    **(ENV["SESSION_SAME_SITE"] ? { same_site: ENV["SESSION_SAME_SITE"].to_sym } : {}),
    **(ENV["SESSION_SECURE"] == "1" ? { secure: true } : {}),
    **(ENV["SESSION_PATH"] ? { path: ENV["SESSION_PATH"] } : {})
  config.action_controller.allow_forgery_protection = true
end
class PagesController < ActionController::Base
  def home
    session[:visits] = (session[:visits] || 0) + 1
    render html: "<p>Hello #{session[:user] || 'anon'} visits=#{session[:visits]}</p><form method=post action=/session><input type=hidden name=_method value=delete><input type=hidden name=authenticity_token value=#{form_authenticity_token}><button id=logout>Log out</button></form>".html_safe
  end
  def new
    render html: "<form method=post action=/session><input type=hidden name=authenticity_token value=#{form_authenticity_token}><input name=username><input type=password name=password><button>Sign in</button></form>#{@err}".html_safe
  end
  def create
    if params[:password] == "secret"
      reset_session
      session[:user] = params[:username]
      redirect_to "/"
    else
      @err = "bad"; new
    end
  end
  def destroy
    reset_session
    redirect_to "/"
  end
  # /account: a page for the logged-in user alone (the login form otherwise), for a session cookie whose Path is
  # /account (rails-cookie-store-cookie-path): inside the Path, home outside it.
  def account
    return redirect_to "/session/new" unless session[:user]
    render html: "<p>Account of #{session[:user]}</p>".html_safe
  end
end
# /payment/return: a payment provider's return (its form POSTed from its own site, or a link), which carries no
# authenticity token of ours: forgery protection skipped (raise: false: without load_defaults, Rails 6.1 installs no
# verify_authenticity_token callback of its own to skip); alice's payment, or the login form for a visitor.
class PaymentsController < ActionController::Base
  skip_forgery_protection raise: false
  def payment_return
    return redirect_to "/session/new" unless session[:user]
    render html: "<p>Payment received for #{session[:user]}</p>".html_safe
  end
end
App.initialize!
App.routes.draw do
  root "pages#home"
  get "/session/new", to: "pages#new"
  post "/session", to: "pages#create"
  delete "/session", to: "pages#destroy"
  get "/account", to: "pages#account"
  match "/payment/return", to: "payments#payment_return", via: [:get, :post]
end
run App
