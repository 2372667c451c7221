#!/bin/sh
# Installs Ghost 5.130 into node_modules/ghost as Ghost-CLI installs a release: the `ghost` package from npm unpacked,
# then its production dependencies installed inside it (Ghost-CLI runs `yarn install --production`). npm cannot take
# `ghost` as a dependency (its own `@tryghost/i18n` is a `file:` tarball inside it) and resolves development
# dependencies (a GitHub tarball among them) even with --omit=dev: they are dropped first; bookshelf's old peer range on
# knex wants --legacy-peer-deps. The lock file kept here (ghost-package-lock.json) fixes the tree; sqlite3 is built from
# source (npm_config_nodedir=/usr).
set -e
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$here/node_modules"
mkdir -p "$here/node_modules"
cd "$here/node_modules"
npm pack ghost@5.130.4
tar xzf ghost-5.130.4.tgz
rm ghost-5.130.4.tgz
mv package ghost
cd ghost
node -e "const f='package.json',p=JSON.parse(require('fs').readFileSync(f));delete p.devDependencies;require('fs').writeFileSync(f,JSON.stringify(p,null,2))"
cp "$here/ghost-package-lock.json" package-lock.json
npm_config_nodedir=/usr npm ci --omit=dev --legacy-peer-deps --no-audit --no-fund
# The admin's bundles (admin-x-settings, posts, stats, activitypub) inject @imports of their font previews from
# fonts.bunny.net at load: removed, so that the recording holds only the app's own traffic.
find core/built/admin/assets -name '*.js' -exec sed -i 's#@import"https://fonts\.bunny\.net/css?family=[^"]*";##g' {} +
# Its main bundle fetches ghost.org's changelog and Explore feed and resources.ghost.io's posts for the dashboard, and
# shows ghost.org's orb images where the site has no icon, all unconditionally: pointed at paths of the app's own
# origin instead (404s), so that the browser makes no request off loopback.
sed -i -e 's#https://ghost\.org/changelog\.json#/ghost/offline/changelog.json#g' \
  -e 's#https://ghost\.org/explore/api/feed/#/ghost/offline/explore/#g' \
  -e 's#https://resources\.ghost\.io/resources/ghost/api/content/posts/#/ghost/offline/resources/#g' \
  -e 's#https://static\.ghost\.org/v4\.0\.0/images/ghost-orb-#/ghost/offline/ghost-orb-#g' \
  core/built/admin/assets/ghost-*.js
