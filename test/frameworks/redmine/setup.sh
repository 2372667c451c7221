#!/bin/sh
# Makes the recording's Redmine (scripts/record-framework-hars.ts, entries `redmine` and `redmine-autologin`, run this
# as their prepare step in the recording's directory, $1): Debian's /usr/share/redmine copied (its links followed) to
# $1/redmine, its `instances` (Debian's link to /var/lib/redmine) replaced by a directory of ours holding the instance
# `default` as Debian's postinst lays it out: config/ with our database.yml (SQLite in $1) and a secret_key.txt made as
# the postinst makes it, files/, log/, tmp/; our Gemfile.local (WEBrick, to serve it). Then the postinst's steps:
# db:migrate, redmine:load_default_data (English); then the account alice (Redmine wants eight characters of password at
# least: `secret-secret`), a plain active user. With a second argument, the setting "Autologin" (Administration,
# Settings, Authentication) set to that many days: the login form then shows "Stay logged in".
set -e
work=$1
app=$work/redmine
cp -rL /usr/share/redmine "$app"
rm -rf "$app/instances"
instance=$app/instances/default
mkdir -p "$instance/config" "$instance/files" "$instance/log" "$instance/tmp/cache" "$instance/public"
here=$(cd "$(dirname "$0")" && pwd)
cp "$here/database.yml" "$instance/config/database.yml"
cp "$here/Gemfile.local" "$app/Gemfile.local"
ruby -rsecurerandom -e 'puts SecureRandom.hex(16)' >"$instance/config/secret_key.txt"
cd "$app"
export RAILS_ENV=production REDMINE_INSTANCE=default REDMINE_DB="$work/redmine.sqlite3" REDMINE_LANG=en
SCHEMA=/dev/null bundle exec rake db:migrate redmine:plugins:migrate >"$work/setup.log" 2>&1
bundle exec rake redmine:load_default_data >>"$work/setup.log" 2>&1
bundle exec rails runner '
  user = User.new(firstname: "Alice", lastname: "Example", mail: "alice@example.com")
  user.login = "alice"
  user.password = user.password_confirmation = "secret-secret"
  user.save!
  Setting.autologin = ARGV[0] if ARGV[0]
' ${2:+"$2"} >>"$work/setup.log" 2>&1
