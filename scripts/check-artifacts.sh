#!/usr/bin/env bash
# Checks every contract's artifact in artifacts/ (scripts/build.sh makes them) with
# cosmwasm-check, the VM's own validation that wasmd also runs on store. cosmwasm-check is
# built from crates.io once, into the cache (several minutes the first time).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

if [ ! -x "$COSMWASM_CHECK" ]; then
  log "building cosmwasm-check $COSMWASM_CHECK_VERSION (once; takes several minutes)"
  cargo install --locked cosmwasm-check --version "=$COSMWASM_CHECK_VERSION" \
    --root "$SUM_CACHE/cosmwasm-check-$COSMWASM_CHECK_VERSION"
fi
"$COSMWASM_CHECK" --version >/dev/null || die "cosmwasm-check does not run"

artifacts=()
for contract in "${CONTRACTS[@]}"; do
  wasm="artifacts/$(artifact_name "$contract")"
  [ -f "$wasm" ] || die "$wasm is missing: run scripts/build.sh"
  artifacts+=("$wasm")
done
log "$("$COSMWASM_CHECK" --version) on ${#artifacts[@]} artifacts"
"$COSMWASM_CHECK" "${artifacts[@]}"
