"""End to end on a real wasmd chain: add data, predictions, refund, report, refusals,
ownership and admins. No test depends on timing: waits are on block time, and an
underpayment is far below any price the deposit can fall to while the suite runs."""

import math

import pytest

from helpers import EAST, EAST_NORTH_EAST, FIXED_GAS, NORTH_EAST, balances, claim
from sumclient import deploy
from sumclient.encoders import features
from sumclient.wasmd import TxFailed, encode_json

# Far longer than a stack lives in any test: the price falls no lower than its value then.
DAY = 86_400


def deposit_of(stack, cid) -> int:
    return int(stack.contribution(cid)["claims"]["initial_deposit"])


def far_below_any_price(stack) -> int:
    """Half the lowest deposit the mechanism can ask within a day of its last update: the
    price, cost_weight·3600/isqrt(seconds since the last update), only falls with time."""
    cost_weight = int(stack.incentive_config()["cost_weight"])
    return cost_weight * 3600 // math.isqrt(DAY) // 2


def state(stack, keys, ids=()) -> dict:
    """What a refused call must leave as it was: the balances of `keys`, the mechanism
    and the trainer; the data handler's counts; the mechanism's config; contributions
    `ids` with their claims."""
    return {
        "balances": balances(stack.chain, [*keys, stack.incentive, stack.trainer]),
        "counts": stack.query({"counts": {}}, stack.data_handler),
        "mechanism": stack.incentive_config(),
        "contributions": [stack.contribution(cid) for cid in ids],
    }


def test_predictions_change_after_training(stack):
    assert stack.predict(EAST) == 0
    stack.add_data("alice", EAST, 1)
    assert stack.predict(EAST) == 1
    assert stack.incentive_config()["trainer"] == stack.trainer


def test_refund_after_the_wait_pays_the_deposit_back(chain, stack):
    cid, _ = stack.add_data("alice", EAST, 1)
    deposit = deposit_of(stack, cid)
    assert deposit > 0 and chain.balance(stack.incentive) == deposit
    stack.wait_for_refund_window(cid)
    alice = chain.address("alice")
    before = chain.balance(alice)
    claim(stack, "alice", "refund", cid)
    assert chain.balance(alice) == before + deposit
    assert chain.balance(stack.incentive) == 0
    claims = stack.contribution(cid)["claims"]
    assert claims["claimable"] == "0" and claims["claimed_by"] == [alice]


def test_report_on_a_bad_contribution_pays_the_reporter(chain, stack):
    good, _ = stack.add_data("alice", EAST, 1)
    bad, _ = stack.add_data("bob", EAST_NORTH_EAST, 0)
    stack.add_data("alice", NORTH_EAST, 1)
    assert stack.predict(EAST_NORTH_EAST) == 1, "the model now disagrees with bob"
    stack.wait_for_refund_window(bad)
    with pytest.raises(TxFailed, match="model predicts 1 for contribution"):
        claim(stack, "bob", "refund", bad, gas=FIXED_GAS)
    claim(stack, "alice", "refund", good)
    alice = chain.address("alice")
    before = chain.balance(alice)
    claim(stack, "alice", "report", bad)
    assert chain.balance(alice) == before + deposit_of(stack, bad)


def test_wrong_sender_is_refused_and_state_does_not_move(chain, stack):
    cid, _ = stack.add_data("alice", EAST, 1)
    stack.wait_for_refund_window(cid)
    before = state(stack, ["alice", "bob"], [cid])
    with pytest.raises(TxFailed, match="only the contributor"):
        claim(stack, "bob", "refund", cid, gas=FIXED_GAS)
    forged = {"add_contribution": {"id": cid + 1, "contributor": chain.address("bob"),
                                   "data": EAST, "classification": 1}}
    with pytest.raises(TxFailed, match="only the trainer"):
        stack.execute("bob", forged, contract=stack.data_handler, gas=FIXED_GAS)
    assert state(stack, ["alice", "bob"], [cid]) == before
    assert before["contributions"][0]["claims"]["claimed_by"] == []


def test_insufficient_deposit_is_refused_and_state_does_not_move(stack):
    underpayment = far_below_any_price(stack)
    assert 0 < underpayment < int(stack.next_add_data_cost()["cost"]["amount"])
    before = state(stack, ["carol"])
    with pytest.raises(TxFailed, match="insufficient deposit"):
        stack.add_data("carol", EAST, 1, amount=underpayment, gas=FIXED_GAS)
    assert state(stack, ["carol"]) == before
    assert before["counts"]["total"] == 0


