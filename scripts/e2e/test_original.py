"""The importer of the original's model files, the chunks and the float models (no chain)."""

import json

import pytest

from sumclient import agreement, chunks, original
from sumclient.float_models import float_model
from sumclient.original import OriginalFormatError, convert, to_fixed
from sumclient.wasmd import REPO_ROOT

S = 10**9
STAKEABLE = json.loads((REPO_ROOT / "scripts/models/dense-perceptron.json").read_text())["incentive"]
ORIGINAL = REPO_ROOT / "scripts" / "models" / "original"

DENSE = {"type": "dense perceptron", "classifications": ["no", "yes"], "weights": [0.5, -1.25e-8, 0],
         "intercept": 2.5e-9, "featureIndices": [7, 2, 4]}
SPARSE = {"type": "sparse perceptron", "classifications": ["no", "yes"], "weights": [0.5, 0, -1],
          "sparseWeights": {"10": 2, "11": 0}, "bias": -0.25, "learningRate": 0.5}
CENTROIDS = {"type": "nearest centroid classifier",
             "centroids": {"b": {"centroid": [0.6, -0.8], "dataCount": 3}, "a": {"centroid": [-1, 0], "dataCount": 0}}}
SPARSE_CENTROIDS = {"type": "sparse nearest centroid classifier", "centroids": {
    "A": {"centroid": {"0": 1, "5": 0.25}, "dataCount": 2}, "W": {"centroid": {"1": 1}, "dataCount": 2}}}
# The naive Bayes reference model of docs/models.md, in the original's format.
BAYES = {"type": "naive bayes", "classifications": ["ALARM", "WEATHER"], "classCounts": [1, 1],
         "featureCounts": [[[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]],
                           [[1, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 1]]],
         "totalNumFeatures": 10, "smoothingFactor": 1}


def model(data, **options) -> dict:
    return convert(data, "some/where/file.json", **options)["model"]


def test_to_fixed_rounds_half_away_from_zero():
    assert [to_fixed(x, "x") for x in (2.5e-9, -2.5e-9, 4.5e-9, 1.0000000025, 1.25e-8, 5e-10)] == \
        [3, -3, 5, 1000000003, 13, 1]
    assert to_fixed(-0.0, "x") == 0 and to_fixed(2, "x") == 2 * S


