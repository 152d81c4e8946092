#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests when the machine lacks it
# (Playwright drives /usr/bin/chromium; its own browser download is not used).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  log "installing Debian's chromium"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
"$CHROMIUM" --version >/dev/null 2>&1 || die "$CHROMIUM does not run"
log "browser ready: $("$CHROMIUM" --version)"
