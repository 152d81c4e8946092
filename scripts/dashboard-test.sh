#!/usr/bin/env bash
# The dashboard's browser tests (Playwright with Debian's Chromium): they start the whole
# dashboard with scripts/dashboard.sh on a fresh temporary chain, drive it as a person would
# and check the chain directly; screenshots go to clients/dashboard/test-output/screenshots.
# Type-checks first. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$REPO_ROOT/scripts/install-chromium.sh"
"$REPO_ROOT/scripts/dashboard-npm.sh"
cd "$REPO_ROOT/clients/dashboard"
log "type-checking the dashboard"
npx tsc --noEmit
log "running the dashboard's browser tests"
npm test
