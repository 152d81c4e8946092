"""Turning human input into the features a model takes (docs/encoders.md)."""

import math

import mmh3

SCALE = 10**9

# Sparse models that count a repeated feature index again (a word's term count); the others
# take binary features (present or absent) and refuse a repeated index.
COUNT_MODELS = {"naive-bayes"}
# Models that take dense features (a fixed-dimension vector); the others take sparse indices.
DENSE_MODELS = {"dense-perceptron", "nearest-centroid"}


def counts_repeats(model: str) -> bool:
    """Whether the model contract (e.g. "naive-bayes") counts repeated indices."""
    return model in COUNT_MODELS


def sparse_indices(indices, repeats: bool) -> list[int]:
    """Sorted indices; with `repeats` every occurrence is kept, else each index once."""
    return sorted(indices if repeats else set(indices))


def murmurhash3_indices(text: str, *, repeats: bool) -> list[int]:
    """Lower-case, split on white space, MurmurHash3 x86 32-bit (seed 0) of each word;
    sorted, a repeated word kept as often as it occurs only with `repeats`."""
    hashes = [mmh3.hash(word, 0, signed=False) for word in text.lower().split()]
    return sparse_indices(hashes, repeats)


def fixed_point_normalised(values: list[float]) -> list[int]:
    """Multiply by 10^9 after L2 normalisation, then round."""
    squares = 0.0
    for v in values:  # left to right, the same on every Python (3.12's sum() compensates)
        squares += v * v
    norm = math.sqrt(squares)
    if norm == 0:
        raise ValueError("cannot normalise the zero vector")
    return [round(v / norm * SCALE) for v in values]


def embedding_picked(encoder: dict, values: list[float]) -> list[float]:
    """An embedding's output (its `dimension` values) reduced to the values the model reads:
    those at `feature_indices`, in that order, or all of them."""
    embedding = encoder["embedding"]
    if len(values) != embedding["dimension"]:
        raise ValueError(f"the embedding {embedding['name']!r} has {embedding['dimension']} "
                         f"values, got {len(values)}")
    indices = embedding.get("feature_indices")
    return [values[i] for i in indices] if indices is not None else list(values)


def features(encoder: str, model: str, values=None, text=None, indices=None) -> dict:
    """The `data` field of add_data/predict for a model contract with this encoder; sparse
    input keeps repeated indices only for a model that counts them (counts_repeats)."""
    repeats = counts_repeats(model)
    if text is not None:
        if encoder != "murmurhash3":
            raise ValueError(f"text input needs the murmurhash3 encoder, the model uses {encoder}")
        return {"sparse": murmurhash3_indices(text, repeats=repeats)}
    if indices is not None:
        return {"sparse": sparse_indices(indices, repeats)}
    if values is None:
        raise ValueError("give features, text or indices")
    if encoder == "fixed_point":
        return {"dense": fixed_point_normalised(values)}
    if isinstance(encoder, dict) and "embedding" in encoder:
        return {"dense": fixed_point_normalised(embedding_picked(encoder, values))}
    return {"dense": [int(v) for v in values]}


def row_features(encoder, model: str, cells: list[str]) -> dict:
    """The features of one row of a labelled CSV file (its cells but the label), encoded as
    `sumctl add-data` encodes them: the cells' text for murmurhash3, numbers for a dense
    model, feature indices otherwise."""
    if encoder == "murmurhash3":
        return features(encoder, model, text=" ".join(cells))
    if encoder == "fixed_point" or model in DENSE_MODELS:
        return features(encoder, model, values=[float(cell) for cell in cells])
    return features(encoder, model, indices=[int(cell) for cell in cells])


def class_index(label: str, classes: list[str]) -> int:
    """A label given by class name or by index, as the class index."""
    if label in classes:
        return classes.index(label)
    if label.isdigit() and int(label) < len(classes):
        return int(label)
    raise ValueError(f"unknown label {label!r}: the classes are {classes}")
