#!/usr/bin/env bash
# Runs every test: unit tests beside the code, property tests, and the multi-contract
# scenarios on cw-multi-test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

log "unit, property and multi-contract tests"
cargo test --workspace --locked
