#!/bin/sh
# Fossil's repository for one recording, in the current directory (the recording's own): `fossil init` with alice as
# its admin user (Setup capability), then her password set to `secret` (Fossil stores a SHA1 of it salted with the
# project code, which `fossil init` draws at random: the login cookie's name, `fossil-<its first 16 hex>`, changes
# with each recording).
set -e
fossil init --admin-user alice repo.fossil >/dev/null
fossil user password alice secret -R repo.fossil
