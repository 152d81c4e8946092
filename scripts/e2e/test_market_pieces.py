"""The prediction market's test-set pieces on the client (no chain needed): the encoding
and commitment the contract checks, byte for byte; cutting a labelled CSV into pieces."""

import hashlib
import struct

import pytest

from sumclient.encoders import row_features
from sumclient.market import SaltedTestSet, commitment, encode_piece, read_labelled_csv, split

# The Rust test vector of packages/sum-rules/src/market.rs
# (the_encoding_and_the_commitment_are_fixed).
VECTOR = [{"data": {"dense": [-1, 2]}, "classification": 1},
          {"data": {"sparse": [5]}, "classification": 0}]
VECTOR_BYTES = bytes.fromhex(
    "00000001" "00" "00000002" "ffffffffffffffff" "0000000000000002"
    "00000000" "01" "00000001" "00000005")


def test_the_encoding_matches_the_contract():
    assert encode_piece(VECTOR) == VECTOR_BYTES


def test_the_commitment_is_sha256_of_salt_and_encoding():
    expected = hashlib.sha256(b"salt" + VECTOR_BYTES).hexdigest()
    assert commitment(b"salt", VECTOR) == expected
    assert len(expected) == 64 and expected == expected.lower()


def test_values_out_of_range_are_refused():
    with pytest.raises(struct.error):
        encode_piece([{"data": {"sparse": [-1]}, "classification": 0}])


@pytest.mark.parametrize("n, pieces, sizes", [
    (8, 4, [2, 2, 2, 2]), (10, 4, [3, 3, 2, 2]), (9, 4, [3, 2, 2, 2]), (2, 2, [1, 1])])
def test_pieces_are_consecutive_and_nearly_equal(n, pieces, sizes):
    parts = split(list(range(n)), pieces)
    assert [len(p) for p in parts] == sizes
    assert [x for p in parts for x in p] == list(range(n))


@pytest.mark.parametrize("n, pieces", [(8, 1), (100, 65), (3, 4)])
def test_impossible_cuts_are_refused(n, pieces):
    with pytest.raises(ValueError):
        split(list(range(n)), pieces)


def test_a_labelled_csv_is_encoded_as_add_data_encodes(tmp_path):
    path = tmp_path / "test.csv"
    path.write_text("x,y,label\n3,4,right\n\n-3,-4,0\n0,1,1\n")
    encode = lambda cells: row_features("fixed_point", "dense-perceptron", cells)  # noqa: E731
    samples = read_labelled_csv(path, ["left", "right"], encode)
    assert samples == [
        {"data": {"dense": [600000000, 800000000]}, "classification": 1},
        {"data": {"dense": [-600000000, -800000000]}, "classification": 0},
        {"data": {"dense": [0, 1000000000]}, "classification": 1},
    ]
    test_set = SaltedTestSet.cut(samples, 2)
    assert [len(p) for p in test_set.pieces] == [2, 1] and len(set(test_set.salts)) == 2
    reveal = test_set.reveal_msg(1)["reveal"]
    assert commitment(bytes.fromhex(reveal["salt"]), reveal["samples"]) == test_set.commitments()[1]


def test_text_rows_are_hashed_and_unknown_labels_refused(tmp_path):
    path = tmp_path / "text.csv"
    path.write_text("hey you,1\nhey,maybe\n")
    encode = lambda cells: row_features("murmurhash3", "naive-bayes", cells)  # noqa: E731
    with pytest.raises(ValueError, match="line 2: unknown label 'maybe'"):
        read_labelled_csv(path, ["0", "1"], encode)
    path.write_text("hey you,1\n")
    assert read_labelled_csv(path, ["0", "1"], encode) == [
        {"data": {"sparse": [318325784, 814527388]}, "classification": 1}]


def test_a_saved_test_set_loads_back(tmp_path):
    test_set = SaltedTestSet.cut(VECTOR, 2)
    test_set.save(tmp_path / "t.json", "wasm1market")
    loaded = SaltedTestSet.load(tmp_path / "t.json")
    assert loaded.pieces == test_set.pieces and loaded.salts == test_set.salts
