#!/usr/bin/env bash
# Creates .venv with scripts/requirements.txt (once, and again when they change);
# prints the path of its python.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
venv="$REPO_ROOT/.venv"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$REPO_ROOT/scripts/requirements.txt" "$stamp"; then
  log "creating Python environment in .venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$REPO_ROOT/scripts/requirements.txt"
  cp "$REPO_ROOT/scripts/requirements.txt" "$stamp"
fi
echo "$venv/bin/python"
