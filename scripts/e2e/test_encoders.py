"""The client-side encoders of SPEC section 6 (no chain needed)."""

import math

import pytest

from sumclient.encoders import SCALE, features, fixed_point_normalised, murmurhash3_indices


def test_murmurhash3_reference_words():
    assert murmurhash3_indices("hey") == [318325784]
    assert murmurhash3_indices("Blockchain") == [3905957473]
    assert murmurhash3_indices("you  hey\tYOU") == sorted([318325784, 814527388])


def test_fixed_point_is_normalised_within_the_contracts_tolerance():
    x = fixed_point_normalised([0, 2, 1, 0, 0, 0, 0, 0])
    assert x[:3] == [0, 894427191, 447213595]
    assert abs(sum(v * v for v in x) - SCALE * SCALE) <= 10**11
    with pytest.raises(ValueError):
        fixed_point_normalised([0, 0])


def test_features_follow_the_model_encoder():
    assert features("murmurhash3", text="hey you") == {"sparse": [318325784, 814527388]}
    assert features("none", indices=[3, 1, 3]) == {"sparse": [1, 3]}
    assert features("fixed_point", values=[3, 4]) == {"dense": [600000000, 800000000]}
    with pytest.raises(ValueError, match="murmurhash3"):
        features("fixed_point", text="hey")
    assert math.isclose(sum(v * v for v in features("none", values=[1, 2])["dense"]), 5)