def test_funds_attached_to_a_refund_are_refused(stack):
    cid, _ = stack.add_data("alice", EAST, 1)
    stack.wait_for_refund_window(cid)
    before = state(stack, ["alice"], [cid])
    with pytest.raises(TxFailed, match="(?i)accept funds"):
        claim(stack, "alice", "refund", cid, funds="5usum", gas=FIXED_GAS)
    assert state(stack, ["alice"], [cid]) == before


def test_ownership_moves_in_two_steps(chain, stack, code_ids):
    validator, bob = chain.address("validator"), chain.address("bob")
    stack.execute("validator", {"propose_owner": {"owner": bob}})
    info = stack.info()
    assert info["owner"] == validator and info["pending_owner"] == bob
    stack.execute("bob", {"accept_ownership": {}})
    info = stack.info()
    assert info["owner"] == bob and info.get("pending_owner") is None
    migrate = {"migrate_component": {"component": "model", "code_id": code_ids["dense-perceptron"],
                                     "msg": encode_json({})}}
    with pytest.raises(TxFailed, match="only the owner"):
        stack.execute("validator", migrate, gas=FIXED_GAS)


def test_the_trainer_has_no_admin_and_administers_its_components(chain, stack):
    assert chain.admin(stack.trainer) == ""
    for component in (stack.data_handler, stack.model, stack.incentive):
        assert chain.admin(component) == stack.trainer
    assert stack.info()["immutable"] is False


def test_an_immutable_stack_has_no_admins(chain, make_stack):
    stack = make_stack(deploy.example_description("dense-perceptron") | {"immutable": True})
    assert stack.info()["immutable"] is True
    for contract in (stack.trainer, stack.data_handler, stack.model, stack.incentive):
        assert chain.admin(contract) == ""


def test_naive_bayes_learns_text_with_repeated_words_on_chain(make_stack):
    stack = make_stack(deploy.example_description("naive-bayes"))
    encode = lambda text: features("murmurhash3", "naive-bayes", text=text)  # noqa: E731
    stack.add_data("alice", encode("wake me up at seven set an alarm alarm"), 0)
    stack.add_data("bob", encode("will it rain tomorrow what is the weather"), 1)
    assert stack.predict(encode("set an alarm for six")) == 0
    assert stack.predict(encode("is it going to rain")) == 1
    info = stack.query({"info": {}}, stack.model)
    assert info["classes"] == ["alarm", "weather"] and info["trainer"] == stack.trainer


def test_storing_again_reuses_the_stored_code(chain, code_ids):
    """A second deployment on the same chain stores nothing: the same checksums keep their
    code ids, so every stack's contracts share them (the dashboard lists them all)."""
    again, gas = deploy.store_all(chain, "validator")
    assert again == code_ids
    assert set(gas.values()) == {0}
    fresh, fresh_gas = deploy.store_all(chain, "validator", reuse=False)
    assert all(fresh[c] > code_ids[c] for c in code_ids)
    assert all(g > 0 for g in fresh_gas.values())


def test_the_averaged_perceptron_predicts_with_the_mean_of_its_weights(make_stack):
    """The same two contributions on a plain and an averaged sparse perceptron: after
    `[1]` as class 1 then as class 0 the live weights are back at zero (class 0), while
    the mean of the three weight vectors the model has had is positive (class 1); the
    averaged model's parameters show its count and sums (×10^9)."""
    stacks = {}
    for averaged in (False, True):
        description = deploy.example_description("sparse-perceptron")
        description["model"]["instantiate"]["averaged"] = averaged
        stacks[averaged] = make_stack(description)
    sample = {"sparse": [1]}
    for stack in stacks.values():
        stack.add_data("alice", sample, 1)
        stack.add_data("bob", sample, 0)
    assert stacks[False].predict(sample) == 0
    assert stacks[True].predict(sample) == 1
    variant = stacks[True].query({"info": {}}, stacks[True].model)["variant"]
    assert variant["sparse_perceptron"]["averaged"] is True
    page = stacks[True].query({"parameters": {}}, stacks[True].model)
    assert page["scalars"] == [{"name": "intercept", "value": "0"},
                               {"name": "count", "value": "3"},
                               {"name": "intercept_sum", "value": str(-10**9)}]
    assert page["rows"] == [{"index": 1, "values": ["0", str(-10**9)]}]