def test_a_dense_perceptron_reads_its_picked_embedding_features():
    description = convert(DENSE, "some/where/file.json", embedding_dimension=8)
    assert description["name"] == "file"
    assert description["description"] == "Imported from file.json: the original system's dense perceptron"
    assert description["encoder"] == {"embedding": {"name": "file", "dimension": 8, "feature_indices": [7, 2, 4]}}
    assert description["incentive"] == STAKEABLE
    assert description["model"] == {"contract": "dense-perceptron", "instantiate": {
        "classes": ["no", "yes"], "dimension": 3, "weights": [S // 2, -13, 0], "intercept": 3,
        "learning_rate": S, "learn_intercept": False}}
    renamed = convert(DENSE, "f.json", name="n", embedding_name="mobilenet", embedding_dimension=1280)
    assert renamed["name"] == "n" and renamed["encoder"]["embedding"]["dimension"] == 1280
    assert renamed["encoder"]["embedding"]["name"] == "mobilenet"
    assert convert({**DENSE, "featureIndices": None}, "f.json")["encoder"] == "fixed_point"


def test_a_sparse_perceptron_merges_its_weights_and_drops_zeros():
    assert model(SPARSE) == {"contract": "sparse-perceptron", "instantiate": {
        "classes": ["no", "yes"], "weights": [[0, S // 2], [2, -S], [10, 2 * S]],
        "intercept": -S // 4, "learning_rate": S // 2, "learn_intercept": False}}
    assert model({**SPARSE, "weights": {"3": 1}})["instantiate"]["weights"] == [[3, S], [10, 2 * S]]
    assert convert(SPARSE, "f.json")["encoder"] == "murmurhash3"
    assert convert(SPARSE, "f.json", encoder={"vocabulary": {"name": "v"}})["encoder"] == {"vocabulary": {"name": "v"}}


def test_nearest_centroid_classes_keep_the_file_order():
    description = convert({**CENTROIDS, "type": "Dense Nearest Centroid Classifier"}, "c.json")
    assert description["encoder"] == {"embedding": {"name": "c", "dimension": 2, "feature_indices": None}}
    assert description["model"] == {"contract": "nearest-centroid", "instantiate": {"dimension": 2, "classes": [
        {"name": "b", "centroid": [600000000, -800000000], "count": 3},
        {"name": "a", "centroid": [-S, 0], "count": 0}]}}
    intents = {"type": "nearest centroid classifier", "intents": CENTROIDS["centroids"]}
    assert model(intents) == description["model"]


def test_sparse_centroids_and_naive_bayes():
    assert model(SPARSE_CENTROIDS)["instantiate"] == {"classes": [
        {"name": "A", "centroid": [[0, S], [5, S // 4]], "count": 2},
        {"name": "W", "centroid": [[1, S]], "count": 2}]}
    assert model(BAYES) == {"contract": "naive-bayes", "instantiate": {"classes": [
        {"name": "ALARM", "counts": {"num_samples": 1, "feature_counts": BAYES["featureCounts"][0]}},
        {"name": "WEATHER", "counts": {"num_samples": 1, "feature_counts": BAYES["featureCounts"][1]}}],
        "smoothing": S, "vocabulary_size": 10}}


BAD_FILES = [
    ([], "JSON object"),
    ({"type": "svm"}, "unknown model type 'svm'"),
    ({**DENSE, "classifications": ["a", "b", "c"]}, "exactly 2 classifications, got 3"),
    ({**DENSE, "classifications": ["a", "a"]}, "distinct"),
    ({k: v for k, v in DENSE.items() if k != "weights"}, "needs the key 'weights'"),
    ({**DENSE, "weights": [1, float("nan"), 0]}, r"weights\[1\] must be a finite number"),
    ({**DENSE, "weights": [1, True, 0]}, r"weights\[1\] must be a finite number"),
    ({**DENSE, "weights": [1e7, 0, 0]}, "out of range"),
    ({**DENSE, "weights": []}, "1 to 4096 values, got 0"),
    ({**DENSE, "featureIndices": [1, 2]}, "2 indices but there are 3 weights"),
    ({**DENSE, "featureIndices": [1, 2, 1]}, "feature index 1 appears more than once"),
    ({**DENSE, "featureIndices": [1, 2, -3]}, "whole number"),
    ({**DENSE, "learningRate": 0}, "learningRate must be positive"),
    ({**SPARSE, "sparseWeights": {"2": 1}}, "feature index 2 appears more than once"),
    ({**SPARSE, "weights": {"x": 1}}, '"x" is not a feature index'),
    ({"type": "nearest centroid classifier"}, "'centroids' or 'intents'"),
    ({**CENTROIDS, "centroids": {}}, "at least one class"),
    ({**CENTROIDS, "centroids": {"a": {"centroid": [1, 0]}}}, "needs a centroid and a dataCount"),
    ({**CENTROIDS, "centroids": {"a": {"centroid": [1001], "dataCount": 1}}}, r"centroid of a\[0\] is out of range"),
    ({**CENTROIDS, "centroids": {"a": {"centroid": [1], "dataCount": 1}, "b": {"centroid": [1, 0], "dataCount": 1}}},
     "has 2 values, the first class 1"),
    ({**CENTROIDS, "centroids": {"a": {"centroid": [1], "dataCount": 1.5}}}, "whole number"),
    ({**SPARSE_CENTROIDS, "centroids": {"A": {"centroid": {"0": 1.5}, "dataCount": 1}}}, "at most 1 in magnitude"),
    ({**SPARSE_CENTROIDS, "centroids": {"A": {"centroid": {"0": -0.5}, "dataCount": 1}}}, "negative value"),
    ({**SPARSE_CENTROIDS, "centroids": {"A": {"centroid": {"0": 1}, "dataCount": 0}}}, "no samples"),
    ({**BAYES, "classCounts": [1]}, "classCounts has 1 entries for 2 classifications"),
    ({**BAYES, "featureCounts": [[[0, 1], [0, 2]], []]}, r"featureCounts\[0\]: feature index 0 appears more than once"),
    ({**BAYES, "featureCounts": [[[0, 1, 2]], []]}, r"\[index, count\] pairs"),
    ({**BAYES, "totalNumFeatures": 0}, "must be positive"),
    ({**BAYES, "smoothingFactor": -1}, "must be positive"),
]


@pytest.mark.parametrize("data, error", BAD_FILES)
def test_bad_files_are_refused_with_a_clear_error(data, error):
    with pytest.raises(OriginalFormatError, match=error):
        convert(data, "f.json")


def test_the_embedding_dimension_is_bounded():
    with pytest.raises(OriginalFormatError, match="must be from 1 to 65536, got 65537"):
        convert(DENSE, "f.json", embedding_dimension=65_537)


def test_the_embedding_dimension_must_cover_the_features():
    with pytest.raises(OriginalFormatError, match="index 7 is outside the embedding's dimension 5"):
        convert(DENSE, "f.json", embedding_dimension=5)
    with pytest.raises(OriginalFormatError, match="dimension 3 differs from the model's 2"):
        convert(CENTROIDS, "f.json", embedding_dimension=3)


def test_chunks_carry_at_most_the_chunk_size():
    dense = model({**DENSE, "featureIndices": None})
    small, extensions = chunks.split(dense["contract"], dense["instantiate"], 2)
    assert small["weights"] == [] and extensions == [
        {"set_weights": {"offset": 0, "weights": [S // 2, -13]}}, {"set_weights": {"offset": 2, "weights": [0]}}]
    sparse = model(SPARSE)
    assert chunks.split(sparse["contract"], sparse["instantiate"], 2)[1] == [
        {"set_weights": {"weights": [[0, S // 2], [2, -S]]}}, {"set_weights": {"weights": [[10, 2 * S]]}}]
    centroids = model(CENTROIDS)
    small, extensions = chunks.split(centroids["contract"], centroids["instantiate"], 1)
    assert [c["name"] for c in small["classes"]] == ["b"]
    assert extensions == [{"set_class": {"class": centroids["instantiate"]["classes"][1]}}]


def test_sparse_centroids_and_counts_come_in_pieces():
    sparse = model(SPARSE_CENTROIDS)
    small, extensions = chunks.split(sparse["contract"], sparse["instantiate"], 1)
    assert small == {"classes": [{"name": "A", "centroid": [[0, S]], "count": 2}]}
    assert extensions == [{"set_class": {"class": {"name": "A", "centroid": [[5, S // 4]], "count": 2}}},
                          {"set_class": {"class": {"name": "W", "centroid": [[1, S]], "count": 2}}}]
    bayes = model(BAYES)
    small, extensions = chunks.split(bayes["contract"], bayes["instantiate"], 4)
    assert [c["counts"] for c in small["classes"]] == [{"num_samples": 1, "feature_counts": []}] * 2
    assert [(e["set_counts"]["class"], len(e["set_counts"]["counts"]["feature_counts"])) for e in extensions] == \
        [(0, 4), (0, 1), (1, 4), (1, 3)]
    with pytest.raises(ValueError, match="at least one value"):
        chunks.split(bayes["contract"], bayes["instantiate"], 0)


def test_float_models_follow_the_reference_numbers():
    # docs/models.md: naive Bayes and sparse nearest centroid reference predictions.
    bayes = float_model("naive-bayes", BAYES)
    assert bayes([0, 1, 10, 3, 4])[0] == 0 and bayes([5, 6, 7, 8, 9, 11])[0] == 1
    reference = {**SPARSE_CENTROIDS, "centroids": {"A": {"centroid": {"0": 1}, "dataCount": 2},
                                                   "W": {"centroid": {"1": 1}, "dataCount": 2}}}
    sparse_centroids = float_model("sparse-nearest-centroid", reference)
    assert sparse_centroids([0]) == (0, 2.0) and sparse_centroids([1])[0] == 1
    sparse = float_model("sparse-perceptron", SPARSE)
    assert sparse([0]) == (1, 0.25) and sparse([2])[0] == 0
    centroids = float_model("nearest-centroid", CENTROIDS)  # class "a" has no samples
    assert centroids([-1.0, 0.0])[0] == 0
    assert float_model("dense-perceptron", DENSE)([0.0, 1.0, 0.0])[0] == 0


@pytest.mark.parametrize("data", [SPARSE, SPARSE_CENTROIDS, BAYES])
def test_sparse_samples_are_agreed_by_an_exact_model(data):
    """The float model answering its own samples agrees on all; a model that always answers
    1 - that does not (so the check can fail)."""
    description = convert(data, "f.json")
    predict = float_model(description["model"]["contract"], data)

    def exact(features):
        return [predict(f["sparse"])[0] for f in features]

    report = agreement.check(exact, description, data, 50, seed=3)
    assert report.agreed == 50 and report.summary() == "agreement: 50 of 50 (100.0%)"
    flipped = agreement.check(lambda fs: [1 - c for c in exact(fs)], description, data, 50, seed=3)
    assert flipped.agreed == 0 and "DISAGREEMENT on sample 0" in flipped.summary()


def test_the_real_files_convert():
    image = json.loads((ORIGINAL / "image-dense-perceptron-400.json").read_text())
    with pytest.raises(OriginalFormatError, match="does not record: give the embedding's dimension"):
        convert(image, "image-dense-perceptron-400.json")
    description = convert(image, "image-dense-perceptron-400.json", embedding_dimension=1280)
    assert description["encoder"]["embedding"]["dimension"] == 1280
    small, extensions = chunks.split("dense-perceptron", description["model"]["instantiate"])
    assert len(extensions) == 4 and small["dimension"] == 400
    assert original.file_stem("a/b.c/d.e.json") == "d.e" and original.file_stem(".json") == ".json"


def test_import_options_are_checked_before_anything_is_deployed(tmp_path):
    from argparse import ArgumentTypeError

    from sumclient.cli_import import encoder_of, incentive_of, positive
    assert positive("3") == 3
    for bad in ("0", "-5", "x"):
        with pytest.raises(ArgumentTypeError, match="from 1 up"):
            positive(bad)
    assert encoder_of('"murmurhash3"') == "murmurhash3"
    assert encoder_of('{"vocabulary": {"name": "imdb"}}') == {"vocabulary": {"name": "imdb"}}
    embedding = {"embedding": {"name": "e", "dimension": 4, "feature_indices": [3, 0]}}
    assert encoder_of(json.dumps(embedding)) == embedding
    for bad in ('"bogus"', '{"embedding": 5}', '{"vocabulary": "x"}', '{"embedding": {"name": "e"}}',
                '{"embedding": {"name": "e", "dimension": 4, "feature_indices": [4]}}',
                '{"embedding": {"name": "e", "dimension": 4, "feature_indices": [1, 1]}}'):
        with pytest.raises(ValueError, match="not an encoder"):
            encoder_of(bad)
    assert incentive_of(str(REPO_ROOT / "scripts/models/dense-perceptron.json")) == STAKEABLE
    not_json = tmp_path / "notes.txt"
    not_json.write_text("hello")
    with pytest.raises(ValueError, match="not a JSON model description"):
        incentive_of(str(not_json))
    model_as_incentive = tmp_path / "model-as-incentive.json"
    model_as_incentive.write_text('{"incentive": {"contract": "dense-perceptron", "instantiate": {}}}')
    with pytest.raises(ValueError, match='has no "incentive"'):
        incentive_of(str(model_as_incentive))
    no_incentive = tmp_path / "model.json"
    no_incentive.write_text('{"model": {}}')
    with pytest.raises(ValueError, match='has no "incentive"'):
        incentive_of(str(no_incentive))
