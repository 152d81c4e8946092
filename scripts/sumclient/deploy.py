"""Storing the contracts and instantiating a trainer stack from a model description."""

import hashlib
import json
from pathlib import Path

from . import chunks
from .stack import execute
from .wasmd import REPO_ROOT, Wasmd, attribute, encode_json

ARTIFACTS = REPO_ROOT / "artifacts"
MODELS = REPO_ROOT / "scripts" / "models"
CONTRACTS_FILE = REPO_ROOT / "scripts" / "contracts.txt"
# The most code infos `stored_codes` reads.
CODES_LIMIT = 10_000


def contracts() -> list[str]:
    """The contracts, in build order: the first word of each line of scripts/contracts.txt
    that is neither blank nor a comment (as scripts/lib.sh reads it)."""
    lines = CONTRACTS_FILE.read_text().splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.lstrip().startswith("#")]


def artifact(contract: str) -> Path:
    """The optimised Wasm of a contract, as scripts/build.sh writes it."""
    return ARTIFACTS / f"sum_{contract.replace('-', '_')}.wasm"


def stored_codes(chain: Wasmd) -> dict[str, int]:
    """The code ids on the chain by checksum (lower-case hex), the first id of each. One
    page (the CLI's page key is raw bytes, which an argument cannot carry), so at most
    CODES_LIMIT codes: a local chain has far fewer."""
    page = chain.query("wasm", "list-code", "--limit", str(CODES_LIMIT))
    if page["pagination"].get("next_key"):
        raise RuntimeError(f"more than {CODES_LIMIT} codes on the chain: store with reuse=False")
    codes: dict[str, int] = {}
    for info in page["code_infos"]:
        codes.setdefault(info["data_hash"].lower(), int(info["code_id"]))
    return codes


def store_all(chain: Wasmd, sender: str, reuse: bool = True) -> tuple[dict, dict]:
    """Stores every artifact; returns code ids and gas used, by contract. With `reuse`, an
    artifact already on the chain (same checksum) is not stored again (gas 0), so repeated
    deployments share code ids and clients can tell contracts by code id."""
    code_ids, gas = {}, {}
    on_chain = stored_codes(chain) if reuse else {}
    for contract in contracts():
        wasm = artifact(contract)
        if not wasm.exists():
            raise FileNotFoundError(f"{wasm} is missing: run scripts/build.sh")
        checksum = hashlib.sha256(wasm.read_bytes()).hexdigest()
        if checksum in on_chain:
            code_ids[contract], gas[contract] = on_chain[checksum], 0
            continue
        result = chain.tx(sender, "wasm", "store", str(wasm))
        code_ids[contract] = int(attribute(result, "store_code", "code_id"))
        gas[contract] = int(result["gas_used"])
    return code_ids, gas


def component(code_id: int, msg: dict, label: str) -> dict:
    """How the trainer instantiates one component: code id, instantiate message, label."""
    return {"code_id": code_id, "msg": encode_json(msg), "label": label}


def trainer_instantiate_msg(owner: str, code_ids: dict, description: dict,
                            existing_model: str | None = None) -> dict:
    """The trainer's instantiate message for a model description. A description with
    `"immutable": true` makes a stack whose components can never be migrated. With
    `existing_model` the trainer takes that model (built in chunks) instead of a new one."""
    name = description["name"]

    def part(role: str, contract: str, msg: dict) -> dict:
        return component(code_ids[contract], msg, f"{name} {role}")

    model, incentive = description["model"], description["incentive"]
    source = ({"existing": {"address": existing_model}} if existing_model
              else {"instantiate": part("model", model["contract"], model["instantiate"])})
    return {
        "name": name,
        "description": description.get("description", ""),
        "encoder": description["encoder"],
        "owner": owner,
        "immutable": bool(description.get("immutable", False)),
        "data_handler": part("data handler", "data-handler", {}),
        "model": source,
        "incentive": part("incentive", incentive["contract"], incentive["instantiate"]),
    }


def instantiate_stack(chain: Wasmd, sender: str, code_ids: dict, description: dict) -> tuple[dict, int]:
    """Instantiates a trainer, which instantiates its components; returns the deployment
    (addresses, code ids, description) and the gas used."""
    msg = trainer_instantiate_msg(chain.address(sender), code_ids, description)
    return instantiate_trainer(chain, sender, code_ids, description, msg)


def instantiate_trainer(chain: Wasmd, sender: str, code_ids: dict, description: dict,
                        msg: dict) -> tuple[dict, int]:
    """Instantiates a trainer with `msg`; returns the deployment and the gas used. The
    trainer has no Wasm admin: its owner lives only in its config, and the trainer itself
    administers its components."""
    result = chain.tx(sender, "wasm", "instantiate", str(code_ids["trainer"]), json.dumps(msg),
                      "--label", f"{description['name']} trainer", "--no-admin")
    trainer = attribute(result, "instantiate", "_contract_address")
    info = chain.smart(trainer, {"info": {}})
    deployment = {
        "trainer": trainer,
        "data_handler": info["data_handler"],
        "model": info["model"],
        "incentive": info["incentive"],
        "owner": msg["owner"],
        "code_ids": code_ids,
        "description": description,
    }
    return deployment, int(result["gas_used"])


def deploy_in_chunks(chain: Wasmd, sender: str, code_ids: dict, description: dict,
                     chunk_size: int = chunks.DEFAULT_CHUNK_SIZE, progress=print) -> dict:
    """Deploys a model too large for one transaction: instantiates it standalone without a
    Wasm admin, sends its extension chunks (calling `progress` with a line after each),
    instantiates a trainer with it as the existing model and hands the model over to that
    trainer. Returns the deployment, as instantiate_stack does."""
    model = description["model"]
    small, extensions = chunks.split(model["contract"], model["instantiate"], chunk_size)
    # Built before the first transaction, so a description missing a part or a code id fails
    # before anything is on chain; the model's address is filled in once it exists.
    msg = trainer_instantiate_msg(chain.address(sender), code_ids, description, "pending")
    result = chain.tx(sender, "wasm", "instantiate", str(code_ids[model["contract"]]),
                      json.dumps(small), "--label", f"{description['name']} model", "--no-admin")
    address = attribute(result, "instantiate", "_contract_address")
    progress(f"model {address} instantiated (gas used {result['gas_used']})")
    for done, chunk in enumerate(extensions, 1):
        result = execute(chain, sender, address, {"extension": chunk})
        progress(f"chunk {done} of {len(extensions)}: {next(iter(chunk))} (gas used {result['gas_used']})")
    msg["model"] = {"existing": {"address": address}}
    deployment, _ = instantiate_trainer(chain, sender, code_ids, description, msg)
    execute(chain, sender, address, {"hand_over": {"trainer": deployment["trainer"]}})
    progress(f"model handed over to trainer {deployment['trainer']}")
    return deployment


def load_description(path: str | Path) -> dict:
    """A model description file; its model and incentive contracts must be among those
    scripts/contracts.txt lists."""
    description = json.loads(Path(path).read_text())
    for role in ("model", "incentive"):
        contract = description[role]["contract"]
        if contract not in contracts():
            raise ValueError(f"{path}: unknown {role} contract {contract!r}: "
                             f"scripts/contracts.txt lists {contracts()}")
    return description


def example_description(name: str) -> dict:
    """The model description scripts/models/NAME.json."""
    return load_description(MODELS / f"{name}.json")
