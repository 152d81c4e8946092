"""The gas benchmark's prediction-market part: the market's operations, and the gas of one
reward batch (`process` through the trainer) against the batch limit and the size of the
revealed test set, fitted linearly so that a deployer can choose `max_batch` and a
provider the size of a test set."""

import random

import numpy as np

from .gasbench_stacks import Bench, sample, table
from .market import Market, SaltedTestSet

MARKET = "prediction-market"
MODELS = ["dense-perceptron", "nearest-centroid", "naive-bayes"]
SIZE = 8
TEST_SIZES = [10, 50, 100, 200]
LIMITS = [1, 5, 10, 20]
PIECES = 2
BOUNTY = 100_000
# Seconds to withdraw after the last batch: ample for the one withdrawal measured.
CLAIM_WAIT = 20
INCENTIVE_MSG = {"denom": "usum", "min_stake": "1000", "reveal_wait": 3600,
                 "any_address_claim_wait": CLAIM_WAIT, "max_batch": max(LIMITS)}
# The transaction size a deployer plans for, and the sizes the report extrapolates to.
GAS_LIMIT = 10_000_000
PLANNED_TEST_SIZES = [*TEST_SIZES, 500, 1000]
OPERATIONS = ["instantiate", "open", "reveal_first", "add_data", "end", "reveal_last",
              "withdraw", "reclaim"]


def labelled_samples(model: str, count: int, rng: random.Random) -> list[dict]:
    """`count` random test samples, labelled 0 and 1 in turn."""
    return [{"data": sample(model, SIZE, rng), "classification": i % 2} for i in range(count)]


def run(bench: Bench):
    for model in MODELS:
        for test_size in TEST_SIZES:
            run_market(bench, model, test_size)


def run_market(bench: Bench, model: str, test_size: int):
    """One whole market of `model` with `test_size` test samples in two pieces. Records its
    operations (the last reveal evaluates the untrained model on the whole test set) and
    one batch of each limit in LIMITS, in turn, over alice's contributions: one sample
    labelled 1 and 0 in turn, so that each changes the model."""
    rng = random.Random(test_size)
    x = sample(model, SIZE, rng)
    stack = bench.deploy(model, SIZE, x, MARKET, INCENTIVE_MSG, test_size=test_size)
    market = Market(stack)

    def record(operation: str, result: dict, **extra):
        bench.record(operation, model, MARKET, SIZE, result["gas_used"], test_size=test_size,
                     **extra)

    test_set = SaltedTestSet.cut(labelled_samples(model, test_size, rng), PIECES)
    drawn, opened = market.open("validator", test_set, BOUNTY, 0, sum(LIMITS))
    record("open", opened)
    record("reveal_first", market.reveal("validator", test_set, drawn))
    added = [stack.add_data("alice", x, 1 - i % 2)[1] for i in range(sum(LIMITS))]
    record("add_data", added[0])
    record("end", market.end("alice"))
    [(_, last)] = market.reveal_pending("validator", test_set)
    record("reveal_last", last)
    for limit in LIMITS:
        record("process", market.process("alice", limit), limit=limit)
    record("withdraw", market.payout("alice", "withdraw")[1])
    market.wait_for_claim_window_end()
    record("reclaim", market.payout("validator", "reclaim")[1])


def batches(rows, model: str) -> list[dict]:
    """The model's measured reward batches."""
    return [r for r in rows if r["operation"] == "process" and r["model"] == model]


def fit(rows, model: str) -> tuple[np.ndarray, float]:
    """(a, b, c) of gas ≈ a + limit·(b + c·test_size), least squares over the model's
    measured batches, and the largest relative error of the fit on them."""
    measured = batches(rows, model)
    terms = np.array([[1, r["limit"], r["limit"] * r["test_size"]] for r in measured], float)
    gas = np.array([r["gas_used"] for r in measured], float)
    coefficients = np.linalg.lstsq(terms, gas, rcond=None)[0]
    return coefficients, float(np.max(np.abs(terms @ coefficients - gas) / gas))


def largest_test_size(coefficients, limit: int) -> int:
    """The most test samples a batch of `limit` may score within GAS_LIMIT (by the fit)."""
    a, b, c = coefficients
    return max(0, int((GAS_LIMIT - a - b * limit) / (c * limit)))


def largest_limit(coefficients, test_size: int) -> int:
    """The largest batch that fits in GAS_LIMIT with `test_size` test samples (by the fit)."""
    a, b, c = coefficients
    return max(0, int((GAS_LIMIT - a) / (b + c * test_size)))


