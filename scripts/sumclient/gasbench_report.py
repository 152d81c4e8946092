"""bench/gas.md from the gas benchmark's rows (bench/gas.json)."""

import json
import os
import subprocess
from pathlib import Path

from . import gasbench_market
from .gasbench_stacks import table
from .wasmd import REPO_ROOT

OUT = REPO_ROOT / "bench"
OPERATIONS = ["instantiate", "add_data", "refund", "report", "predict"]
HEADINGS = ["instantiate stack", "add data", "refund", "report", "predict query"]


def report(rows, wasmd_version: str) -> str:
    lines = [
        "# Gas used by SUM on a local wasmd chain",
        "",
        f"Measured by `scripts/bench-gas.sh` on wasmd {wasmd_version} (single node, default "
        "gas parameters), with the incentive mechanism each table names. `gas_used` is what "
        "the chain reports for the transaction; `bench/gas.json` has the same rows. "
        "`scripts/bench-gas.sh --only PART` measures one part again (`stakeable`, `points` "
        "or `prediction-market`) and keeps the others' rows.",
        *store_section(rows),
        *operations_section(rows),
        *gasbench_market.report(rows),
        "",
        EXPLANATION,
    ]
    return "\n".join(lines) + "\n"


def store_section(rows) -> list[str]:
    stored = [[r["model"], r["size"], r["gas_used"]] for r in rows if r["operation"] == "store"]
    return ["", "## Store (size = Wasm bytes)", "", *table(["contract", "size", "gas"], stored)]


def operations_section(rows) -> list[str]:
    """Instantiate, add data, refund, report and predict, by model, mechanism and size."""
    cells = {}
    for r in rows:
        if r["operation"] in OPERATIONS and r["incentive"] != gasbench_market.MARKET:
            cells.setdefault((r["model"], r["incentive"], r["size"]), {})[r["operation"]] = r["gas_used"]
    return ["", "## Per operation (size = dense dimension or active sparse features)", "",
            *table(["model", "mechanism", "size", *HEADINGS],
                   [[*key, *(ops.get(op, "") for op in OPERATIONS)] for key, ops in cells.items()],
                   left=2)]


EXPLANATION = """## Where the gas goes

The constants below are wasmd's and the Cosmos SDK's defaults (wasmd
`x/wasm/types/gas_register.go`, SDK `KVGasConfig`).

- **Transaction overhead.** The SDK's ante handler charges for the signature, the fee and
  sequence bookkeeping and 10 gas per byte of transaction, before any contract runs; a
  512-dimension dense sample alone is about 6 kB of JSON. An account's first transaction
  also stores its public key (about 13 000 gas more), so the benchmark sends one
  unmeasured transaction from each key first.
- **Contract instances.** Loading a contract costs 60 000 gas the first time its code runs
  in a transaction and 2 000 for each further call of the same code (or for pinned codes).
  `add_data` loads four codes (trainer, mechanism for the price query and again for the
  deposit, model, data handler; no reply): about 240 000 gas of the total is instance
  setup. `refund`/`report` load four codes too (trainer, data handler queried
  for the contribution, model queried, mechanism, which keeps the claims). This flat part
  dominates at small sizes and is why 8 and 64 dense features cost nearly the same. Pinning the four
  codes (a governance action on a public chain) would cut ~230 000 gas per operation.
- **Storage.** Reads cost 1 000 gas plus 3 per byte, writes 2 000 plus 30 per byte. The data
  handler stores every sample with its metadata, so `add_data` grows with the sample's JSON
  size. The dense models keep their parameters in few entries: the dense perceptron reads
  and rewrites its whole weight vector (one entry), the nearest-centroid model one class's
  centroid (and reads every class's on predict; its instantiation writes every initial
  centroid). The sparse models keep one entry per feature index (the perceptron a weight,
  naive Bayes and the sparse centroid model a vector over classes), so they read and write
  one entry per active feature: 512 sparse features cost ~512 flat reads and writes, the
  largest rows of the table: about 4x the 64-feature cost for 8x the features. The
  averaged perceptrons keep a sum beside every weight: the sparse one reads two entries
  per active feature (and writes two when it trains), the dense one a second, wider vector.
- **Compute.** Wasm execution is metered at 140 000 VM gas per SDK gas; the integer
  arithmetic of the rules is small next to the above, JSON (de)serialisation of the
  features across contract calls is the larger compute share.
- **Predict** is measured inside a transaction by a probe contract (gas of a probe call that
  runs the query minus one that does not): the model's instance cost plus its reads and
  compute. For a client a smart query is free, bounded only by the node's query gas limit.
- **Store** is dominated by the per-byte cost of storing and compiling the code.
- **Points.** With the points mechanism no coins move (no deposit with add data, no
  payment with a claim: the mechanism records a point or a report instead), so its
  operations cost somewhat less than the stakeable mechanism's on the same model.
"""


def write(rows, wasmd_version: str):
    OUT.mkdir(exist_ok=True)
    (OUT / "gas.json").write_text(json.dumps(rows, indent=2) + "\n")
    (OUT / "gas.md").write_text(report(rows, wasmd_version))
    print(f"wrote {OUT / 'gas.json'} and {OUT / 'gas.md'}")


def saved_rows() -> list[dict]:
    """The rows of bench/gas.json, or none."""
    path = OUT / "gas.json"
    return json.loads(path.read_text()) if path.exists() else []


def rewrite_report(wasmd: str):
    """Regenerates bench/gas.md from bench/gas.json, without a chain."""
    version = subprocess.run([wasmd, "version"], capture_output=True, text=True,
                             env=dict(os.environ, LD_LIBRARY_PATH=str(Path(wasmd).parent)))
    write(saved_rows(), version.stdout.strip() or version.stderr.strip())
