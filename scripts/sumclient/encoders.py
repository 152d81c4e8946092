"""Turning human input into the features a model takes (SPEC section 6)."""

import math

import mmh3

SCALE = 10**9


def murmurhash3_indices(text: str) -> list[int]:
    """Lower-case, split on white space, MurmurHash3 x86 32-bit (seed 0) of each word;
    distinct indices, sorted."""
    return sorted({mmh3.hash(word, 0, signed=False) for word in text.lower().split()})


def fixed_point_normalised(values: list[float]) -> list[int]:
    """Multiply by 10^9 after L2 normalisation, then round."""
    norm = math.sqrt(sum(v * v for v in values))
    if norm == 0:
        raise ValueError("cannot normalise the zero vector")
    return [round(v / norm * SCALE) for v in values]


def features(encoder, values=None, text=None, indices=None) -> dict:
    """The `data` field of add_data/predict for a model with this encoder."""
    if text is not None:
        if encoder != "murmurhash3":
            raise ValueError(f"text input needs the murmurhash3 encoder, the model uses {encoder}")
        return {"sparse": murmurhash3_indices(text)}
    if indices is not None:
        return {"sparse": sorted(set(indices))}
    if values is None:
        raise ValueError("give features, text or indices")
    if encoder == "fixed_point":
        return {"dense": fixed_point_normalised(values)}
    return {"dense": [int(v) for v in values]}
