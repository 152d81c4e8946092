#!/usr/bin/env bash
# Regenerates schema/<contract>/ for every contract from its messages (`cargo schema`).
# With --check, fails when the committed schemas differ from the generated ones.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

cargo schema >/dev/null

if [ "${1:-}" = "--check" ]; then
  if [ -n "$(git status --porcelain -- schema)" ]; then
    git status --short -- schema >&2
    die "schema/ is out of date: run scripts/schema.sh and commit the result"
  fi
  log "schema/ is up to date"
else
  log "schemas written to schema/"
fi
