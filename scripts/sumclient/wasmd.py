"""A thin wrapper over the wasmd command line: transactions wait for their block and
return the result; queries return parsed JSON."""

import json
import os
import re
import subprocess
import time
import urllib.request
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


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

    def wait_until_block_time(self, seconds: int, timeout: float = 120):
        deadline = time.monotonic() + timeout
        while self.block_time() < seconds:
            if time.monotonic() > deadline:
                raise TimeoutError(f"block time did not reach {seconds}")
            time.sleep(0.3)

    def tx(self, sender: str, *args: str, gas: int | None = None) -> dict:
        """Signs and broadcasts `wasmd tx ARGS` from key `sender`, waits for its block and
        returns the result. Raises TxFailed when simulation or execution fails.
        With `gas` given, simulation is skipped, so a failing call reaches the chain."""
        gas_flags = ["--gas", str(gas)] if gas else ["--gas", "auto", "--gas-adjustment", "1.4"]
        out = self.run("tx", *args, "--from", sender, "--keyring-backend", "test",
                       "--chain-id", "sum-local", "--node", self.rpc.replace("http", "tcp"),
                       *gas_flags, "--fees", f"0{self.denom}", "-y", "-o", "json")
        submitted = json.loads(out)
        if submitted.get("code", 0) != 0:
            raise TxFailed(submitted.get("raw_log", "check failed"), submitted)
        result = self.wait_for_tx(submitted["txhash"])
        if result.get("code", 0) != 0:
            raise TxFailed(result.get("raw_log", ""), result)
        return result

    def wait_for_tx(self, txhash: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return json.loads(self.run("query", "tx", txhash, "--node",
                                           self.rpc.replace("http", "tcp"), "-o", "json"))
            except TxFailed:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"transaction {txhash} not included after {timeout}s")
                time.sleep(0.2)

    def smart(self, contract: str, msg: dict) -> dict:
        out = self.run("query", "wasm", "contract-state", "smart", contract, json.dumps(msg),
                       "--node", self.rpc.replace("http", "tcp"), "-o", "json")
        return json.loads(out)["data"]

    def balance(self, address: str, denom: str | None = None) -> int:
        out = self.run("query", "bank", "balance", address, denom or self.denom,
                       "--node", self.rpc.replace("http", "tcp"), "-o", "json")
        return int(json.loads(out)["balance"]["amount"])


def events(result: dict, kind: str) -> list[dict]:
    """The attributes of every event of one kind in a transaction result."""
    return [
        {a["key"]: a.get("value", "") for a in event["attributes"]}
        for event in result.get("events", [])
        if event["type"] == kind
    ]


def attribute(result: dict, kind: str, key: str) -> str:
    for attrs in events(result, kind):
        if key in attrs:
            return attrs[key]
    raise KeyError(f"no {kind}.{key} in the transaction's events")
