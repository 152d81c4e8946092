#!/usr/bin/env bash
# Installs the dashboard's npm packages (clients/dashboard) with `npm ci` from its committed
# package-lock.json; again only when the lock file changes, so a running test never sees
# node_modules removed under it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dashboard="$REPO_ROOT/clients/dashboard"
stamp="$dashboard/node_modules/.installed-package-lock.json"
if ! cmp -s "$dashboard/package-lock.json" "$stamp"; then
  log "installing the dashboard's npm packages"
  (cd "$dashboard" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dashboard/package-lock.json" "$stamp"
fi
