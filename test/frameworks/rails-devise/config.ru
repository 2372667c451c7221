# A Rails 6.1 app (Debian's ruby-rails) with Devise 4.8 (Debian's ruby-devise) as Devise's README sets it up: a User
# model on SQLite (database_authenticatable, rememberable, validatable), `devise_for :users`, Devise's own views, the
# default cookie store, and a "Sign out" button_to that DELETEs /users/sign_out. For scripts/record-framework-hars.ts.
require "active_record/railtie"
require "action_controller/railtie"
require "action_view/railtie"
require "action_mailer/railtie"
require "devise"

module DeviseApp
  class Application < Rails::Application
    config.load_defaults 6.1
    config.secret_key_base = "y" * 64
    config.eager_load = false
    config.logger = Logger.new($stderr)
    config.hosts.clear
    # config/initializers/cookies_serializer.rb of a generated app.
    config.action_dispatch.cookies_serializer = :json
  end
end

Devise.setup do |config|
  require "devise/orm/active_record"
  # The rest of `rails generate devise:install`'s initializer: its defaults (12 bcrypt stretches, 2 weeks' remember).
  config.mailer_sender = "please-change-me-at-config-initializers-devise@example.com"
end

# The recording's own SQLite file (a generated app's config/database.yml, as the URL Rails also reads).
ENV["DATABASE_URL"] = "sqlite3:#{ENV.fetch("DEVISE_DB")}"
Rails.application.initialize!
ActiveRecord::Schema.verbose = false
ActiveRecord::Schema.define do
  create_table :users, if_not_exists: true do |t|
    t.string :email, null: false, default: ""
    t.string :encrypted_password, null: false, default: ""
    t.datetime :remember_created_at
    t.timestamps null: false
  end
end

class ApplicationController < ActionController::Base
end

class PagesController < ApplicationController
  def home
    session[:visits] = (session[:visits] || 0) + 1
    who = user_signed_in? ? current_user.email : "anon"
    out = helpers.tag.p("Hello #{who} visits=#{session[:visits]}")
    out += helpers.button_to("Sign out", destroy_user_session_path, method: :delete, id: "logout") if user_signed_in?
    render html: out
  end

  def account
    authenticate_user!
    render html: helpers.tag.p("Account of #{current_user.email}")
  end
end

User.find_by(email: "alice@example.com") || User.create!(email: "alice@example.com", password: "secret")
run Rails.application
