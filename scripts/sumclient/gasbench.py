"""Gas used on a real wasmd chain by SUM's operations, in three parts:

- `stakeable`: storing every code, then instantiate, add data, refund, report and predict
  for every model at several input sizes, with the stakeable mechanism;
- `points`: the same operations for the dense perceptron with the points mechanism;
- `prediction-market`: the market's operations, and one reward batch against the batch
  limit and the test-set size (gasbench_market.py).

Writes bench/gas.json and bench/gas.md (gasbench_report.py). With `--only PART` (repeatable)
it runs those parts and keeps the other parts' rows of bench/gas.json.

  python -m sumclient.gasbench CHAIN_HOME WASMD [--only PART ...]
  python -m sumclient.gasbench report WASMD      (bench/gas.md again from bench/gas.json)
"""

import argparse
import random

from . import deploy, gasbench_market, gasbench_report
from .gasbench_stacks import Bench, sample
from .stack import execute
from .wasmd import REPO_ROOT, Wasmd, attribute, encode_json

SIZES = [8, 64, 512]
REFUND_WAIT = 2
PROBE_WASM = REPO_ROOT / "target" / "bench" / "sum_query_probe.wasm"
MODELS = ["dense-perceptron", "averaged-dense-perceptron", "sparse-perceptron",
          "averaged-sparse-perceptron", "naive-bayes", "nearest-centroid",
          "sparse-nearest-centroid"]
INCENTIVE_MSGS = {
    "stakeable": {"denom": "usum", "cost_weight": "1000", "refund_wait": REFUND_WAIT,
                  "owner_claim_wait": 86400, "any_address_claim_wait": 604800},
    "points": {"refund_wait": REFUND_WAIT},
}
POINTS_MODEL, POINTS_SIZE = "dense-perceptron", 8
PARTS = ["stakeable", "points", gasbench_market.MARKET]
# The keys that send measured transactions, besides the validator (which stores the codes).
USERS = ["alice", "bob"]


def run_claims(bench: Bench, model: str, size: int, incentive: str, probe: str | None = None):
    """Instantiate, add data, refund and report (and predict, through `probe`) for one
    model and size under a deposit mechanism."""
    x = sample(model, size, random.Random(size))
    stack = bench.deploy(model, size, x, incentive, INCENTIVE_MSGS[incentive])
    # alice's good sample trains the model (the worst case: it changes every weight the
    # sample touches); bob's mislabelled copy undoes it; alice's second copy redoes it.
    good, first = stack.add_data("alice", x, 1)
    bad, _ = stack.add_data("bob", x, 0)
    stack.add_data("alice", x, 1)
    stack.wait_for_refund_window(bad)
    gas = {"add_data": first["gas_used"],
           "refund": stack.execute("alice", {"refund": {"id": good}})["gas_used"],
           "report": stack.execute("alice", {"report": {"id": bad}})["gas_used"]}
    if probe:
        gas["predict"] = query_gas(bench.chain, probe, stack.model, {"predict": {"data": x}})
    for operation, used in gas.items():
        bench.record(operation, model, incentive, size, used)


def query_gas(chain: Wasmd, probe: str, contract: str, query: dict) -> int:
    """The gas of a smart query, run by the probe contract inside a transaction: a probe
    call that runs it minus one that does not."""
    probe_query = {"query": {"contract": contract, "msg": encode_json(query)}}
    with_query = execute(chain, "validator", probe, probe_query)
    baseline = execute(chain, "validator", probe, {"nothing": {}})
    return int(with_query["gas_used"]) - int(baseline["gas_used"])


def instantiate_probe(chain: Wasmd) -> str:
    """Stores and instantiates the query probe (target/bench, built by bench-gas.sh)."""
    stored = chain.tx("validator", "wasm", "store", str(PROBE_WASM))
    code_id = attribute(stored, "store_code", "code_id")
    instantiated = chain.tx("validator", "wasm", "instantiate", code_id, "{}",
                            "--label", "query probe", "--no-admin")
    return attribute(instantiated, "instantiate", "_contract_address")


def run_stakeable(bench: Bench, store_gas: dict):
    for contract, gas in store_gas.items():
        bench.record("store", contract, "stakeable", deploy.artifact(contract).stat().st_size, gas)
    probe = instantiate_probe(bench.chain)
    for model in MODELS:
        for size in SIZES:
            run_claims(bench, model, size, "stakeable", probe)


def warm_up(chain: Wasmd):
    """Makes each user key's first transaction (which also stores the key's public key on
    chain) one that is not measured."""
    for key in USERS:
        address = chain.address(key)
        chain.tx(key, "bank", "send", address, address, f"1{chain.denom}")


def run(chain_home: str, wasmd: str, parts: list[str]):
    """Measures `parts` on the chain at `chain_home`; rewrites the report with their rows
    and the other parts' saved rows."""
    chain = Wasmd(wasmd, chain_home)
    warm_up(chain)
    code_ids, store_gas = deploy.store_all(chain, "validator", reuse=False)
    bench = Bench(chain, code_ids)
    if "stakeable" in parts:
        run_stakeable(bench, store_gas)
    if "points" in parts:
        run_claims(bench, POINTS_MODEL, POINTS_SIZE, "points")
    if gasbench_market.MARKET in parts:
        gasbench_market.run(bench)
    kept = [r for r in gasbench_report.saved_rows() if r["incentive"] not in parts]
    rows = sorted(kept + bench.rows, key=lambda r: PARTS.index(r["incentive"]))
    gasbench_report.write(rows, chain.run("version").strip())


def main(argv=None):
    p = argparse.ArgumentParser(prog="gasbench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("chain_home", help="the chain's node folder, or `report` to rewrite "
                   "bench/gas.md from bench/gas.json without a chain")
    p.add_argument("wasmd", help="the wasmd binary")
    p.add_argument("--only", choices=PARTS, action="append",
                   help="measure this part only (repeat for several)")
    args = p.parse_args(argv)
    if args.chain_home == "report":
        gasbench_report.rewrite_report(args.wasmd)
    else:
        run(args.chain_home, args.wasmd, args.only or PARTS)


if __name__ == "__main__":
    main()
