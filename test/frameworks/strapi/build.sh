#!/bin/sh
# Builds Strapi's admin panel (`strapi build`) into build/. `strapi build` looks for a tsconfig.json up the directory
# tree and would take the repository's own for this JavaScript project's (then finds no inputs and fails): it builds a
# copy outside the repository, node_modules linked, and takes its build/ back.
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/config" "$here/src" "$here/public" "$here/database" "$here/package.json" "$here/favicon.png" \
  "$here/jsconfig.json" "$tmp/"
ln -s "$here/node_modules" "$tmp/node_modules"
(cd "$tmp" && STRAPI_TELEMETRY_DISABLED=true NODE_ENV=production \
  node node_modules/@strapi/strapi/bin/strapi.js build)
rm -rf "$here/build"
cp -r "$tmp/build" "$here/build"
rm -rf "$tmp"
