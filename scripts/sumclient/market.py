"""The prediction market from a client: a labelled test set cut into salted pieces and
committed to exactly as the market contract checks them (`encode_piece` and `commitment`
in packages/sum-rules/src/market.rs), and the market's own messages, which go through the
trainer's `incentive_extension`."""

import csv
import hashlib
import json
import re
import secrets
import struct
from pathlib import Path

from .encoders import class_index
from .stack import Stack
from .wasmd import encode_json, events

# A market takes between 2 and 64 test-set pieces (sum_rules::market::{MIN,MAX}_PIECES).
MIN_PIECES, MAX_PIECES = 2, 64
SALT_BYTES = 16
KINDS = {"dense": (0, ">q"), "sparse": (1, ">I")}


def encode_piece(samples: list[dict]) -> bytes:
    """The bytes a piece's commitment hashes, sample after sample: the class (u32), the kind
    (0 dense, 1 sparse), the number of values (u32), then each value (dense i64, sparse
    u32); all big endian."""
    out = bytearray()
    for sample in samples:
        [(kind, values)] = sample["data"].items()
        tag, value_format = KINDS[kind]
        out += struct.pack(">IBI", sample["classification"], tag, len(values))
        out += b"".join(struct.pack(value_format, v) for v in values)
    return bytes(out)


def commitment(salt: bytes, samples: list[dict]) -> str:
    """sha256(salt ‖ encode_piece(samples)), as the 64 lower-case hex digits `open` takes."""
    return hashlib.sha256(salt + encode_piece(samples)).hexdigest()


def split(samples: list, pieces: int) -> list[list]:
    """`samples` in `pieces` consecutive pieces whose sizes differ by at most one (the
    first ones are the larger)."""
    if not MIN_PIECES <= pieces <= MAX_PIECES:
        raise ValueError(f"a market takes {MIN_PIECES} to {MAX_PIECES} pieces, not {pieces}")
    if len(samples) < pieces:
        raise ValueError(f"{len(samples)} samples cannot make {pieces} pieces")
    size, larger = divmod(len(samples), pieces)
    bounds = [i * size + min(i, larger) for i in range(pieces + 1)]
    return [samples[start:end] for start, end in zip(bounds, bounds[1:])]


