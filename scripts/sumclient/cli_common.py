"""What the sumctl commands share: the chain, the deployment file, the stack it names,
human input (samples, labels, keys) and the common options."""

import json
import os
import sys
from pathlib import Path

from . import encoders
from .stack import Stack
from .wasmd import Wasmd

CHAIN_DIR = Path(os.environ.get("SUM_CHAIN_DIR", Path(__file__).resolve().parents[2] / ".chain"))


def connect() -> Wasmd:
    home = CHAIN_DIR / "node"
    if not (home / "rpc_port").exists():
        sys.exit("no local chain: run scripts/chain.sh start")
    return Wasmd(os.environ["SUM_WASMD"], str(home))


def deployment_path(args) -> Path:
    return Path(args.deployment) if args.deployment else CHAIN_DIR / "deployment.json"


def write_deployment(args, deployment: dict):
    """Writes the deployment file the other commands read, and says what it holds."""
    path = deployment_path(args)
    path.write_text(json.dumps(deployment, indent=2) + "\n")
    for role in ("trainer", "data_handler", "model", "incentive"):
        print(f"{role:13} {deployment[role]}")
    print(f"deployment written to {path}")


def load_stack(args) -> Stack:
    """The deployed stack that `sumctl deploy` wrote down."""
    path = deployment_path(args)
    if not path.exists():
        sys.exit(f"{path} not found: run sumctl deploy first")
    return Stack(connect(), json.loads(path.read_text()))


def load_stack_with(args, mechanism: str) -> Stack:
    """The deployed stack, which must use the incentive contract `mechanism`."""
    stack = load_stack(args)
    if stack.mechanism != mechanism:
        sys.exit(f"this needs the {mechanism} mechanism; the deployed stack uses {stack.mechanism}")
    return stack


def sample(args, stack: Stack) -> dict:
    """The sample given on the command line, encoded for the deployed model."""
    description = stack.deployment["description"]
    try:
        return encoders.features(
            description["encoder"],
            description["model"]["contract"],
            values=json.loads(args.features) if args.features else None,
            text=args.text,
            indices=json.loads(args.indices) if args.indices else None,
        )
    except ValueError as error:  # malformed JSON too
        sys.exit(f"cannot encode the sample: {error}")


def class_index(label: str, classes: list[str]) -> int:
    try:
        return encoders.class_index(label, classes)
    except ValueError as error:
        sys.exit(str(error))


def address_of(chain: Wasmd, who: str) -> str:
    """An address given as such, or the address of a key in the test keyring."""
    return who if who.startswith("wasm1") else chain.address(who)


def model_classes(stack: Stack) -> list[str]:
    return stack.query({"info": {}}, stack.model)["classes"]


def with_sender(s, default: str | None = "alice"):
    s.add_argument("--from", dest="sender", default=default, required=default is None,
                   help="key name in the test keyring" + (f" (default {default})" if default else ""))


def with_sample(s):
    group = s.add_mutually_exclusive_group(required=True)
    group.add_argument("--features", help="JSON array of numbers (dense models)")
    group.add_argument("--text", help="text, for murmurhash3 models")
    group.add_argument("--indices", help="JSON array of feature indices (sparse models)")
