"""A thin wrapper over the wasmd command line: transactions wait for their block and
return the result; queries return parsed JSON. Every wait polls the chain's state (never a
fixed sleep) and gives up after a generous timeout."""

import base64
import json
import os
import re
import subprocess
import time
import urllib.request
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Seconds a wait allows beyond what it waits for: ample for a loaded two-core machine.
WAIT_MARGIN = 180
POLL_INTERVAL = 0.3


def poll(ready, timeout: float, what: str):
    """Calls `ready` until it returns a value other than None, and returns that value;
    raises TimeoutError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while (value := ready()) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} after {timeout:.0f}s")
        time.sleep(POLL_INTERVAL)
    return value


def encode_json(msg: dict) -> str:
    """A message nested in another (CosmWasm `Binary`): its JSON, base64-encoded."""
    return base64.b64encode(json.dumps(msg).encode()).decode()


class TxFailed(Exception):
    """A transaction that the chain (or its simulation) refused; the message is the
    contract's error where one can be found in wasmd's output."""

    def __init__(self, message, result=None):
        found = re.search(r"message index: \d+: (.*?): execute wasm contract failed", message)
        super().__init__(found.group(1) if found else message)
        self.raw = message
        self.result = result


class Wasmd:
    def __init__(self, binary: str, home: str, denom: str = "usum"):
        self.binary = binary
        self.home = home
        self.denom = denom
        self.rpc = f"http://127.0.0.1:{Path(home, 'rpc_port').read_text().strip()}"
        self.node = self.rpc.replace("http", "tcp")
        self.env = dict(os.environ)
        lib = str(Path(binary).parent)
        self.env["LD_LIBRARY_PATH"] = lib + (":" + self.env["LD_LIBRARY_PATH"] if self.env.get("LD_LIBRARY_PATH") else "")

    def run(self, *args: str) -> str:
        cmd = [self.binary, *args, "--home", self.home]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self.env)
        if done.returncode != 0:
            raise TxFailed(done.stderr.strip() or done.stdout.strip())
        return done.stdout

    def address(self, key: str) -> str:
        return self.run("keys", "show", key, "-a", "--keyring-backend", "test").strip()

    def status(self) -> dict:
        with urllib.request.urlopen(f"{self.rpc}/status", timeout=5) as response:
            return json.load(response)["result"]["sync_info"]

    def block_time(self) -> int:
        """Latest block time, in seconds."""
        stamp = self.status()["latest_block_time"]
        return int(datetime.fromisoformat(stamp[:26].rstrip("Z") + "+00:00").timestamp())

    def wait_until_block_time(self, seconds: int):
        """Waits until the latest block's time is at least `seconds`."""
        timeout = max(0, seconds - self.block_time()) + WAIT_MARGIN
        poll(lambda: self.block_time() >= seconds or None, timeout,
             f"block time did not reach {seconds}")

    def tx(self, sender: str, *args: str, gas: int | None = None) -> dict:
        """Signs and broadcasts `wasmd tx ARGS` from key `sender`, waits for its block and
        returns the result. Raises TxFailed when simulation or execution fails.
        With `gas` given, simulation is skipped, so a failing call reaches the chain."""
        gas_flags = ["--gas", str(gas)] if gas else ["--gas", "auto", "--gas-adjustment", "1.4"]
        out = self.run("tx", *args, "--from", sender, "--keyring-backend", "test",
                       "--chain-id", "sum-local", "--node", self.node,
                       *gas_flags, "--fees", f"0{self.denom}", "-y", "-o", "json")
        submitted = json.loads(out)
        if submitted.get("code", 0) != 0:
            raise TxFailed(submitted.get("raw_log", "check failed"), submitted)
        result = self.wait_for_tx(submitted["txhash"])
        if result.get("code", 0) != 0:
            raise TxFailed(result.get("raw_log", ""), result)
        return result

    def wait_for_tx(self, txhash: str) -> dict:
        """The result of a broadcast transaction, once a block includes it."""
        return poll(lambda: self.included_tx(txhash), WAIT_MARGIN,
                    f"transaction {txhash} not included")

    def included_tx(self, txhash: str) -> dict | None:
        """The transaction's result, or None while no block includes it."""
        try:
            return self.query("tx", txhash)
        except TxFailed:
            return None

    def query(self, *args: str) -> dict:
        """`wasmd query ARGS` against the node, parsed."""
        return json.loads(self.run("query", *args, "--node", self.node, "-o", "json"))

    def smart(self, contract: str, msg: dict) -> dict:
        return self.query("wasm", "contract-state", "smart", contract, json.dumps(msg))["data"]

    def admin(self, contract: str) -> str:
        """The contract's Wasm admin ("" when it has none)."""
        return self.query("wasm", "contract", contract)["contract_info"].get("admin") or ""

    def balance(self, address: str, denom: str | None = None) -> int:
        return int(self.query("bank", "balance", address, denom or self.denom)["balance"]["amount"])


def events(result: dict, kind: str) -> list[dict]:
    """The attributes of every event of one kind in a transaction result."""
    return [
        {a["key"]: a.get("value", "") for a in event["attributes"]}
        for event in result.get("events", [])
        if event["type"] == kind
    ]


def attribute(result: dict, kind: str, key: str, contract: str | None = None) -> str:
    """The first value of attribute `key` in events of one kind; with `contract`, only in
    the events that contract emitted (`wasm` events carry `_contract_address`)."""
    for attrs in events(result, kind):
        if key in attrs and contract in (None, attrs.get("_contract_address")):
            return attrs[key]
    raise KeyError(f"no {kind}.{key} in the transaction's events")
