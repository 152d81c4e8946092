"""A deployed trainer stack: the trainer's messages and queries, for sumctl, the gas
benchmark and the end-to-end tests."""

import json

from .wasmd import Wasmd, attribute


def execute(chain: Wasmd, sender: str, contract: str, msg: dict,
            funds: str | None = None, gas: int | None = None) -> dict:
    """Executes `msg` on `contract` from key `sender`, attaching `funds` (e.g. "5usum")."""
    extra = ["--amount", funds] if funds else []
    return chain.tx(sender, "wasm", "execute", contract, json.dumps(msg), *extra, gas=gas)


class Stack:
    """A trainer and its components, from a deployment (see deploy.instantiate_stack)."""

    def __init__(self, chain: Wasmd, deployment: dict):
        self.chain = chain
        self.deployment = deployment
        self.trainer = deployment["trainer"]
        self.data_handler = deployment["data_handler"]
        self.model = deployment["model"]
        self.incentive = deployment["incentive"]

    @property
    def mechanism(self) -> str:
        """The incentive contract's name, e.g. "stakeable", "points", "prediction-market"."""
        return self.deployment["description"]["incentive"]["contract"]

    def query(self, msg: dict, contract: str | None = None) -> dict:
        """A smart query of the trainer, or of `contract`."""
        return self.chain.smart(contract or self.trainer, msg)

    def execute(self, sender: str, msg: dict, contract: str | None = None,
                funds: str | None = None, gas: int | None = None) -> dict:
        """Executes `msg` on the trainer, or on `contract`."""
        return execute(self.chain, sender, contract or self.trainer, msg, funds, gas)

    def info(self) -> dict:
        return self.query({"info": {}})

    def predict(self, data: dict) -> int:
        return self.query({"predict": {"data": data}})["classification"]

    def next_add_data_cost(self) -> dict:
        """{cost: {denom, amount}, trains_model}: the deposit to add data now, and whether
        that addition trains the model."""
        return self.query({"next_add_data_cost": {}})

    def add_data(self, sender: str, data: dict, label: int, amount: int | None = None,
                 gas: int | None = None) -> tuple[int, dict]:
        """Adds a sample with a deposit of `amount` (default: the price quoted now; the price
        only falls until the block, and the mechanism returns any excess). Returns the
        contribution id the trainer emits and the transaction result."""
        cost = self.next_add_data_cost()["cost"]
        amount = int(cost["amount"]) if amount is None else amount
        funds = f"{amount}{cost['denom']}" if amount else None
        result = self.execute(sender, {"add_data": {"data": data, "classification": label}},
                              funds=funds, gas=gas)
        return int(attribute(result, "wasm", "contribution_id", self.trainer)), result

    def contribution(self, cid: int) -> dict:
        """{id, contribution: {contributor, data, classification, added_at},
        claims: {initial_deposit, claimable, claimed_by}}."""
        return self.query({"contribution": {"id": cid}})

    def incentive_config(self) -> dict:
        return self.query({"config": {}}, self.incentive)

    def wait_for_refund_window(self, cid: int):
        """Waits, on block time, until contribution `cid` may be refunded or reported."""
        added = self.contribution(cid)["contribution"]["added_at"]
        self.chain.wait_until_block_time(added + self.incentive_config()["refund_wait"])
