"""Splitting a model's instantiate message into a small one and extension chunks
(docs/import.md), for models too large for one transaction. Pure functions;
clients/ts/src/chunks.ts is the same split."""

# Values per chunk unless told otherwise: weights, counts or centroid values.
DEFAULT_CHUNK_SIZE = 100


def pieces(items: list, size: int) -> list[list]:
    """`items` in consecutive pieces of at most `size`; none for no items."""
    return [items[start:start + size] for start in range(0, len(items), size)]


def dense_perceptron(msg: dict, size: int):
    chunks = [{"set_weights": {"offset": start, "weights": msg["weights"][start:start + size]}}
              for start in range(0, len(msg["weights"]), size)]
    return {**msg, "weights": []}, chunks


def sparse_perceptron(msg: dict, size: int):
    chunks = [{"set_weights": {"weights": piece}} for piece in pieces(msg["weights"], size)]
    return {**msg, "weights": []}, chunks


def nearest_centroid(msg: dict, _size: int):
    """A chunk replaces a whole class, so each class is one message, however long."""
    first, *others = msg["classes"]
    return {**msg, "classes": [first]}, [{"set_class": {"class": c}} for c in others]


def sparse_nearest_centroid(msg: dict, size: int):
    """Each class's values in pieces; the first piece of the first class instantiates."""
    classes = [{**c, "centroid": piece}
               for c in msg["classes"] for piece in pieces(c["centroid"], size) or [[]]]
    first, *others = classes
    return {"classes": [first]}, [{"set_class": {"class": c}} for c in others]


def naive_bayes(msg: dict, size: int):
    """Every class with its sample count but no feature counts; then the counts in pieces."""
    classes = [{"name": c["name"], "counts": {**c["counts"], "feature_counts": []}}
               for c in msg["classes"]]
    chunks = [{"set_counts": {"class": k, "counts": {**c["counts"], "feature_counts": piece}}}
              for k, c in enumerate(msg["classes"])
              for piece in pieces(c["counts"]["feature_counts"], size)]
    return {**msg, "classes": classes}, chunks


SPLITTERS = {
    "dense-perceptron": dense_perceptron,
    "sparse-perceptron": sparse_perceptron,
    "nearest-centroid": nearest_centroid,
    "sparse-nearest-centroid": sparse_nearest_centroid,
    "naive-bayes": naive_bayes,
}


def split(contract: str, msg: dict, max_values: int = DEFAULT_CHUNK_SIZE) -> tuple[dict, list[dict]]:
    """A small instantiate message and the extension messages that complete the model
    `msg` of `contract`; each carries at most `max_values` values (a dense centroid, which
    a chunk replaces whole, is one message)."""
    if contract not in SPLITTERS:
        raise ValueError(f"no chunks for the contract {contract!r}: expected one of {sorted(SPLITTERS)}")
    if max_values < 1:
        raise ValueError(f"a chunk must hold at least one value, got {max_values}")
    return SPLITTERS[contract](msg, max_values)
