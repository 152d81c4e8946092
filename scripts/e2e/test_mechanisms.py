"""End to end on a real wasmd chain with the two other mechanisms: points (free data, a
point per refund, no funds ever move) and a prediction market run from opening to the
provider's reclaim. Waits are on block time only."""

import pytest

from helpers import EAST, EAST_NORTH_EAST, FIXED_GAS, NORTH_EAST, balances, claim
from sumclient import deploy
from sumclient.encoders import fixed_point_normalised
from sumclient.market import Market, SaltedTestSet
from sumclient.points import Points
from sumclient.wasmd import TxFailed

USERS = ["alice", "bob", "carol", "dave"]


def points_state(stack, points, ids) -> dict:
    """What a refused claim must leave as it was: every user's record, the leaderboard,
    the totals and the claims of contributions `ids`."""
    chain = stack.chain
    return {
        "records": [points.points(chain.address(key)) for key in USERS],
        "leaderboard": points.leaderboard(10),
        "totals": points.totals(),
        "contributions": [stack.contribution(cid) for cid in ids],
    }


def test_points_for_good_data_and_no_funds_move(chain, make_stack):
    stack = make_stack(deploy.example_description("points-perceptron"))
    points = Points(stack)
    holders = [*USERS, stack.trainer, stack.incentive]
    funds_before = balances(chain, holders)
    assert stack.next_add_data_cost() == {"cost": {"denom": "", "amount": "0"}, "trains_model": True}
    with pytest.raises(TxFailed, match="Received unsupported denom"):
        add = {"add_data": {"data": EAST, "classification": 1}}
        stack.execute("alice", add, funds="5usum", gas=FIXED_GAS)
    good, _ = stack.add_data("alice", EAST, 1)
    bad, _ = stack.add_data("bob", EAST_NORTH_EAST, 0)
    stack.add_data("alice", NORTH_EAST, 1)
    assert stack.predict(EAST) == 1 and stack.predict(EAST_NORTH_EAST) == 1
    stack.wait_for_refund_window(bad)
    with pytest.raises(TxFailed, match=f"the model predicts 1 for contribution {bad}, labelled 0"):
        claim(stack, "bob", "refund", bad, gas=FIXED_GAS)
    claim(stack, "alice", "refund", good)
    claim(stack, "carol", "report", bad)

    before = points_state(stack, points, [good, bad])
    carol = chain.address("carol")
    with pytest.raises(TxFailed, match=f"{carol} has already claimed from contribution {bad}"):
        claim(stack, "dave", "report", bad, gas=FIXED_GAS)
    assert points_state(stack, points, [good, bad]) == before

    alice = chain.address("alice")
    assert points.points(alice) == {"points": 1, "contributions": 2, "reports": 0}
    assert points.points(carol) == {"points": 0, "contributions": 0, "reports": 1}
    assert points.leaderboard(10) == [{"points": 1, "address": alice}]
    assert points.totals() == {"contributions": 3, "points": 1, "reports": 1, "scorers": 1}
    assert stack.contribution(bad)["claims"]["claimed_by"] == [carol]
    assert balances(chain, holders) == funds_before, "no funds ever move"


BOUNTY = 100_001
PROVIDER = "validator"
# Class 1 is near (1, 0) and class 0 its mirror image.
RIGHT, RIGHT_UP = fixed_point_normalised([1, 0]), fixed_point_normalised([1, 0.1])
# On the perceptron with zero weights, each good (p, 1) moves the weights to p (every test
# sample right) and the bad (p, 0) after it moves them back (half right).
CONTRIBUTIONS = [("alice", RIGHT, 1), ("bob", RIGHT, 0), ("carol", RIGHT_UP, 1), ("dave", RIGHT_UP, 0)]
GOOD, BAD = ["alice", "carol"], ["bob", "dave"]


def market_test_set() -> SaltedTestSet:
    """8 test samples in 4 pieces, each one of class 0 and its mirror image of class 1."""
    samples = []
    for j in range(4):
        q = fixed_point_normalised([1, 0.05 * (j - 1.5)])
        samples += [{"data": {"dense": [-v for v in q]}, "classification": 0},
                    {"data": {"dense": q}, "classification": 1}]
    return SaltedTestSet.cut(samples, 4)


def open_and_contribute(market: Market, test_set: SaltedTestSet) -> int:
    """The provider opens the market and reveals the drawn piece; the four users stake
    their contributions. Answers the stake."""
    stack = market.stack
    drawn, _ = market.open(PROVIDER, test_set, BOUNTY, min_duration=3600, min_contributions=4)
    assert market.pending_pieces() == [drawn]
    market.reveal(PROVIDER, test_set, drawn)
    assert market.phase() == "participation"
    quote = stack.next_add_data_cost()
    assert quote["trains_model"] is False
    for key, x, label in CONTRIBUTIONS:
        stack.add_data(key, {"dense": x}, label)
    assert stack.predict({"dense": RIGHT}) == 0, "the model trains only in the reward phase"
    return int(quote["cost"]["amount"])


def settle(market: Market, test_set: SaltedTestSet) -> list[int]:
    """Ends participation, reveals the other pieces, processes batches of 3; answers the
    scores in order."""
    market.end("alice")
    revealed = [index for index, _ in market.reveal_pending(PROVIDER, test_set)]
    state = market.market()
    assert sorted([state["drawn"], *revealed]) == [0, 1, 2, 3]
    assert (state["phase"], state["test_size"], state["baseline"]) == ("rewards", 8, 4)
    batches = list(market.process_all("bob", 3))
    assert len(batches) == 2 and market.phase() == "collection"
    return [s["score"] for result in batches for s in market.scores(result)]


def test_a_market_from_opening_to_reclaim(chain, make_stack):
    stack = make_stack(deploy.example_description("market-perceptron"))
    market = Market(stack)
    test_set = market_test_set()
    funds_before = dict(zip([*USERS, PROVIDER], balances(chain, [*USERS, PROVIDER])))
    stake = open_and_contribute(market, test_set)
    held = BOUNTY + len(CONTRIBUTIONS) * stake
    assert chain.balance(stack.incentive) == held
    assert settle(market, test_set) == [4, -4, 4, -4]

    paid = {key: market.payout(key, "withdraw")[0] for key in USERS}
    for key in USERS:
        assert balances(chain, [key]) == [funds_before[key] - stake + paid[key]]
    assert all(paid[key] > stake for key in GOOD) and all(paid[key] < stake for key in BAD)
    with pytest.raises(TxFailed, match="not before"):
        market.call(PROVIDER, {"reclaim": {}}, gas=FIXED_GAS)

    market.wait_for_claim_window_end()
    left, _ = market.payout(PROVIDER, "reclaim")
    assert chain.balance(stack.incentive) == 0
    assert sum(paid.values()) + left == held, "bounty and stakes are all paid out"
    assert balances(chain, [PROVIDER]) == [funds_before[PROVIDER] - BOUNTY + left]
    state = market.market()
    assert state["reclaimed"] and int(state["withdrawn"]) == sum(paid.values())
