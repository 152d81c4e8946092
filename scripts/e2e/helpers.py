"""What the end-to-end test modules share: the gas that lets a refused call reach the
chain, a few points on the unit circle, and claims by id."""

from sumclient.encoders import fixed_point_normalised

# Enough gas that a refused call is refused by the chain itself, not by simulation.
FIXED_GAS = 3_000_000

EAST = {"dense": fixed_point_normalised([1, 0])}
NORTH_EAST = {"dense": fixed_point_normalised([0.6, 0.8])}
EAST_NORTH_EAST = {"dense": fixed_point_normalised([0.8, 0.6])}


def claim(stack, sender, action, cid, **kwargs):
    """A refund or report of contribution `cid` by key `sender`."""
    return stack.execute(sender, {action: {"id": cid}}, **kwargs)


def balances(chain, holders) -> list[int]:
    """The balances of keys or addresses, in the chain's denom."""
    return [chain.balance(h if h.startswith("wasm1") else chain.address(h)) for h in holders]
