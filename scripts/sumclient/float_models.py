"""The original's model files as float models (docs/import.md): each predicts a class and
the margin by which it won (how far the input was from changing the answer), by the rules
of docs/models.md on unscaled values. The agreement check compares them with the contracts."""

import math

from . import original


def dense_perceptron(data: dict):
    """On normalised features x: class 1 when w·x + b > 0; the margin is |w·x + b|."""
    weights, bias = [original.number(w, "weight") for w in data["weights"]], original.intercept(data)

    def predict(x: list[float]) -> tuple[int, float]:
        margin = bias + sum(w * v for w, v in zip(weights, x))
        return int(margin > 0), abs(margin)
    return predict


def sparse_perceptron(data: dict):
    """On feature indices x: class 1 when b + Σ_{i∈x} wᵢ > 0."""
    weights, bias = dict(original.sparse_weights(data)), original.intercept(data)

    def predict(x: list[int]) -> tuple[int, float]:
        margin = bias + sum(weights.get(i, 0.0) for i in x)
        return int(margin > 0), abs(margin)
    return predict


def nearest(scores: list[float | None]) -> tuple[int, float]:
    """The class of the smallest score (None: a class without samples, passed over), ties
    to the lowest index, 0 when every class is passed over; the margin is the gap to the
    runner-up (infinite with one candidate)."""
    ranked = sorted((score, k) for k, score in enumerate(scores) if score is not None)
    if not ranked:
        return 0, math.inf
    return ranked[0][1], (ranked[1][0] - ranked[0][0]) if len(ranked) > 1 else math.inf


def nearest_centroid(data: dict):
    """On normalised features x: the class of the nearest centroid, squared Euclidean."""
    table = [(centroid, samples) for _, centroid, samples in original.centroid_table(data)]

    def predict(x: list[float]) -> tuple[int, float]:
        return nearest([sum((v - c) ** 2 for v, c in zip(x, centroid)) if samples else None
                        for centroid, samples in table])
    return predict


def sparse_nearest_centroid(data: dict):
    """On feature indices x: the nearest centroid, |x − c|² = |c|² + Σ_{i∈x} (1 − 2cᵢ)."""
    table = [(dict(original.sparse_values(centroid, name)), samples)
             for name, centroid, samples in original.centroid_table(data)]

    def predict(x: list[int]) -> tuple[int, float]:
        return nearest([sum(c * c for c in centroid.values()) + sum(1 - 2 * centroid.get(i, 0.0) for i in x)
                        if samples else None for centroid, samples in table])
    return predict


def naive_bayes(data: dict):
    """On feature indices x (a repeated index counts again): the highest
    ln n_c + Σᵢ [ln(N_c,i + α) − ln(T_c + α·V)]; classes without samples never win."""
    alpha = data.get("smoothingFactor", original.DEFAULT_SMOOTHING)
    vocabulary = data["totalNumFeatures"]
    classes = [(samples, dict(counts), sum(c for _, c in counts))
               for samples, counts in zip(data["classCounts"], data["featureCounts"])]

    def predict(x: list[int]) -> tuple[int, float]:
        return nearest([-(math.log(samples) + sum(math.log(counts.get(i, 0) + alpha)
                                                  - math.log(total + alpha * vocabulary) for i in x))
                        if samples else None for samples, counts, total in classes])
    return predict


MODELS = {
    "dense-perceptron": dense_perceptron,
    "sparse-perceptron": sparse_perceptron,
    "nearest-centroid": nearest_centroid,
    "sparse-nearest-centroid": sparse_nearest_centroid,
    "naive-bayes": naive_bayes,
}


def float_model(contract: str, data: dict):
    """The float predictor `x → (class, margin)` of an original model file converted to
    `contract`."""
    return MODELS[contract](data)
