"""Model files of the original system (microsoft/0xDeCA10B) as model descriptions
(docs/import.md): float values become integers ×10^9, the file's type a model contract.
Pure functions; clients/ts/src/original.ts is the same conversion."""

import json
import math
import re

from .deploy import example_description

SCALE = 10**9
# The largest magnitude of a converted integer: exact as a JSON number in every client.
MAX_MAGNITUDE = 2**53 - 1
# Feature indices are u32 in the contracts.
MAX_INDEX = 2**32 - 1
# An embedding's dimension, at most (the agreement check draws vectors of that length).
MAX_EMBEDDING_DIMENSION = 65_536
# A dense model's dimension, at most (the contracts' MAX_FEATURES).
MAX_DIMENSION = 4096
# The largest dense centroid value in magnitude (the contract's MAX_CENTROID_VALUE / 10^9).
MAX_DENSE_CENTROID = 1000
# The largest sparse centroid value: a mean of binary features.
MAX_SPARSE_CENTROID = 1
# The original's defaults for a missing learning rate and smoothing factor.
DEFAULT_LEARNING_RATE = 1
DEFAULT_SMOOTHING = 1
# The encoder of the sparse models, unless another is given.
SPARSE_ENCODER = "murmurhash3"
DIGITS = re.compile(r"[0-9]+")
# A file with featureIndices does not say how many outputs its embedding has.
MISSING_DIMENSION = ("featureIndices pick from an embedding whose size the file does not record: "
                     "give the embedding's dimension (for example 1280, MobileNet v2's outputs)")


class OriginalFormatError(ValueError):
    """A model file the importer cannot convert; the message says what and where."""


def to_fixed(value, where: str) -> int:
    """A finite number ×10^9, rounded half away from zero; refuses a result beyond
    MAX_MAGNITUDE."""
    number(value, where)
    scaled = abs(value) * SCALE
    if scaled > MAX_MAGNITUDE:
        raise OriginalFormatError(f"{where} is out of range: ×10^9 it exceeds 2^53 - 1")
    whole = math.floor(scaled)
    rounded = whole + (1 if scaled - whole >= 0.5 else 0)
    return -rounded if value < 0 else rounded


def as_json(value) -> str:
    """`value` as compact JSON, as error messages quote it (JavaScript's JSON.stringify)."""
    return json.dumps(value, separators=(",", ":"))


def number(value, where: str) -> float:
    """A finite JSON number (not a boolean)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise OriginalFormatError(f"{where} must be a finite number, got {as_json(value)}")
    return value


def count(value, where: str, limit: int = MAX_MAGNITUDE) -> int:
    """A whole number from 0 to `limit`."""
    number(value, where)
    if value < 0 or value > limit or value != math.floor(value):
        raise OriginalFormatError(f"{where} must be a whole number from 0 to {limit}, got {as_json(value)}")
    return int(value)


def key_index(key: str, where: str) -> int:
    """A feature index written as an object key ("17")."""
    if not DIGITS.fullmatch(key):
        raise OriginalFormatError(f"{where}: {as_json(key)} is not a feature index")
    return count(int(key), where, MAX_INDEX)


def field(data: dict, key: str, kind: type, what: str):
    """data[key], which must be present and of `kind` (list, dict or str)."""
    if key not in data:
        raise OriginalFormatError(f"a {what} file needs the key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise OriginalFormatError(f"{key} must be a JSON {JSON_KINDS[kind]}")
    return value


JSON_KINDS = {list: "array", dict: "object", str: "string"}


def distinct(indices, where: str):
    """Refuses an index that appears twice."""
    seen = set()
    for index in indices:
        if index in seen:
            raise OriginalFormatError(f"{where}: feature index {index} appears more than once")
        seen.add(index)


def sparse_values(values, where: str) -> list[tuple[int, float]]:
    """`[index, value]` pairs of a list (its positions) or of an object {index: value}."""
    if isinstance(values, list):
        pairs = list(enumerate(values))
    elif isinstance(values, dict):
        pairs = [(key_index(key, where), value) for key, value in values.items()]
    else:
        raise OriginalFormatError(f"{where} must be a JSON array or object")
    return [(index, number(value, f"{where}[{index}]")) for index, value in pairs]


def class_names(data: dict, what: str, expected: int | None = None) -> list[str]:
    """The `classifications`: distinct strings, `expected` of them if given, else at least one."""
    names = field(data, "classifications", list, what)
    if expected is not None and len(names) != expected or not names:
        need = f"exactly {expected}" if expected is not None else "at least one"
        raise OriginalFormatError(f"a {what} needs {need} classifications, got {len(names)}")
    for name in names:
        if not isinstance(name, str):
            raise OriginalFormatError(f"classifications must be strings, got {as_json(name)}")
    ensure_distinct_names(names)
    return names


def ensure_distinct_names(names: list[str]):
    if len(set(names)) != len(names):
        raise OriginalFormatError(f"class names must be distinct, got {as_json(names)}")


def intercept(data: dict) -> float:
    """The perceptron's `intercept`, else its `bias`, else 0."""
    return number(data.get("intercept", data.get("bias", 0)), "intercept")


