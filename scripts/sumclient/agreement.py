"""Does a deployed (integer) model predict as the original's float model? Seeded samples in
the encoder's input space, encoded as a client encodes them, asked of the contract with
`predict_batch` and compared with the float model (docs/import.md)."""

import json
import math
import random
from dataclasses import dataclass, field

from . import original
from .encoders import counts_repeats, embedding_picked, fixed_point_normalised
from .float_models import float_model

# JSON bytes of one predict_batch query at most: wasmd takes it as one command-line argument.
MAX_QUERY_BYTES = 60_000
# Indices in one sparse sample, at most.
MAX_SPARSE_SAMPLE = 20
# The share of sparse sample indices drawn from the model's own indices (the rest at random).
KNOWN_INDEX_SHARE = 0.8
# How far a near-centroid sample strays: the noise's norm relative to the centroid's.
CENTROID_NOISE = 0.5


@dataclass
class Sample:
    kind: str          # how it was made: "gaussian", "near boundary", "centroid", …
    float_input: list  # what the float model reads: normalised picked values, or indices
    features: dict     # what the contract reads: {"dense": […]} or {"sparse": […]}


@dataclass
class Report:
    total: int
    disagreements: list = field(default_factory=list)  # (sample number, Sample, float class, chain class, margin)

    @property
    def agreed(self) -> int:
        return self.total - len(self.disagreements)

    def summary(self) -> str:
        percent = 100 * self.agreed / self.total if self.total else 100.0
        lines = [f"agreement: {self.agreed} of {self.total} ({percent:.1f}%)"]
        lines += [f"  DISAGREEMENT on sample {n} ({s.kind}): float model {f}, contract {c}, "
                  f"float margin {margin:.3g}" for n, s, f, c, margin in self.disagreements]
        return "\n".join(lines)


def picked(encoder) -> tuple[int, list[int] | None]:
    """The embedding dimension and feature indices of a dense model's encoder."""
    if isinstance(encoder, dict) and "embedding" in encoder:
        embedding = encoder["embedding"]
        return embedding["dimension"], embedding["feature_indices"]
    return 0, None


def dense_sample(kind: str, values: list[float], encoder, rng: random.Random) -> Sample:
    """A sample whose picked values are `values`, placed in an embedding vector of Gaussian
    noise and encoded by the encoder (pick, normalise, ×10^9)."""
    dimension, indices = picked(encoder)
    raw = [rng.gauss(0, 1) for _ in range(dimension)] if indices else list(values)
    for position, index in enumerate(indices or []):
        raw[index] = values[position]
    chosen = embedding_picked(encoder, raw) if indices else raw
    norm = math.sqrt(sum(v * v for v in chosen))
    return Sample(kind, [v / norm for v in chosen], {"dense": fixed_point_normalised(chosen)})


def gaussian(rng: random.Random, dimension: int) -> list[float]:
    return [rng.gauss(0, 1) for _ in range(dimension)]


def perceptron_samples(data: dict, dimension: int, n: int, rng) -> list[tuple[str, list[float]]]:
    """Gaussian directions; a quarter moved most of the way to the decision boundary."""
    weights, bias = data["weights"], original.intercept(data)
    squared = sum(w * w for w in weights) or 1.0
    values = []
    for k in range(n):
        g = gaussian(rng, dimension)
        if k % 4 != 3:
            values.append(("gaussian", g))
            continue
        norm = math.sqrt(sum(v * v for v in g))
        u = [v / norm for v in g]
        margin = bias + sum(w * v for w, v in zip(weights, u))
        step = margin * (1 - rng.uniform(0.01, 0.3)) / squared
        values.append(("near boundary", [v - step * w for v, w in zip(u, weights)]))
    return values


def centroid_samples(data: dict, dimension: int, n: int, rng) -> list[tuple[str, list[float]]]:
    """Each centroid itself, then samples near the centroids in turn (half of n), then
    Gaussian directions."""
    centroids = [c for _, c, _ in original.centroid_table(data)]
    values = [("centroid", list(c)) for c in centroids][:n]
    for k in range(len(values), n):
        if k < n // 2:
            c = centroids[k % len(centroids)]
            scale = CENTROID_NOISE * math.sqrt(sum(v * v for v in c) / dimension)
            values.append(("near centroid", [v + rng.gauss(0, scale) for v in c]))
        else:
            values.append(("gaussian", gaussian(rng, dimension)))
    return values


def sparse_samples(description: dict, n: int, rng) -> list[Sample]:
    """Sets of feature indices, most from the model's own (a repeat counts again for naive
    Bayes, which keeps it)."""
    known = model_indices(description) or [0]
    repeats = counts_repeats(description["model"]["contract"])
    samples = []
    for _ in range(n):
        size = rng.randint(1, MAX_SPARSE_SAMPLE)
        drawn = [rng.choice(known) if rng.random() < KNOWN_INDEX_SHARE else rng.randrange(original.MAX_INDEX)
                 for _ in range(size)]
        indices = sorted(drawn if repeats else set(drawn))
        samples.append(Sample("indices", indices, {"sparse": indices}))
    return samples


def model_indices(description: dict) -> list[int]:
    """Every feature index the model's instantiate message names."""
    msg = description["model"]["instantiate"]
    if "weights" in msg:
        return [i for i, _ in msg["weights"]]
    classes = msg["classes"]
    return sorted({i for c in classes
                   for i, _ in (c["centroid"] if "centroid" in c else c["counts"]["feature_counts"])})


def samples(description: dict, data: dict, n: int, seed: int) -> list[Sample]:
    """`n` seeded samples for the imported model (see the module docstring)."""
    rng = random.Random(seed)
    msg, encoder = description["model"]["instantiate"], description["encoder"]
    contract = description["model"]["contract"]
    if contract == "dense-perceptron":
        made = perceptron_samples(data, msg["dimension"], n, rng)
    elif contract == "nearest-centroid":
        made = centroid_samples(data, msg["dimension"], n, rng)
    else:
        return sparse_samples(description, n, rng)
    return [dense_sample(kind, values, encoder, rng) for kind, values in made]


def batches(items: list[Sample]) -> list[list[Sample]]:
    """Consecutive batches whose features fit one query of MAX_QUERY_BYTES."""
    done, batch, size = [], [], 0
    for item in items:
        length = len(json.dumps(item.features)) + 2
        if batch and size + length > MAX_QUERY_BYTES:
            done.append(batch)
            batch, size = [], 0
        batch.append(item)
        size += length
    return done + ([batch] if batch else [])


def check(predict_batch, description: dict, data: dict, n: int, seed: int = 0) -> Report:
    """Compares `predict_batch` (features list → classes, e.g. the contract's query) with
    the float model of `data` on `n` seeded samples."""
    predict = float_model(description["model"]["contract"], data)
    report = Report(total=n)
    number = 0
    for batch in batches(samples(description, data, n, seed)):
        answers = predict_batch([s.features for s in batch])
        for sample, answer in zip(batch, answers):
            expected, margin = predict(sample.float_input)
            if expected != answer:
                report.disagreements.append((number, sample, expected, answer, margin))
            number += 1
    return report
