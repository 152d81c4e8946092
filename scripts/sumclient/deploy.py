"""Storing the contracts and instantiating a trainer stack from a model description."""

import base64
import json
from pathlib import Path

from .wasmd import REPO_ROOT, Wasmd, attribute

ARTIFACTS = REPO_ROOT / "artifacts"
CONTRACTS = [
    "trainer", "data-handler", "dense-perceptron", "sparse-perceptron", "naive-bayes",
    "nearest-centroid", "sparse-nearest-centroid", "stakeable",
]


def store_all(chain: Wasmd, sender: str) -> tuple[dict, dict]:
    """Stores every artifact; returns code ids and gas used, by contract."""
    code_ids, gas = {}, {}
    for contract in CONTRACTS:
        wasm = ARTIFACTS / f"sum_{contract.replace('-', '_')}.wasm"
        if not wasm.exists():
            raise FileNotFoundError(f"{wasm} is missing: run scripts/build.sh")
        result = chain.tx(sender, "wasm", "store", str(wasm))
        code_ids[contract] = int(attribute(result, "store_code", "code_id"))
        gas[contract] = int(result["gas_used"])
    return code_ids, gas


def component(code_id: int, msg: dict, label: str) -> dict:
    return {
        "code_id": code_id,
        "msg": base64.b64encode(json.dumps(msg).encode()).decode(),
        "label": label,
    }


def instantiate_stack(chain: Wasmd, sender: str, code_ids: dict, description: dict) -> tuple[dict, int]:
    """Instantiates a trainer, which instantiates its components; returns the deployment
    (addresses, code ids, description) and the gas used."""
    owner = chain.address(sender)
    name = description["name"]
    msg = {
        "name": name,
        "description": description.get("description", ""),
        "encoder": description["encoder"],
        "owner": owner,
        "data_handler": component(code_ids["data-handler"], {}, f"{name} data handler"),
        "model": {"instantiate": component(code_ids[description["model"]["contract"]],
                                           description["model"]["instantiate"], f"{name} model")},
        "incentive": component(code_ids[description["incentive"]["contract"]],
                               description["incentive"]["instantiate"], f"{name} incentive"),
    }
    result = chain.tx(sender, "wasm", "instantiate", str(code_ids["trainer"]), json.dumps(msg),
                      "--label", f"{name} trainer", "--admin", owner)
    trainer = attribute(result, "instantiate", "_contract_address")
    info = chain.smart(trainer, {"info": {}})
    deployment = {
        "trainer": trainer,
        "data_handler": info["data_handler"],
        "model": info["model"],
        "incentive": info["incentive"],
        "owner": owner,
        "code_ids": code_ids,
        "description": description,
    }
    return deployment, int(result["gas_used"])


def load_description(path: str | Path) -> dict:
    return json.loads(Path(path).read_text())
