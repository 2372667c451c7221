# The model `rails generate devise User` writes, with Devise's default modules less those needing mail or columns
# this app has not (registerable, recoverable).
class User < ApplicationRecord
  devise :database_authenticatable, :rememberable, :validatable
end
