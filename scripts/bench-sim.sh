#!/usr/bin/env bash
# Simulator benchmark: the fixed schedule (4 600 additions on synth1000, 1 157 on digits_ge5,
# every refund and report) through our rules (native) and our contracts (cw-multi-test),
# and through the original system's Python simulator core, side by side in each round;
# then how the agent simulation's time grows with the number of contributions.
# Writes bench/simulator.md and bench/simulator.json.
#   SUM_BENCH_RUNS   rounds per data set (default 5; the report quotes medians)
#   SUM_ORIGINAL_SIMULATOR   the original's runner (default: the shared reference material)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

runs="${SUM_BENCH_RUNS:-5}"
original="${SUM_ORIGINAL_SIMULATOR:-$REPO_ROOT/../shared/bench/original-simulator/run.sh}"
[ -x "$original" ] || [ -f "$original" ] || die "no original simulator at $original"
raw=target/simbench
rm -rf "$raw" && mkdir -p "$raw"

log "building sum-sim (release)"
cargo build --quiet --locked --release -p sum-simulator
sim=target/release/sum-sim

# One measured process: its stdout to $1; its wall seconds and peak memory (kB) to $1.usage.
measure() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out.usage" "$@" > "$out"
}

for dataset in synth1000 digits_ge5; do
  for round in $(seq 1 "$runs"); do
    log "$dataset round $round/$runs: original, native, contracts (and with 1 feature per sample)"
    measure "$raw/$dataset-original-$round.json" bash "$original" "$dataset" 2>/dev/null
    measure "$raw/$dataset-native-$round.json" "$sim" schedule "$dataset" --backend native
    measure "$raw/$dataset-contracts-$round.json" "$sim" schedule "$dataset" --backend contracts
    measure "$raw/$dataset-contracts-1-feature-$round.json" \
      "$sim" schedule "$dataset" --backend contracts --features-per-sample 1
  done
done

for contributions in 5000 50000 500000; do
  log "agent simulation with $contributions contributions (headline scenario, native)"
  measure "$raw/scale-$contributions.txt" \
    "$sim" run packages/sum-simulator/scenarios/headline.toml --out "$raw/scale-$contributions" \
    --set data.contributions="$contributions" --set days=100000 \
    --set agents.0.start_balance=1000000000000 --set agents.1.start_balance=1000000000000
done

python3 scripts/simbench/report.py "$raw" "$runs" bench
log "wrote bench/simulator.md and bench/simulator.json"