def perceptron_scalars(data: dict) -> dict:
    """Intercept and learning rate; the original never learned an intercept."""
    learning_rate = to_fixed(data.get("learningRate", DEFAULT_LEARNING_RATE), "learningRate")
    if learning_rate <= 0:
        raise OriginalFormatError(f"learningRate must be positive, got {as_json(data['learningRate'])}")
    return {"intercept": to_fixed(intercept(data), "intercept"), "learning_rate": learning_rate,
            "learn_intercept": False}


class Embedding:
    """The embedding encoder a dense model gets: its name and, if given, dimension."""

    def __init__(self, name: str, dimension: int | None):
        if dimension is not None and not 1 <= dimension <= MAX_EMBEDDING_DIMENSION:
            raise OriginalFormatError(
                f"the embedding dimension must be from 1 to {MAX_EMBEDDING_DIMENSION}, got {dimension}")
        self.name = name
        self.dimension = dimension

    def encoder(self, dimension: int, feature_indices: list[int] | None) -> dict:
        return {"embedding": {"name": self.name, "dimension": dimension,
                              "feature_indices": feature_indices}}

    def picking(self, indices, weights: int) -> dict:
        """The encoder of a model that reads the embedding's values at `indices`."""
        if not isinstance(indices, list):
            raise OriginalFormatError("featureIndices must be a JSON array")
        picked = [count(index, f"featureIndices[{i}]", MAX_INDEX) for i, index in enumerate(indices)]
        if len(picked) != weights:
            raise OriginalFormatError(
                f"featureIndices has {len(picked)} indices but there are {weights} weights")
        distinct(picked, "featureIndices")
        if self.dimension is None:
            raise OriginalFormatError(MISSING_DIMENSION)
        dimension = self.dimension
        if max(picked) >= dimension:
            raise OriginalFormatError(
                f"feature index {max(picked)} is outside the embedding's dimension {dimension}")
        return self.encoder(dimension, picked)

    def whole(self, dimension: int) -> dict:
        """The encoder of a model that reads every value of the embedding."""
        if self.dimension not in (None, dimension):
            raise OriginalFormatError(
                f"the embedding dimension {self.dimension} differs from the model's {dimension}")
        return self.encoder(dimension, None)


def check_dimension(dimension: int, what: str):
    if not 1 <= dimension <= MAX_DIMENSION:
        raise OriginalFormatError(f"{what} must have 1 to {MAX_DIMENSION} values, got {dimension}")


def dense_perceptron(data: dict, embedding: Embedding):
    classes = class_names(data, "perceptron", 2)
    weights = [to_fixed(w, f"weights[{i}]") for i, w in enumerate(field(data, "weights", list, "perceptron"))]
    check_dimension(len(weights), "weights")
    instantiate = {"classes": classes, "dimension": len(weights), "weights": weights,
                   **perceptron_scalars(data)}
    indices = data.get("featureIndices")
    encoder = "fixed_point" if indices is None else embedding.picking(indices, len(weights))
    return "dense-perceptron", instantiate, encoder


