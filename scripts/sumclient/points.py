"""The points mechanism's own queries: adding data is free, a refund earns a point, a
report counts, and no funds ever move."""

from .stack import Stack

# The most leaderboard entries the contract answers at once.
PAGE = 100


class Points:
    """The points mechanism of a stack (its incentive contract)."""

    def __init__(self, stack: Stack):
        self.stack = stack

    def query(self, msg: dict):
        return self.stack.query(msg, self.stack.incentive)

    def points(self, address: str) -> dict:
        """{points, contributions, reports} of one address."""
        return self.query({"points": {"address": address}})

    def totals(self) -> dict:
        """{contributions, points, reports, scorers} over everyone."""
        return self.query({"totals": {}})

    def leaderboard(self, limit: int) -> list[dict]:
        """The first `limit` entries {points, address}, highest first (ties by address),
        read a page at a time."""
        entries, start_after = [], None
        while len(entries) < limit:
            page_size = min(PAGE, limit - len(entries))
            msg = {"leaderboard": {"start_after": start_after, "limit": page_size}}
            page = self.query(msg)["entries"]
            entries += page
            if len(page) < page_size:
                break
            start_after = page[-1]
        return entries
