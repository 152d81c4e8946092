"""The client-side encoders of docs/encoders.md (no chain needed)."""

import math

import pytest

from sumclient.encoders import SCALE, features, fixed_point_normalised, murmurhash3_indices

HEY, YOU, BLOCKCHAIN = 318325784, 814527388, 3905957473
BINARY_SPARSE_MODELS = ["sparse-perceptron", "sparse-nearest-centroid"]


def test_murmurhash3_reference_words():
    assert murmurhash3_indices("hey", repeats=False) == [HEY]
    assert murmurhash3_indices("Blockchain", repeats=False) == [BLOCKCHAIN]
    assert murmurhash3_indices("you", repeats=False) == [YOU]
    assert murmurhash3_indices("you  hey\tYOU", repeats=False) == [HEY, YOU]


def test_count_models_keep_repeated_words():
    text = "you hey YOU you"
    assert features("murmurhash3", "naive-bayes", text=text) == {"sparse": [HEY, YOU, YOU, YOU]}
    assert features("none", "naive-bayes", indices=[3, 1, 3]) == {"sparse": [1, 3, 3]}


@pytest.mark.parametrize("model", BINARY_SPARSE_MODELS)
def test_binary_feature_models_get_each_word_once(model):
    assert features("murmurhash3", model, text="you hey YOU you") == {"sparse": [HEY, YOU]}
    assert features("none", model, indices=[3, 1, 3]) == {"sparse": [1, 3]}


def test_fixed_point_is_normalised_within_the_contracts_tolerance():
    x = fixed_point_normalised([0, 2, 1, 0, 0, 0, 0, 0])
    assert x[:3] == [0, 894427191, 447213595]
    assert abs(sum(v * v for v in x) - SCALE * SCALE) <= 10**11
    with pytest.raises(ValueError):
        fixed_point_normalised([0, 0])


def test_features_follow_the_model_encoder():
    assert features("murmurhash3", "sparse-perceptron", text="hey you") == {"sparse": [HEY, YOU]}
    dense = features("fixed_point", "dense-perceptron", values=[3, 4])
    assert dense == {"dense": [600000000, 800000000]}
    with pytest.raises(ValueError, match="murmurhash3"):
        features("fixed_point", "dense-perceptron", text="hey")
    plain = features("none", "nearest-centroid", values=[1, 2])["dense"]
    assert math.isclose(sum(v * v for v in plain), 5)