def sparse_weights(data: dict) -> list[tuple[int, float]]:
    """The float weights of a sparse perceptron: `weights` (array or object) and
    `sparseWeights`, each index once."""
    if "weights" not in data:
        raise OriginalFormatError("a sparse perceptron file needs the key 'weights'")
    pairs = sparse_values(data["weights"], "weights")
    if "sparseWeights" in data:
        pairs += sparse_values(data["sparseWeights"], "sparseWeights")
    distinct([index for index, _ in pairs], "weights")
    return sorted(pairs)


def nonzero_fixed(pairs, where: str, limit: int = MAX_MAGNITUDE) -> list[list[int]]:
    """`[index, value ×10^9]` for every value that does not round to 0, each value
    within ±limit."""
    fixed = [[index, to_fixed(value, f"{where}[{index}]")] for index, value in sorted(pairs)]
    for index, value in fixed:
        if abs(value) > limit * SCALE:
            raise OriginalFormatError(f"{where}[{index}] is out of range: at most {limit} in magnitude")
    return [pair for pair in fixed if pair[1] != 0]


def sparse_perceptron(data: dict, _embedding: Embedding):
    classes = class_names(data, "perceptron", 2)
    instantiate = {"classes": classes, "weights": nonzero_fixed(sparse_weights(data), "weights"),
                   **perceptron_scalars(data)}
    return "sparse-perceptron", instantiate, SPARSE_ENCODER


def centroid_table(data: dict) -> list[tuple[str, object, int]]:
    """(class name, centroid, data count) of `centroids` or `intents`, in file order."""
    key = "centroids" if "centroids" in data else "intents"
    if key not in data:
        raise OriginalFormatError("a nearest centroid file needs the key 'centroids' or 'intents'")
    table = field(data, key, dict, "nearest centroid")
    if not table:
        raise OriginalFormatError(f"{key} must name at least one class")
    rows = []
    for name, info in table.items():
        if not isinstance(info, dict) or "centroid" not in info or "dataCount" not in info:
            raise OriginalFormatError(f"{key}[{name}] needs a centroid and a dataCount")
        rows.append((name, info["centroid"], count(info["dataCount"], f"{key}[{name}].dataCount")))
    return rows


def nearest_centroid(data: dict, embedding: Embedding):
    classes = []
    for name, centroid, samples in centroid_table(data):
        where = f"centroid of {name}"
        if not isinstance(centroid, list):
            raise OriginalFormatError(f"the {where} must be a JSON array")
        values = [to_fixed(v, f"{where}[{i}]") for i, v in enumerate(centroid)]
        check_dimension(len(values), f"the {where}")
        if classes and len(values) != len(classes[0]["centroid"]):
            raise OriginalFormatError(f"the {where} has {len(values)} values, "
                                      f"the first class {len(classes[0]['centroid'])}")
        beyond = [i for i, v in enumerate(values) if abs(v) > MAX_DENSE_CENTROID * SCALE]
        if beyond:
            raise OriginalFormatError(f"{where}[{beyond[0]}] is out of range: "
                                      f"at most {MAX_DENSE_CENTROID} in magnitude")
        classes.append({"name": name, "centroid": values, "count": samples})
    dimension = len(classes[0]["centroid"])
    instantiate = {"dimension": dimension, "classes": classes}
    return "nearest-centroid", instantiate, embedding.whole(dimension)


def sparse_nearest_centroid(data: dict, _embedding: Embedding):
    classes = []
    for name, centroid, samples in centroid_table(data):
        where = f"centroid of {name}"
        pairs = nonzero_fixed(sparse_values(centroid, where), where, MAX_SPARSE_CENTROID)
        if any(value < 0 for _, value in pairs):
            raise OriginalFormatError(f"the {where} has a negative value: binary features average to [0, 1]")
        if pairs and samples == 0:
            raise OriginalFormatError(f"class {name} has no samples, so it can have no centroid values")
        classes.append({"name": name, "centroid": pairs, "count": samples})
    return "sparse-nearest-centroid", {"classes": classes}, SPARSE_ENCODER


