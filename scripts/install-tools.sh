#!/usr/bin/env bash
# Installs what building and checking the contracts needs and a fresh machine lacks:
# the wasm32 target, binaryen's wasm-opt (npm) and cosmwasm-check (crates.io), both cached.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -x "$WASM_OPT" ]; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  dir="$SUM_CACHE/binaryen-$BINARYEN_VERSION"
  mkdir -p "$dir"
  (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null)
fi
"$WASM_OPT" --version >/dev/null || die "wasm-opt does not run"

if [ ! -x "$COSMWASM_CHECK" ]; then
  log "building cosmwasm-check $COSMWASM_CHECK_VERSION (once; takes several minutes)"
  cargo install --locked cosmwasm-check --version "=$COSMWASM_CHECK_VERSION" \
    --root "$SUM_CACHE/cosmwasm-check-$COSMWASM_CHECK_VERSION"
fi
"$COSMWASM_CHECK" --version >/dev/null || die "cosmwasm-check does not run"
log "tools ready: $("$WASM_OPT" --version), $("$COSMWASM_CHECK" --version)"
