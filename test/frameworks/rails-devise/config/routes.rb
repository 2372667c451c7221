# The routes of Devise's README (loaded by Rails as a generated app's config/routes.rb).
Rails.application.routes.draw do
  devise_for :users
  root "pages#home"
  get "/account", to: "pages#account"
end
