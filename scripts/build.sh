#!/usr/bin/env bash
# Builds every contract to an optimised, VM-compatible Wasm in artifacts/, writes
# artifacts/checksums.txt and prints each size. Needs only the wasm32 target and wasm-opt
# (scripts/install-tools.sh); scripts/check-artifacts.sh checks the result with cosmwasm-check.
# Rust 1.87+ emits opcodes the CosmWasm VM rejects; optimise_wasm (lib.sh) lowers them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/install-tools.sh"

log "building contracts for wasm32-unknown-unknown"
RUSTFLAGS="-C link-arg=-s" cargo build --locked --release --lib \
  --target wasm32-unknown-unknown $(printf -- '-p sum-%s ' "${CONTRACTS[@]}")

# wasm-opt takes most of a rebuild; an artifact is redone only when cargo's output changed
# (the stamp records the hash of the Wasm it was optimised from).
stamps=target/artifact-stamps
mkdir -p artifacts "$stamps"
rm -f artifacts/checksums.txt
for contract in "${CONTRACTS[@]}"; do
  name=$(artifact_name "$contract")
  raw="target/wasm32-unknown-unknown/release/$name"
  source_hash=$(sha256sum "$raw" | cut -d' ' -f1)
  if [ -f "artifacts/$name" ] && [ "$(cat "$stamps/$name" 2>/dev/null)" = "$source_hash" ]; then
    continue
  fi
  rm -f "$stamps/$name"
  optimise_wasm "$raw" "artifacts/$name"
  echo "$source_hash" >"$stamps/$name"
done
(cd artifacts && sha256sum ./*.wasm | sed 's| \./| |' > checksums.txt)

# wasmd refuses code larger than 800 KiB.
limit=$((800 * 1024))
log "artifact sizes"
for wasm in artifacts/*.wasm; do
  size=$(stat -c %s "$wasm")
  printf '  %-36s %8d bytes\n' "$(basename "$wasm")" "$size"
  [ "$size" -le "$limit" ] || die "$wasm is larger than wasmd's 800 KiB limit"
done
