"""End to end on a real wasmd chain: the original system's two real model files
(scripts/models/original/) converted, deployed in chunks, handed over to a trainer, checked
against their float predictions, then trained and asked like any stack."""

import json

import pytest

from sumclient import agreement, deploy, original
from sumclient.stack import Stack
from sumclient.wasmd import REPO_ROOT

ORIGINAL = REPO_ROOT / "scripts" / "models" / "original"
IMAGE, INTENT = "image-dense-perceptron-400", "intent-nearest-centroid-512"
# MobileNet v2's outputs: the image model's features are picked from them.
MOBILENET_OUTPUTS = 1280
SAMPLES, SEED = 200, 0
LEAST_AGREEMENT = 0.99


@pytest.fixture(scope="module")
def imported(chain, code_ids):
    """Both files imported (chunks of 100 values), by name: (file data, description, stack)."""
    stacks = {}
    for name, dimension in ((IMAGE, MOBILENET_OUTPUTS), (INTENT, None)):
        path = ORIGINAL / f"{name}.json"
        data = json.loads(path.read_text())
        description = original.convert(data, str(path), embedding_dimension=dimension)
        lines = []
        deployment = deploy.deploy_in_chunks(chain, "validator", code_ids, description, progress=lines.append)
        print("\n".join(lines))
        stacks[name] = (data, description, Stack(chain, deployment))
    return stacks


def model_info(stack: Stack) -> dict:
    return stack.query({"info": {}}, stack.model)


def parameters(stack: Stack, start_after=None, limit=3) -> dict:
    return stack.query({"parameters": {"start_after": start_after, "limit": limit}}, stack.model)


def as_strings(values) -> list[str]:
    return [str(v) for v in values]


def test_the_image_perceptron_reads_back_as_converted(imported):
    data, description, stack = imported[IMAGE]
    msg = description["model"]["instantiate"]
    info = model_info(stack)
    assert info["variant"] == {"dense_perceptron": {
        "learning_rate": 10**9, "learn_intercept": False, "update_on_zero_margin": False,
        "averaged": False}}
    assert info["classes"] == ["NOT HOT DOG", "HOT DOG"] and info["dimension"] == 400
    assert info["trainer"] == stack.trainer and info["handed_over"] is True
    for start_after in (None, 98, 298, 396):  # across the chunks of 100 weights
        page = parameters(stack, start_after)
        first = 0 if start_after is None else start_after + 1
        assert page["scalars"] == [{"name": "intercept", "value": "0"}]
        assert [row["values"] for row in page["rows"]] == [[str(w)] for w in msg["weights"][first:first + 3]]
    assert msg["weights"][0] == original.to_fixed(data["weights"][0], "w")


def test_the_intent_centroids_read_back_as_converted(imported):
    _, description, stack = imported[INTENT]
    classes = description["model"]["instantiate"]["classes"]
    info = model_info(stack)
    assert info["variant"] == {"nearest_centroid": {}}
    assert info["classes"] == ["WEATHER_GET", "MUSIC_PLAY"] and info["dimension"] == 512
    page = parameters(stack, 508, 10)
    assert {"name": "count.1", "value": "2000"} in page["scalars"]
    assert [row["index"] for row in page["rows"]] == [509, 510, 511]
    assert [row["values"] for row in page["rows"]] == [
        as_strings([c["centroid"][i] for c in classes]) for i in (509, 510, 511)]


@pytest.mark.parametrize("name", [IMAGE, INTENT])
def test_the_imported_model_agrees_with_the_float_model(imported, name):
    data, description, stack = imported[name]

    def predict_batch(features):
        return stack.query({"predict_batch": {"samples": features}}, stack.model)["classifications"]

    report = agreement.check(predict_batch, description, data, SAMPLES, SEED)
    print(f"{name}: {report.summary()}")
    assert report.total == SAMPLES
    assert report.agreed >= LEAST_AGREEMENT * SAMPLES, report.summary()


def test_the_trainers_record_the_embeddings(imported):
    image_data, _, image = imported[IMAGE]
    assert image.info()["encoder"] == {"embedding": {
        "name": IMAGE, "dimension": MOBILENET_OUTPUTS, "feature_indices": image_data["featureIndices"]}}
    assert imported[INTENT][2].info()["encoder"] == {"embedding": {
        "name": INTENT, "dimension": 512, "feature_indices": None}}


def test_an_imported_stack_trains_and_predicts(chain, imported):
    data, description, stack = imported[INTENT]
    music = agreement.samples(description, data, 2, SEED)[1]  # the normalised MUSIC_PLAY centroid
    assert music.kind == "centroid" and stack.predict(music.features) == 1
    cid, _ = stack.add_data("alice", music.features, 1)
    assert stack.contribution(cid)["contribution"]["classification"] == 1
    assert {"name": "count.1", "value": "2001"} in parameters(stack)["scalars"]
    assert stack.predict(music.features) == 1
    assert chain.admin(stack.model) == ""


def test_the_image_stack_takes_data(imported):
    data, description, stack = imported[IMAGE]
    sample = agreement.samples(description, data, 1, SEED)[0]
    before = stack.predict(sample.features)
    stack.add_data("bob", sample.features, 1 - before)
    page = parameters(stack, limit=1)
    assert page["rows"][0]["values"] != [str(description["model"]["instantiate"]["weights"][0])]
