#!/usr/bin/env bash
# Gas report: builds the contracts and the query probe, starts a throw-away local wasmd
# chain, measures store, instantiate, add data, refund, report and predict for every model
# at several input sizes (stakeable mechanism), the same for one model with the points
# mechanism, and the prediction market's operations and reward batches; writes
# bench/gas.md and bench/gas.json.
#
#   scripts/bench-gas.sh                           every part (about half an hour)
#   scripts/bench-gas.sh --only prediction-market  one part (or stakeable, points); keeps
#                                                  the other parts' rows of bench/gas.json
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

scripts/build.sh
log "building the query probe (benchmark helper)"
RUSTFLAGS="-C link-arg=-s" cargo build --locked --release --lib --target wasm32-unknown-unknown -p sum-query-probe
mkdir -p target/bench
optimise_wasm target/wasm32-unknown-unknown/release/sum_query_probe.wasm target/bench/sum_query_probe.wasm

python=$(scripts/python-env.sh)
chain_dir=$(mktemp -d)
export SUM_CHAIN_DIR="$chain_dir"
trap 'scripts/chain.sh stop; rm -rf "$chain_dir"' EXIT
scripts/chain.sh start
PYTHONPATH="$REPO_ROOT/scripts" "$python" -m sumclient.gasbench "$chain_dir/node" "$WASMD" "$@"
