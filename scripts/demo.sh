#!/usr/bin/env bash
# The main job as a demo: deploys a model stack, adds data with deposits, shows predictions
# change, refunds one contribution and takes another's deposit, printing each step.
# Runs on an in-process chain (cw-multi-test): nothing to set up.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
cargo run --quiet --locked -p sum-testing --bin demo
