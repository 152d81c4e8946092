#!/usr/bin/env bash
# A local single-node wasmd chain bound to 127.0.0.1, for demos, end-to-end tests and gas
# figures.
#
#   scripts/chain.sh start    build wasmd if needed, create the chain if needed, start it
#   scripts/chain.sh stop     stop it (waits until the process is gone)
#   scripts/chain.sh reset    stop it and delete its state
#   scripts/chain.sh status   print the node's address and latest height
#   scripts/chain.sh accounts print the chain's settings (chain id, address prefix, denom, stake
#                             denom, gas price) and the test accounts as JSON: name, address,
#                             hex private key (LOCAL ONLY: these keys are in a test keyring,
#                             for the dashboard's local signer)
#
# State lives in $SUM_CHAIN_DIR (default .chain/ in the clone). Ports are picked free at
# creation, so two clones on one machine do not clash. Accounts (test keyring): validator,
# and the users alice, bob, carol, dave, each funded in the deposit denom "usum" and the stake
# denom "stake".
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CHAIN_DIR="${SUM_CHAIN_DIR:-$REPO_ROOT/.chain}"
NODE_HOME="$CHAIN_DIR/node"
CHAIN_ID="sum-local"
DENOM="usum"              # the deposit denom
STAKE_DENOM="stake"       # the staking (bond) denom: wasmd's default in a new genesis
GAS_PRICE="0$DENOM"       # minimum-gas-prices: transactions are free here
BECH32_PREFIX="wasm"      # wasmd's address prefix
USERS=(alice bob carol dave)
export LD_LIBRARY_PATH="$(dirname "$WASMD")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

wasmd() { "$WASMD" "$@" --home "$NODE_HOME"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

create() {
  log "creating chain $CHAIN_ID in $NODE_HOME"
  rm -rf "$NODE_HOME"
  mkdir -p "$CHAIN_DIR"
  wasmd init sum-node --chain-id "$CHAIN_ID" >/dev/null 2>&1
  wasmd config set client chain-id "$CHAIN_ID" >/dev/null
  wasmd config set client keyring-backend test >/dev/null
  for name in validator "${USERS[@]}"; do
    wasmd keys add "$name" --keyring-backend test >/dev/null 2>&1
    wasmd genesis add-genesis-account "$(wasmd keys show "$name" -a --keyring-backend test)" \
      "1000000000000000$STAKE_DENOM,1000000000000000$DENOM" >/dev/null
  done
  wasmd genesis gentx validator "1000000000$STAKE_DENOM" --chain-id "$CHAIN_ID" --keyring-backend test >/dev/null 2>&1
  wasmd genesis collect-gentxs >/dev/null 2>&1

  local rpc p2p grpc api pprof
  rpc=$(free_port); p2p=$(free_port); grpc=$(free_port); api=$(free_port); pprof=$(free_port)
  python3 - "$NODE_HOME" "$rpc" "$p2p" "$grpc" "$api" "$pprof" "$GAS_PRICE" <<'PY'
import re, sys
home, rpc, p2p, grpc, api, pprof, gas_price = sys.argv[1:]
def edit(path, replacements):
    text = open(path).read()
    for section, key, value in replacements:
        pattern = rf'(\[{re.escape(section)}\][^\[]*?^{key} = ).*?$' if section else rf'^({key} = ).*?$'
        text, n = re.subn(pattern, lambda m: m.group(1) + value, text, count=1, flags=re.M | re.S)
        assert n == 1, (path, section, key)
    open(path, "w").write(text)
edit(f"{home}/config/config.toml", [
    ("rpc", "laddr", f'"tcp://127.0.0.1:{rpc}"'),
    ("p2p", "laddr", f'"tcp://127.0.0.1:{p2p}"'),
    ("p2p", "addr_book_strict", "false"),
    ("p2p", "pex", "false"),
    ("", "pprof_laddr", f'"127.0.0.1:{pprof}"'),
    ("consensus", "timeout_commit", '"300ms"'),
    ("consensus", "timeout_propose", '"300ms"'),
])
edit(f"{home}/config/app.toml", [
    ("", "minimum-gas-prices", f'"{gas_price}"'),
    ("api", "enable", "false"),
    ("api", "address", f'"tcp://127.0.0.1:{api}"'),
    ("grpc", "address", f'"127.0.0.1:{grpc}"'),
])
open(f"{home}/rpc_port", "w").write(rpc)
PY
  wasmd config set client node "tcp://127.0.0.1:$rpc" >/dev/null
}

pid_alive() { [ -f "$CHAIN_DIR/wasmd.pid" ] && kill -0 "$(cat "$CHAIN_DIR/wasmd.pid")" 2>/dev/null; }

height() {
  curl -sf "http://127.0.0.1:$(cat "$NODE_HOME/rpc_port")/status" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["sync_info"]["latest_block_height"])'
}

start() {
  "$REPO_ROOT/scripts/install-wasmd.sh"
  if pid_alive; then log "chain already running"; return; fi
  [ -f "$NODE_HOME/rpc_port" ] || create
  log "starting wasmd (log: $CHAIN_DIR/wasmd.log)"
  setsid "$WASMD" start --home "$NODE_HOME" >"$CHAIN_DIR/wasmd.log" 2>&1 < /dev/null &
  echo $! >"$CHAIN_DIR/wasmd.pid"
  # Poll the node (generously: a loaded two-core machine starts it slowly).
  for _ in $(seq 1 360); do
    if ! pid_alive; then tail -20 "$CHAIN_DIR/wasmd.log" >&2; die "wasmd exited"; fi
    h=$(height 2>/dev/null || echo 0)
    if [ "${h:-0}" -ge 2 ]; then
      log "chain $CHAIN_ID up at height $h, rpc tcp://127.0.0.1:$(cat "$NODE_HOME/rpc_port")"
      return
    fi
    sleep 0.5
  done
  stop
  die "wasmd did not produce blocks within 180s"
}

stop() {
  if pid_alive; then
    local pid; pid=$(cat "$CHAIN_DIR/wasmd.pid")
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "chain stopped"
  fi
  rm -f "$CHAIN_DIR/wasmd.pid"
}

accounts() {
  [ -f "$NODE_HOME/rpc_port" ] || die "no chain: run $0 start"
  python3 - "$WASMD" "$NODE_HOME" "$CHAIN_ID" "$BECH32_PREFIX" "$DENOM" "$STAKE_DENOM" "$GAS_PRICE" "${USERS[@]}" <<'PY'
import json, subprocess, sys
wasmd, home, chain_id, prefix, denom, stake_denom, gas_price, *users = sys.argv[1:]
def keys(*args):
    return subprocess.run([wasmd, "keys", *args, "--home", home, "--keyring-backend", "test"],
                          check=True, capture_output=True, text=True).stdout.strip()
accounts = [{"name": name, "address": keys("show", name, "-a"),
             "private_key": keys("export", name, "--unarmored-hex", "--unsafe", "-y")}
            for name in users]
print(json.dumps({"chain_id": chain_id, "bech32_prefix": prefix, "denom": denom,
                  "stake_denom": stake_denom, "gas_price": gas_price, "local_only": True, "accounts": accounts}, indent=2))
PY
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) stop; rm -rf "$CHAIN_DIR"; log "chain state removed" ;;
  status)
    pid_alive || die "chain not running"
    echo "rpc tcp://127.0.0.1:$(cat "$NODE_HOME/rpc_port") height $(height)"
    ;;
  accounts) accounts ;;
  *) die "usage: $0 start|stop|reset|status|accounts" ;;
esac
