"""Prepares a local chain for the dashboard: stores every contract not yet on it (by
checksum) and records the code ids in $SUM_CHAIN_DIR/dashboard-code-ids.json; when the
chain has no stack of this trainer yet, deploys each example model of
scripts/models/*.json (owner: validator) and opens the prediction market of
market-perceptron.json with alice as the bounty provider (its salted test set goes to
$SUM_CHAIN_DIR/market-test-set.json, for alice to reveal through the dashboard).

  SUM_WASMD=… PYTHONPATH=scripts python scripts/dashboard_setup.py CHAIN_DIR
"""

import json
import math
import os
import sys
from pathlib import Path

from sumclient import deploy
from sumclient.encoders import fixed_point_normalised
from sumclient.market import Market, SaltedTestSet
from sumclient.stack import Stack
from sumclient.wasmd import Wasmd

CODE_IDS_FILE = "dashboard-code-ids.json"
TEST_SET_FILE = "market-test-set.json"
DEPLOYER = "validator"
MARKET_MODEL = "market-perceptron.json"
PROVIDER = "alice"
# The market: a bounty, a test set of points on the unit circle in pieces, and an end once
# two contributions are in (or after an hour).
BOUNTY = 100_000
TEST_POINTS = 8
PIECES = 4
MIN_DURATION = 3600
MIN_CONTRIBUTIONS = 2


def circle_test_set() -> list[dict]:
    """Points spread around the unit circle, labelled 1 (right) when x > 0, else 0 (left);
    none on the vertical axis."""
    angles = [2 * math.pi * (k + 0.5) / TEST_POINTS for k in range(TEST_POINTS)]
    return [{"data": {"dense": fixed_point_normalised([math.cos(a), math.sin(a)])},
             "classification": int(math.cos(a) > 0)} for a in angles]


def open_market(chain: Wasmd, deployment: dict, chain_dir: Path):
    """Opens the market as PROVIDER and reveals the drawn piece: participation starts."""
    market = Market(Stack(chain, deployment))
    test_set = SaltedTestSet.cut(circle_test_set(), PIECES)
    test_set.save(chain_dir / TEST_SET_FILE, deployment["trainer"])
    market.open(PROVIDER, test_set, BOUNTY, MIN_DURATION, MIN_CONTRIBUTIONS)
    for index, _ in market.reveal_pending(PROVIDER, test_set):
        print(f"market opened by {PROVIDER}; piece {index} revealed")


def main(chain_dir: Path):
    chain = Wasmd(os.environ["SUM_WASMD"], str(chain_dir / "node"))
    code_ids, _ = deploy.store_all(chain, DEPLOYER)
    (chain_dir / CODE_IDS_FILE).write_text(json.dumps(code_ids, indent=2) + "\n")
    print(f"code ids (stored now or already on the chain): {code_ids}")
    if chain.query("wasm", "list-contract-by-code", str(code_ids["trainer"]))["contracts"]:
        print("the chain has model stacks: no example deployed")
        return
    for path in sorted(deploy.MODELS.glob("*.json")):
        deployment, _ = deploy.instantiate_stack(chain, DEPLOYER, code_ids, deploy.load_description(path))
        print(f"deployed {path.name}: trainer {deployment['trainer']}")
        if path.name == MARKET_MODEL:
            open_market(chain, deployment, chain_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