def report(rows) -> list[str]:
    """The market's sections of bench/gas.md (none without market rows)."""
    rows = [r for r in rows if r["incentive"] == MARKET]
    models = list(dict.fromkeys(r["model"] for r in rows))
    if not models:
        return []
    return [*operations_section(rows), *batch_section(rows), *fit_section(rows, models)]


def by_model_and_test_size(rows, column) -> dict:
    """{(model, test size): {column(row): gas}}, in the rows' order."""
    cells = {}
    for r in rows:
        cells.setdefault((r["model"], r["test_size"]), {})[column(r)] = r["gas_used"]
    return cells


def operations_section(rows) -> list[str]:
    """Every market operation but `process`, by model and test-set size."""
    cells = by_model_and_test_size([r for r in rows if r["operation"] != "process"],
                                   lambda r: r["operation"])
    return ["", f"## Prediction market: operations ({SIZE} features, the test set in "
            f"{PIECES} pieces)", "",
            *table(["model", "test samples", *OPERATIONS],
                   [[model, test_size, *(ops.get(op, "") for op in OPERATIONS)]
                    for (model, test_size), ops in cells.items()]),
            "", OPERATIONS_NOTE]


def batch_section(rows) -> list[str]:
    """The gas of one reward batch, by model, test-set size and limit."""
    cells = by_model_and_test_size([r for r in rows if r["operation"] == "process"],
                                   lambda r: r["limit"])
    return ["", "## Prediction market: gas of one reward batch (`process`, by `limit`)", "",
            *table(["model", "test samples", *(f"limit {limit}" for limit in LIMITS)],
                   [[model, test_size, *(per_limit.get(limit, "") for limit in LIMITS)]
                    for (model, test_size), per_limit in cells.items()]),
            "", BATCH_NOTE]


def fit_section(rows, models) -> list[str]:
    """The fit of each model's batches, and what it says fits under GAS_LIMIT."""
    fits = {model: fit(rows, model) for model in models}
    constants = [[model, round(a), round(b), round(c), f"{error:.1%}"]
                 for model, ((a, b, c), error) in fits.items()]
    by_limit = [[model, *(largest_test_size(k, limit) for limit in LIMITS)]
                for model, (k, _) in fits.items()]
    by_size = [[model, *(largest_limit(k, size) for size in PLANNED_TEST_SIZES)]
               for model, (k, _) in fits.items()]
    return ["", f"### What fits in one {GAS_LIMIT:,}-gas transaction".replace(",", " "), "",
            FIT_NOTE, "",
            *table(["model", "a (per batch)", "b (per contribution)",
                    "c (per contribution and test sample)", "largest fit error"], constants),
            "", "Largest test set (samples) a batch of `limit` contributions can score:", "",
            *table(["model", *(f"limit {limit}" for limit in LIMITS)], by_limit),
            "", "Largest `limit` (contributions a batch) for a test set of:", "",
            *table(["model", *(f"{size} samples" for size in PLANNED_TEST_SIZES)], by_size)]


OPERATIONS_NOTE = """`open` stores the commitments and draws a piece; `reveal_first` stores
the drawn piece; `add_data` takes the stake and stores the sample, checked by the model's
`validate` query, without training; `reveal_last` stores the last piece and evaluates the
untrained model on the whole test set (the baseline), so it grows with the test set;
`withdraw` and `reclaim` pay with one bank message."""

BATCH_NOTE = """Each contribution in a batch costs one model update plus one `evaluate` query
over the whole revealed test set (the market reads every piece and sends them to the model,
which predicts each sample), so a batch costs about
`limit × (update + test-set size × per-sample evaluate cost)` on top of a fixed part (the
transaction, the trainer and the market's instances, reading the batch's contributions).
Each batch here trains on one sample labelled 1 and 0 in turn, so every update changes the
model (the costlier case)."""

FIT_NOTE = """A least-squares fit of the batches above to `gas ≈ a + limit × (b + c ×
test samples)`; the limits below extrapolate it linearly beyond the measured sizes
(fit error: the largest relative difference between the fit and a measured batch). A
deployer picks `max_batch` so that a batch of that size fits with the largest test set a
provider is expected to use; `process` takes any smaller `limit` too. The last reveal
evaluates the whole test set once too (the baseline: about `c × test samples` more than
the first reveal), so the test set must also fit that transaction."""
