#!/usr/bin/env bash
# Installs what building the contracts needs and a fresh machine lacks: the wasm32 target
# and binaryen's wasm-opt (npm, cached). cosmwasm-check, which only the tests need, is
# installed by scripts/check-artifacts.sh.
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
log "build tools ready: $("$WASM_OPT" --version)"