def read_labelled_csv(path: str | Path, classes: list[str], encode_row) -> list[dict]:
    """The samples of a CSV file, in file order: the last column is the label (class name
    or index), `encode_row(cells)` turns the other cells into features. Blank lines are
    skipped, and so is a first row whose label is no class (a header)."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    if rows and not is_label(rows[0][1][-1], classes):
        rows = rows[1:]
    return [labelled_sample(line, row, classes, encode_row) for line, row in rows]


def labelled_sample(line: int, row: list[str], classes: list[str], encode_row) -> dict:
    """One CSV row as a sample; a ValueError names its line."""
    try:
        return {"data": encode_row([cell.strip() for cell in row[:-1]]),
                "classification": class_index(row[-1].strip(), classes)}
    except ValueError as error:
        raise ValueError(f"line {line}: {error}") from error


def is_label(cell: str, classes: list[str]) -> bool:
    """Whether a cell names a class (by name or index)."""
    try:
        class_index(cell.strip(), classes)
    except ValueError:
        return False
    return True


class SaltedTestSet:
    """A test set in pieces, each with the random salt of its commitment."""

    def __init__(self, pieces: list[list[dict]], salts: list[bytes]):
        self.pieces = pieces
        self.salts = salts

    @classmethod
    def cut(cls, samples: list[dict], pieces: int) -> "SaltedTestSet":
        """`samples` split into `pieces` (see `split`), each with a fresh random salt."""
        parts = split(samples, pieces)
        return cls(parts, [secrets.token_bytes(SALT_BYTES) for _ in parts])

    def commitments(self) -> list[str]:
        return [commitment(salt, piece) for piece, salt in zip(self.pieces, self.salts)]

    def reveal_msg(self, index: int) -> dict:
        return {"reveal": {"index": index, "salt": self.salts[index].hex(),
                           "samples": self.pieces[index]}}

    def save(self, path: Path, market: str):
        """Writes the pieces and salts (and, to read, the commitments and the market's
        address) to `path`."""
        document = {"market": market, "commitments": self.commitments(),
                    "pieces": [{"salt": salt.hex(), "samples": piece}
                               for piece, salt in zip(self.pieces, self.salts)]}
        path.write_text(json.dumps(document, indent=1) + "\n")

    @classmethod
    def load(cls, path: Path) -> "SaltedTestSet":
        pieces = json.loads(path.read_text())["pieces"]
        return cls([p["samples"] for p in pieces], [bytes.fromhex(p["salt"]) for p in pieces])


class MarketNotOpened(Exception):
    """The market has no state yet: nobody has opened it."""


def amount_of(coin: str) -> int:
    """The amount of a coin attribute, e.g. 51500 of "51500usum"."""
    return int(re.match(r"\d+", coin).group())


class Market:
    """The prediction market of a stack (its incentive contract)."""

    def __init__(self, stack: Stack):
        self.stack = stack
        self.chain = stack.chain

    def call(self, sender: str, msg: dict, funds: str | None = None,
             gas: int | None = None) -> dict:
        """Sends a market message through the trainer, with `funds` (e.g. "5usum")."""
        extension = {"incentive_extension": {"msg": encode_json(msg)}}
        return self.stack.execute(sender, extension, funds=funds, gas=gas)

    def query(self, msg: dict):
        return self.stack.query(msg, self.stack.incentive)

    def state(self) -> dict:
        """{trainer, denom, config, market}; `market` is None until opened."""
        return self.query({"market": {}})

    def market(self) -> dict:
        """The market's state; it must have been opened."""
        market = self.state()["market"]
        if market is None:
            raise MarketNotOpened("the market has not been opened")
        return market

    def phase(self) -> str:
        return self.market()["phase"]

    def standing(self, address: str) -> dict:
        """{standing: {stake, loss, weight, contributions, improved, worsened, withdrawn},
        entitlement}."""
        return self.query({"standing": {"address": address}})

    def open(self, provider: str, test_set: SaltedTestSet, bounty: int, min_duration: int,
             min_contributions: int) -> tuple[int, dict]:
        """Opens the market with `bounty` (in the market's denom); answers the piece drawn
        to be revealed first, and the transaction result."""
        msg = {"open": {"commitments": test_set.commitments(), "min_duration": min_duration,
                        "min_contributions": min_contributions}}
        result = self.call(provider, msg, funds=f"{bounty}{self.state()['denom']}")
        return self.market()["drawn"], result

    def reveal(self, provider: str, test_set: SaltedTestSet, index: int) -> dict:
        return self.call(provider, test_set.reveal_msg(index))

    def pending_pieces(self) -> list[int]:
        """The pieces to reveal now: the drawn one while the market is open, every
        unrevealed one after the end of participation, none otherwise."""
        market = self.market()
        if market["phase"] == "open":
            return [market["drawn"]]
        if market["phase"] == "reveal":
            return [i for i, done in enumerate(market["revealed"]) if not done]
        return []

    def reveal_pending(self, provider: str, test_set: SaltedTestSet):
        """Reveals every piece the market waits for; yields each index and result."""
        for index in self.pending_pieces():
            yield index, self.reveal(provider, test_set, index)

    def end(self, sender: str) -> dict:
        return self.call(sender, {"end": {}})

    def process(self, sender: str, limit: int) -> dict:
        """Trains the model on the next `limit` contributions and scores them."""
        return self.call(sender, {"process": {"limit": limit}})

    def process_all(self, sender: str, limit: int):
        """Processes batches of at most `limit` until every contribution is scored (the
        phase is then "collection"); yields each batch's result."""
        while self.phase() == "rewards":
            yield self.process(sender, limit)

    def scores(self, result: dict) -> list[dict]:
        """{contribution_id, score, correct} of every contribution a batch scored."""
        return [{key: int(attrs[key]) for key in ("contribution_id", "score", "correct")}
                for attrs in events(result, "wasm")
                if attrs.get("_contract_address") == self.stack.incentive
                and attrs.get("action") == "score"]

    def payout(self, sender: str, action: str) -> tuple[int, dict]:
        """A withdraw or reclaim: answers the amount paid and the transaction result."""
        result = self.call(sender, {action: {}})
        paid = [attrs["amount"] for attrs in events(result, "wasm")
                if attrs.get("market_action") == action]
        return amount_of(paid[0]), result

    def wait_for_claim_window_end(self):
        """Waits, on block time, until the provider may reclaim what is left."""
        state = self.state()
        closes = state["market"]["collection_start"] + state["config"]["any_address_claim_wait"]
        self.chain.wait_until_block_time(closes)