def feature_counts(counts, where: str) -> list[list[int]]:
    """`[[index, count], …]` of one class, each index once."""
    if not isinstance(counts, list):
        raise OriginalFormatError(f"{where} must be a JSON array of [index, count] pairs")
    pairs = []
    for pair in counts:
        if not isinstance(pair, list) or len(pair) != 2:
            raise OriginalFormatError(f"{where} must hold [index, count] pairs, got {as_json(pair)}")
        pairs.append([count(pair[0], f"{where} index", MAX_INDEX), count(pair[1], f"{where} count")])
    distinct([index for index, _ in pairs], where)
    return pairs


def per_class(data: dict, key: str, classes: int) -> list:
    values = field(data, key, list, "naive bayes")
    if len(values) != classes:
        raise OriginalFormatError(f"{key} has {len(values)} entries for {classes} classifications")
    return values


def naive_bayes(data: dict, _embedding: Embedding):
    names = class_names(data, "naive bayes")
    samples = per_class(data, "classCounts", len(names))
    counts = per_class(data, "featureCounts", len(names))
    vocabulary = count(data.get("totalNumFeatures"), "totalNumFeatures")
    smoothing = to_fixed(data.get("smoothingFactor", DEFAULT_SMOOTHING), "smoothingFactor")
    if vocabulary == 0 or smoothing <= 0:
        raise OriginalFormatError("totalNumFeatures and smoothingFactor must be positive")
    classes = [{"name": name, "counts": {
        "num_samples": count(samples[k], f"classCounts[{k}]"),
        "feature_counts": feature_counts(counts[k], f"featureCounts[{k}]")}}
        for k, name in enumerate(names)]
    instantiate = {"classes": classes, "smoothing": smoothing, "vocabulary_size": vocabulary}
    return "naive-bayes", instantiate, SPARSE_ENCODER


# The original's model types (compared in lower case) and their converters.
CONVERTERS = {
    "naive bayes": naive_bayes,
    "perceptron": dense_perceptron,
    "dense perceptron": dense_perceptron,
    "sparse perceptron": sparse_perceptron,
    "nearest centroid classifier": nearest_centroid,
    "dense nearest centroid classifier": nearest_centroid,
    "sparse nearest centroid classifier": sparse_nearest_centroid,
}


def file_base(path: str) -> str:
    """The file name without its folder."""
    return re.split(r"[/\\]", path)[-1]


def file_stem(path: str) -> str:
    """The file name without its folder and its last extension."""
    base = file_base(path)
    dot = base.rfind(".")
    return base[:dot] if dot > 0 else base


def model_type(data) -> str:
    if not isinstance(data, dict):
        raise OriginalFormatError("a model file must be a JSON object")
    kind = field(data, "type", str, "model")
    if kind.lower() not in CONVERTERS:
        raise OriginalFormatError(f"unknown model type {kind!r}: expected one of {as_json(sorted(CONVERTERS))}")
    return kind


def convert(data, path: str, *, name: str | None = None, embedding_name: str | None = None,
            embedding_dimension: int | None = None, encoder=None, incentive: dict | None = None) -> dict:
    """The model description (as scripts/models/*.json) of the original's model file
    `data`, read from `path`. Dense models get an embedding encoder named `embedding_name`
    (default: the file's stem); `encoder` and `incentive` replace the defaults."""
    kind = model_type(data)
    stem = file_stem(path)
    embedding = Embedding(embedding_name or stem, embedding_dimension)
    contract, instantiate, default_encoder = CONVERTERS[kind.lower()](data, embedding)
    return {
        "name": name or stem,
        "description": f"Imported from {file_base(path)}: the original system's {kind}",
        "encoder": default_encoder if encoder is None else encoder,
        "immutable": False,
        "model": {"contract": contract, "instantiate": instantiate},
        "incentive": example_description("dense-perceptron")["incentive"] if incentive is None else incentive,
    }
