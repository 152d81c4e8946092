"""End to end on a real wasmd chain: add data, predictions, refund, report, refusals."""

import json

import pytest

from sumclient import deploy
from sumclient.encoders import features, fixed_point_normalised
from sumclient.wasmd import REPO_ROOT, TxFailed, attribute

NAIVE_BAYES_MODEL = REPO_ROOT / "scripts" / "models" / "naive-bayes.json"

# Enough gas that a refused call is refused by the chain itself, not by simulation.
FIXED_GAS = 3_000_000

EAST = {"dense": fixed_point_normalised([1, 0])}
NORTH_EAST = {"dense": fixed_point_normalised([0.6, 0.8])}
EAST_NORTH_EAST = {"dense": fixed_point_normalised([0.8, 0.6])}


def predict(chain, stack, data):
    return chain.smart(stack["trainer"], {"predict": {"data": data}})["classification"]


def add_data(chain, stack, sender, data, label, underpay=0):
    cost = int(chain.smart(stack["trainer"], {"next_add_data_cost": {}})["cost"]["amount"])
    msg = json.dumps({"add_data": {"data": data, "classification": label}})
    gas = FIXED_GAS if underpay else None
    result = chain.tx(sender, "wasm", "execute", stack["trainer"], msg,
                      "--amount", f"{cost - underpay}usum", gas=gas)
    return int(attribute(result, "wasm", "contribution_id")), cost


def claim(chain, stack, sender, action, cid, gas=None):
    return chain.tx(sender, "wasm", "execute", stack["trainer"],
                    json.dumps({action: {"id": cid}}), gas=gas)


def wait_for_refund_window(chain, stack, cid):
    added = chain.smart(stack["trainer"], {"contribution": {"id": cid}})["added_at"]
    wait = stack["description"]["incentive"]["instantiate"]["refund_wait"]
    chain.wait_until_block_time(added + wait)


def balances(chain, stack, *keys):
    addresses = [chain.address(k) for k in keys] + [stack["incentive"], stack["trainer"]]
    return [chain.balance(a) for a in addresses]


def test_predictions_change_after_training(chain, stack):
    assert predict(chain, stack, EAST) == 0
    add_data(chain, stack, "alice", EAST, 1)
    assert predict(chain, stack, EAST) == 1
    assert chain.smart(stack["incentive"], {"config": {}})["trainer"] == stack["trainer"]


def test_refund_after_the_wait_pays_the_deposit_back(chain, stack):
    cid, deposit = add_data(chain, stack, "alice", EAST, 1)
    assert chain.balance(stack["incentive"]) == deposit
    wait_for_refund_window(chain, stack, cid)
    alice = chain.address("alice")
    before = chain.balance(alice)
    claim(chain, stack, "alice", "refund", cid)
    assert chain.balance(alice) == before + deposit
    assert chain.balance(stack["incentive"]) == 0
    record = chain.smart(stack["trainer"], {"contribution": {"id": cid}})
    assert record["claimable"] == "0" and record["claimed_by"] == [alice]


def test_report_on_a_bad_contribution_pays_the_reporter(chain, stack):
    good, _ = add_data(chain, stack, "alice", EAST, 1)
    bad, bad_deposit = add_data(chain, stack, "bob", EAST_NORTH_EAST, 0)
    add_data(chain, stack, "alice", NORTH_EAST, 1)
    assert predict(chain, stack, EAST_NORTH_EAST) == 1, "the model now disagrees with bob"
    wait_for_refund_window(chain, stack, bad)
    with pytest.raises(TxFailed, match="model predicts 1 for contribution"):
        claim(chain, stack, "bob", "refund", bad, gas=FIXED_GAS)
    claim(chain, stack, "alice", "refund", good)
    alice = chain.address("alice")
    before = chain.balance(alice)
    claim(chain, stack, "alice", "report", bad)
    assert chain.balance(alice) == before + bad_deposit


def test_wrong_sender_is_refused_and_balances_do_not_move(chain, stack):
    cid, _ = add_data(chain, stack, "alice", EAST, 1)
    wait_for_refund_window(chain, stack, cid)
    before = balances(chain, stack, "alice", "bob")
    with pytest.raises(TxFailed, match="only the contributor"):
        claim(chain, stack, "bob", "refund", cid, gas=FIXED_GAS)
    msg = json.dumps({"record_claim": {"id": cid, "claimer": chain.address("bob"), "amount": "1"}})
    with pytest.raises(TxFailed, match="only the trainer"):
        chain.tx("bob", "wasm", "execute", stack["data_handler"], msg, gas=FIXED_GAS)
    assert balances(chain, stack, "alice", "bob") == before
    record = chain.smart(stack["trainer"], {"contribution": {"id": cid}})
    assert record["claimed_by"] == []


def test_insufficient_deposit_is_refused_and_balances_do_not_move(chain, stack):
    before = balances(chain, stack, "carol")
    with pytest.raises(TxFailed, match="insufficient deposit"):
        add_data(chain, stack, "carol", EAST, 1, underpay=1)
    assert balances(chain, stack, "carol") == before
    counts = chain.smart(stack["data_handler"], {"counts": {}})
    assert counts["total"] == 0


def test_naive_bayes_learns_text_on_chain(chain, code_ids):
    description = deploy.load_description(NAIVE_BAYES_MODEL)
    stack, _ = deploy.instantiate_stack(chain, "validator", code_ids, description)
    encode = lambda text: features("murmurhash3", text=text)  # noqa: E731
    add_data(chain, stack, "alice", encode("wake me up at seven set an alarm"), 0)
    add_data(chain, stack, "bob", encode("will it rain tomorrow what is the weather"), 1)
    assert predict(chain, stack, encode("set an alarm for six")) == 0
    assert predict(chain, stack, encode("is it going to rain")) == 1
    info = chain.smart(stack["model"], {"info": {}})
    assert info["classes"] == ["alarm", "weather"] and info["trainer"] == stack["trainer"]
