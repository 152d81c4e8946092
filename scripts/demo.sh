#!/usr/bin/env bash
# The main job as a demo: deploy a model stack, add data with deposits, watch predictions
# change, refund one contribution and take another's deposit, printing each step.
#
#   scripts/demo.sh               on a local wasmd chain (built and started as needed)
#   scripts/demo.sh --in-process  on an in-process chain (cw-multi-test): nothing to set up
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

if [ "${1:-}" = "--in-process" ]; then
  exec cargo run --quiet --locked -p sum-testing --bin demo
fi

scripts/build.sh >/dev/null
scripts/chain.sh start
trap 'scripts/chain.sh stop' EXIT
sumctl() { echo "\$ sumctl $*" >&2; scripts/sumctl "$@"; }

sumctl deploy scripts/models/dense-perceptron.json
echo "--- predictions before training"
sumctl predict --features '[1, 0]'
sumctl predict --features '[-1, 0]'
echo "--- alice adds good data, bob adds a mislabelled point, alice adds more good data"
sumctl add-data --from alice --features '[1, 0]' --label right
sumctl add-data --from bob --features '[0.8, 0.6]' --label left
sumctl add-data --from alice --features '[0.6, 0.8]' --label right
echo "--- predictions after training"
sumctl predict --features '[1, 0]'
sumctl predict --features '[-1, 0]'
echo "--- waiting (on block time) for the 5 s refund window of both contributions"
sumctl wait-refund 1
sumctl refund --from alice 0
sumctl refund --from bob 1 || echo "(bob's refund is refused: the model disagrees with his label)"
sumctl report --from alice 1
sumctl balance alice
sumctl balance bob
