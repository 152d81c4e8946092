#!/usr/bin/env bash
# The web dashboard on the local chain, in one command: starts the chain (scripts/chain.sh,
# $SUM_CHAIN_DIR), installs the dashboard's npm packages, stores the contracts and deploys
# the example models (scripts/models/*.json) when the chain has none yet, builds the page
# and serves it on 127.0.0.1, port $SUM_DASHBOARD_PORT (default 8640; 0 = any free port).
# It prints `dashboard: http://127.0.0.1:PORT/` and serves until stopped.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export SUM_CHAIN_DIR="${SUM_CHAIN_DIR:-$REPO_ROOT/.chain}"
DASHBOARD="$REPO_ROOT/clients/dashboard"

log "building the contracts (scripts/build.sh; quick when nothing changed)"
"$REPO_ROOT/scripts/build.sh" >/dev/null
"$REPO_ROOT/scripts/chain.sh" start
python=$("$REPO_ROOT/scripts/python-env.sh")
SUM_WASMD="$WASMD" PYTHONPATH="$REPO_ROOT/scripts" "$python" "$REPO_ROOT/scripts/dashboard_setup.py" "$SUM_CHAIN_DIR"
"$REPO_ROOT/scripts/chain.sh" accounts >"$SUM_CHAIN_DIR/dashboard-accounts.json"

"$REPO_ROOT/scripts/dashboard-npm.sh"
cd "$DASHBOARD"
log "building the dashboard"
node_modules/.bin/vite build --logLevel error
exec node --import tsx server/serve.ts
