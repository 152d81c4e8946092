"""What every part of the gas benchmark shares: the measured rows, an untrained model of
each kind at a given input size, random samples for it, deploying a stack, and the
report's tables."""

import random

from . import deploy
from .encoders import DENSE_MODELS, fixed_point_normalised
from .stack import Stack
from .wasmd import Wasmd

# Sparse samples use indices from 1 up; index 0 seeds the sparse centroid model's class 0.
SEED_INDEX = 0
# Models measured besides each contract's defaults: name -> (contract, instantiate fields).
VARIANTS = {
    "averaged-dense-perceptron": ("dense-perceptron", {"averaged": True}),
    "averaged-sparse-perceptron": ("sparse-perceptron", {"averaged": True}),
}


def contract_of(model: str) -> str:
    """The contract a measured model runs on (a variant's, or its own name)."""
    return VARIANTS.get(model, (model, {}))[0]


def model_init(model: str, size: int, x: dict) -> dict:
    """An untrained binary model for which the claims scenario of the benchmark holds:
    after alice's, bob's and alice's additions of the sample `x` labelled 1, 0, 1, the
    model agrees with alice (class 1) and disagrees with bob (class 0)."""
    if model in VARIANTS:
        contract, fields = VARIANTS[model]
        return model_init(contract, size, x) | fields
    classes = ["0", "1"]
    if model == "dense-perceptron":
        return {"classes": classes, "dimension": size, "weights": [], "intercept": 0,
                "learning_rate": 10**9}
    if model == "sparse-perceptron":
        return {"classes": classes, "weights": [], "intercept": 0, "learning_rate": 10**9}
    if model == "naive-bayes":
        empty = {"num_samples": 0, "feature_counts": []}
        return {"classes": [{"name": c, "counts": empty} for c in classes],
                "smoothing": 10**9, "vocabulary_size": 2**32}
    if model == "nearest-centroid":
        opposite = [-v for v in x["dense"]]
        return {"dimension": size, "classes": [
            {"name": "0", "centroid": opposite, "count": 1},
            {"name": "1", "centroid": [0] * size, "count": 0}]}
    return {"classes": [
        {"name": "0", "centroid": [[SEED_INDEX, 10**9]], "count": 1},
        {"name": "1", "centroid": [], "count": 0}]}


def description(model: str, size: int, x: dict, incentive: str, incentive_msg: dict) -> dict:
    """A model description (as in scripts/models/) of `model_init` under a mechanism."""
    return {
        "name": f"{model}-{size}",
        "encoder": "fixed_point" if contract_of(model) in DENSE_MODELS else "murmurhash3",
        "model": {"contract": contract_of(model), "instantiate": model_init(model, size, x)},
        "incentive": {"contract": incentive, "instantiate": incentive_msg},
    }


def sample(model: str, size: int, rng: random.Random) -> dict:
    """Random features for the model: `size` dense values, or `size` sparse indices."""
    if contract_of(model) in DENSE_MODELS:
        return {"dense": fixed_point_normalised([rng.uniform(0.1, 1.0) for _ in range(size)])}
    return {"sparse": sorted(rng.sample(range(1, 2**32), size))}


def table(header: list[str], rows: list[list], left: int = 1) -> list[str]:
    """A Markdown table, the first `left` columns left-aligned and the others right-aligned."""
    return [f"| {' | '.join(header)} |", "|" + " --- |" * left + " ---: |" * (len(header) - left),
            *(f"| {' | '.join(str(cell) for cell in row)} |" for row in rows)]


class Bench:
    """The measured rows: {operation, model, incentive, size, [test_size, limit,] gas_used}."""

    def __init__(self, chain: Wasmd, code_ids: dict):
        self.chain = chain
        self.code_ids = code_ids
        self.rows = []

    def record(self, operation: str, model: str, incentive: str, size: int, gas, **extra):
        self.rows.append({"operation": operation, "model": model, "incentive": incentive,
                          "size": size, **extra, "gas_used": int(gas)})
        details = " ".join(f"{key}={value}" for key, value in extra.items())
        print(f"{operation:12} {model:24} {incentive:18} {size:>7} {details:24} {gas:>9}", flush=True)

    def deploy(self, model: str, size: int, x: dict, incentive: str, incentive_msg: dict,
               **extra) -> Stack:
        """A new stack of `model` under `incentive`; records its instantiation."""
        deployment, gas = deploy.instantiate_stack(
            self.chain, "validator", self.code_ids,
            description(model, size, x, incentive, incentive_msg))
        self.record("instantiate", model, incentive, size, gas, **extra)
        return Stack(self.chain, deployment)
