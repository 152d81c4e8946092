#!/usr/bin/env bash
# The TypeScript client in clients/ts (typed CosmJS clients generated from schema/ by
# @cosmwasm/ts-codegen, plus the off-chain encoders). Needs node and npm; only the npm
# registry is used (npm ci from the committed package-lock.json).
#   scripts/ts-client.sh            install deps, regenerate clients/ts/src/generated
#   scripts/ts-client.sh --check    install deps, fail if regenerating would change it
#   scripts/ts-client.sh test       --check, then tsc --noEmit and the unit tests (which
#                                   compare with the Python encoders of scripts/sumclient)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
client="$REPO_ROOT/clients/ts"
mode="${1:-generate}"

install() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20+"
  log "npm ci in clients/ts"
  (cd "$client" && npm ci --no-audit --no-fund --loglevel=error)
}

generate() {
  log "regenerating clients/ts/src/generated from schema/"
  (cd "$client" && node codegen.js)
}

check() {
  local tmp
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  log "checking clients/ts/src/generated is what schema/ generates"
  (cd "$client" && node codegen.js "$tmp/generated")
  diff -r "$client/src/generated" "$tmp/generated" \
    || die "clients/ts/src/generated is stale: run scripts/ts-client.sh and commit the result"
}

case "$mode" in
  generate) install; generate ;;
  --check|check) install; check ;;
  test)
    install
    check
    log "tsc --noEmit"
    (cd "$client" && npx --no-install tsc --noEmit) || die "TypeScript client does not type-check"
    # The tests run the Python reference encoders, which need mmh3 (scripts/requirements.txt).
    export SUM_PYTHON="${SUM_PYTHON:-$("$REPO_ROOT/scripts/python-env.sh")}"
    log "npm test (python: $SUM_PYTHON)"
    (cd "$client" && npm test) || die "TypeScript client tests failed"
    ;;
  *) die "usage: $0 [--check | test]" ;;
esac
