"""sumctl: deploy a SUM model stack to the local chain and use it.

  sumctl deploy scripts/models/dense-perceptron.json
  sumctl add-data --from alice --features '[1, 0]' --label right
  sumctl predict --features '[0.8, 0.6]'
  sumctl add-data --from bob --text "what a great movie" --label positive   (murmurhash3 models)
  sumctl refund --from alice 0
  sumctl report --from carol 1
  sumctl contribution 0 | sumctl info | sumctl balance alice
"""

import argparse
import json
import os
import sys
from pathlib import Path

from . import deploy, encoders
from .wasmd import TxFailed, Wasmd, attribute

CHAIN_DIR = Path(os.environ.get("SUM_CHAIN_DIR", Path(__file__).resolve().parents[2] / ".chain"))


def connect() -> Wasmd:
    home = CHAIN_DIR / "node"
    if not (home / "rpc_port").exists():
        sys.exit("no local chain: run scripts/chain.sh start")
    return Wasmd(os.environ["SUM_WASMD"], str(home))


def deployment_path(args) -> Path:
    return Path(args.deployment) if args.deployment else CHAIN_DIR / "deployment.json"


def load_deployment(args) -> dict:
    path = deployment_path(args)
    if not path.exists():
        sys.exit(f"{path} not found: run sumctl deploy first")
    return json.loads(path.read_text())


def sample(args, deployment: dict) -> dict:
    return encoders.features(
        deployment["description"]["encoder"],
        values=json.loads(args.features) if args.features else None,
        text=args.text,
        indices=json.loads(args.indices) if args.indices else None,
    )


def class_index(label: str, classes: list[str]) -> int:
    if label in classes:
        return classes.index(label)
    if label.isdigit() and int(label) < len(classes):
        return int(label)
    sys.exit(f"unknown label {label!r}: the classes are {classes}")


def cmd_deploy(args):
    chain = connect()
    description = deploy.load_description(args.description)
    code_ids, _ = deploy.store_all(chain, args.sender)
    print(f"stored code ids: {code_ids}")
    deployment, gas = deploy.instantiate_stack(chain, args.sender, code_ids, description)
    path = deployment_path(args)
    path.write_text(json.dumps(deployment, indent=2) + "\n")
    for role in ("trainer", "data_handler", "model", "incentive"):
        print(f"{role:13} {deployment[role]}")
    print(f"instantiated with {gas} gas; deployment written to {path}")


def cmd_info(args):
    chain, deployment = connect(), load_deployment(args)
    print(json.dumps(chain.smart(deployment["trainer"], {"info": {}}), indent=2))
    print(json.dumps(chain.smart(deployment["model"], {"info": {}}), indent=2))


def model_classes(chain: Wasmd, deployment: dict) -> list[str]:
    return chain.smart(deployment["model"], {"info": {}})["classes"]


def cmd_predict(args):
    chain, deployment = connect(), load_deployment(args)
    data = sample(args, deployment)
    classification = chain.smart(deployment["trainer"], {"predict": {"data": data}})["classification"]
    print(f"prediction: {classification} ({model_classes(chain, deployment)[classification]})")


def cmd_add_data(args):
    chain, deployment = connect(), load_deployment(args)
    data = sample(args, deployment)
    label = class_index(args.label, model_classes(chain, deployment))
    cost = chain.smart(deployment["trainer"], {"next_add_data_cost": {}})["cost"]
    amount = int(cost["amount"]) + args.extra
    funds = ["--amount", f"{amount}{cost['denom']}"] if amount else []
    msg = {"add_data": {"data": data, "classification": label}}
    result = chain.tx(args.sender, "wasm", "execute", deployment["trainer"], json.dumps(msg), *funds)
    cid = attribute(result, "wasm", "contribution_id")
    print(f"added contribution {cid} with a deposit of {cost['amount']}{cost['denom']} "
          f"(gas used {result['gas_used']})")


def claim(args, action: str):
    chain, deployment = connect(), load_deployment(args)
    address = chain.address(args.sender)
    before = chain.balance(address)
    result = chain.tx(args.sender, "wasm", "execute", deployment["trainer"],
                      json.dumps({action: {"id": args.id}}))
    paid = chain.balance(address) - before
    print(f"{action} of contribution {args.id}: {args.sender} received {paid}{chain.denom} "
          f"(gas used {result['gas_used']})")


def cmd_contribution(args):
    chain, deployment = connect(), load_deployment(args)
    print(json.dumps(chain.smart(deployment["trainer"], {"contribution": {"id": args.id}}), indent=2))


def cmd_balance(args):
    chain = connect()
    print(f"{args.key}: {chain.balance(chain.address(args.key))}{chain.denom}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sumctl", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--deployment", help="deployment file (default .chain/deployment.json)")
    sub = p.add_subparsers(dest="command", required=True)

    def with_sender(s, default="alice"):
        s.add_argument("--from", dest="sender", default=default, help="key name in the test keyring")

    def with_sample(s):
        group = s.add_mutually_exclusive_group(required=True)
        group.add_argument("--features", help="JSON array of numbers (dense models)")
        group.add_argument("--text", help="text, for murmurhash3 models")
        group.add_argument("--indices", help="JSON array of feature indices (sparse models)")

    s = sub.add_parser("deploy", help="store the contracts and instantiate a model stack")
    s.add_argument("description", help="model description file, e.g. scripts/models/dense-perceptron.json")
    with_sender(s, "validator")
    s.set_defaults(func=cmd_deploy)
    sub.add_parser("info", help="the trainer's and the model's info").set_defaults(func=cmd_info)
    s = sub.add_parser("predict", help="the model's prediction (a free query)")
    with_sample(s)
    s.set_defaults(func=cmd_predict)
    s = sub.add_parser("add-data", help="add a training sample with the current deposit")
    with_sender(s)
    with_sample(s)
    s.add_argument("--label", required=True, help="class name or index")
    s.add_argument("--extra", type=int, default=0, help="pay this much more than the price")
    s.set_defaults(func=cmd_add_data)
    for action in ("refund", "report"):
        s = sub.add_parser(action, help=f"{action} a contribution by id")
        with_sender(s)
        s.add_argument("id", type=int)
        s.set_defaults(func=lambda args, action=action: claim(args, action))
    s = sub.add_parser("contribution", help="show a stored contribution")
    s.add_argument("id", type=int)
    s.set_defaults(func=cmd_contribution)
    s = sub.add_parser("balance", help="a key's balance in the deposit denom")
    s.add_argument("key")
    s.set_defaults(func=cmd_balance)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except TxFailed as failure:
        sys.exit(f"refused: {failure}")


if __name__ == "__main__":
    main()
