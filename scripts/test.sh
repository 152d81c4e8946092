#!/usr/bin/env bash
# Runs every test: unit tests beside the code, property tests and the multi-contract
# scenarios on cw-multi-test; then builds the artifacts, checks them with cosmwasm-check and
# runs the end-to-end tests against a local wasmd chain that it starts and stops; last, the
# dashboard's browser tests (Playwright, Debian's Chromium) on another chain of their own.
#
#   SUM_E2E_RUNS=3 scripts/test.sh    run the end-to-end suite 3 times (each on a new chain)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

runs="${SUM_E2E_RUNS:-1}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "SUM_E2E_RUNS must be a whole number from 1 up, not '$runs'"

log "unit, property and multi-contract tests"
cargo test --workspace --locked

log "wasm artifacts"
scripts/build.sh
scripts/check-artifacts.sh

scripts/install-wasmd.sh
python=$(scripts/python-env.sh)
log "TypeScript client: generated code up to date, tsc, encoder tests"
SUM_PYTHON="$python" scripts/ts-client.sh test
for run in $(seq 1 "$runs"); do
  log "end-to-end tests on a local wasmd chain (run $run of $runs)"
  SUM_WASMD="$WASMD" PYTHONPATH="$REPO_ROOT/scripts" "$python" -m pytest -v scripts/e2e
done

log "dashboard in a browser (scripts/dashboard-test.sh; screenshots in clients/dashboard/test-output/screenshots)"
scripts/dashboard-test.sh
