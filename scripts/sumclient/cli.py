"""sumctl: deploy a SUM model stack to the local chain and use it.

  sumctl deploy scripts/models/dense-perceptron.json
  sumctl import scripts/models/original/intent-nearest-centroid-512.json   (the original's files)
  sumctl add-data --from alice --features '[1, 0]' --label right
  sumctl predict --features '[0.8, 0.6]'
  sumctl add-data --from bob --text "what a great movie" --label positive   (murmurhash3 models)
  sumctl wait-refund 0
  sumctl refund --from alice 0
  sumctl report --from carol 1
  sumctl contribution 0 | sumctl info | sumctl cost | sumctl balance alice
  sumctl propose-owner bob && sumctl accept-ownership --from bob            (owner changes)
  sumctl migrate-component --from bob model 9 '{}'                          (owner only)

The points mechanism and the prediction market (scripts/models/points-perceptron.json,
market-perceptron.json) have their own commands: points, leaderboard, totals; market,
market-open, commitments, market-end, market-reveal, market-process, market-withdraw,
market-reclaim, market-expire, standing (see sumctl COMMAND --help).
"""

import argparse
import json
import sys

from . import deploy
from .cli_common import (address_of, class_index, connect, load_stack, model_classes, sample,
                         with_sample, with_sender, write_deployment)
from .cli_import import add_import_command
from .cli_mechanisms import add_market_commands, add_points_commands
from .market import MarketNotOpened
from .points import Points
from .wasmd import TxFailed, encode_json

COMPONENTS = ["data_handler", "model", "incentive"]


def cmd_deploy(args):
    chain = connect()
    try:
        description = deploy.load_description(args.description)
    except ValueError as error:
        sys.exit(str(error))
    code_ids, _ = deploy.store_all(chain, args.sender)
    print(f"code ids (stored now or already on the chain): {code_ids}")
    deployment, gas = deploy.instantiate_stack(chain, args.sender, code_ids, description)
    print(f"instantiated with {gas} gas")
    write_deployment(args, deployment)


def cmd_info(args):
    stack = load_stack(args)
    print(json.dumps(stack.info(), indent=2))
    print(json.dumps(stack.query({"info": {}}, stack.model), indent=2))


def cmd_predict(args):
    stack = load_stack(args)
    classification = stack.predict(sample(args, stack))
    print(f"prediction: {classification} ({model_classes(stack)[classification]})")


def cmd_cost(args):
    quote = load_stack(args).next_add_data_cost()
    cost = quote["cost"]
    print(f"next deposit: {cost['amount']}{cost['denom']}; trains the model: {quote['trains_model']}")


def cmd_add_data(args):
    stack = load_stack(args)
    data = sample(args, stack)
    label = class_index(args.label, model_classes(stack))
    quote = stack.next_add_data_cost()
    if not quote["trains_model"]:
        print("note: next_add_data_cost says this addition will not train the model", file=sys.stderr)
    cid, result = stack.add_data(args.sender, data, label, int(quote["cost"]["amount"]) + args.extra)
    deposit = stack.contribution(cid)["claims"]["initial_deposit"]
    print(f"added contribution {cid} with a deposit of {deposit}{quote['cost']['denom']} "
          f"(gas used {result['gas_used']})")


def cmd_claim(args):
    stack = load_stack(args)
    chain = stack.chain
    address = chain.address(args.sender)
    before = chain.balance(address)
    result = stack.execute(args.sender, {args.action: {"id": args.id}})
    outcome = f"received {chain.balance(address) - before}{chain.denom}"
    if stack.mechanism == "points":
        outcome = f"has {Points(stack).points(address)['points']} point(s) now"
    print(f"{args.action} of contribution {args.id}: {args.sender} {outcome} "
          f"(gas used {result['gas_used']})")


def cmd_wait_refund(args):
    stack = load_stack(args)
    stack.wait_for_refund_window(args.id)
    print(f"contribution {args.id} may now be refunded or reported")


def cmd_contribution(args):
    print(json.dumps(load_stack(args).contribution(args.id), indent=2))


def cmd_balance(args):
    chain = connect()
    print(f"{args.key}: {chain.balance(chain.address(args.key))}{chain.denom}")


def cmd_propose_owner(args):
    stack = load_stack(args)
    owner = address_of(stack.chain, args.owner)
    stack.execute(args.sender, {"propose_owner": {"owner": owner}})
    print(f"proposed {owner} as owner; it becomes owner once it runs accept-ownership")


def cmd_accept_ownership(args):
    stack = load_stack(args)
    stack.execute(args.sender, {"accept_ownership": {}})
    print(f"{args.sender} now owns trainer {stack.trainer}")


def cmd_migrate_component(args):
    stack = load_stack(args)
    msg = {"migrate_component": {"component": args.component, "code_id": args.code_id,
                                 "msg": encode_json(json.loads(args.msg))}}
    result = stack.execute(args.sender, msg)
    print(f"migrated the {args.component} to code {args.code_id} (gas used {result['gas_used']})")


def add_commands(sub):
    """The subcommands that use the chain and the deployment."""
    s = sub.add_parser("deploy", help="store the contracts and instantiate a model stack")
    s.add_argument("description", help="model description file, e.g. scripts/models/dense-perceptron.json")
    with_sender(s, "validator")
    s.set_defaults(func=cmd_deploy)
    sub.add_parser("info", help="the trainer's and the model's info").set_defaults(func=cmd_info)
    sub.add_parser("cost", help="the deposit to add data now").set_defaults(func=cmd_cost)
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
        s.set_defaults(func=cmd_claim, action=action)
    for name, func, help_text in (
            ("wait-refund", cmd_wait_refund, "wait (block time) until a contribution may be refunded"),
            ("contribution", cmd_contribution, "show a stored contribution and its claims")):
        s = sub.add_parser(name, help=help_text)
        s.add_argument("id", type=int)
        s.set_defaults(func=func)
    s = sub.add_parser("balance", help="a key's balance in the deposit denom")
    s.add_argument("key")
    s.set_defaults(func=cmd_balance)


def add_owner_commands(sub):
    """The trainer owner's subcommands."""
    s = sub.add_parser("propose-owner", help="propose a new owner (owner only)")
    s.add_argument("owner", help="key name or address")
    with_sender(s, "validator")
    s.set_defaults(func=cmd_propose_owner)
    s = sub.add_parser("accept-ownership", help="as the proposed owner, become the owner")
    with_sender(s, None)
    s.set_defaults(func=cmd_accept_ownership)
    s = sub.add_parser("migrate-component", help="migrate a component to another code (owner only)")
    s.add_argument("component", choices=COMPONENTS)
    s.add_argument("code_id", type=int, help="code id of the new Wasm")
    s.add_argument("msg", help="the component's migrate message, as JSON")
    with_sender(s, "validator")
    s.set_defaults(func=cmd_migrate_component)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sumctl", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--deployment", help="deployment file (default .chain/deployment.json)")
    sub = p.add_subparsers(dest="command", required=True)
    add_commands(sub)
    add_import_command(sub)
    add_owner_commands(sub)
    add_points_commands(sub)
    add_market_commands(sub)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except TxFailed as failure:
        sys.exit(f"refused: {failure}")
    except MarketNotOpened as missing:
        sys.exit(str(missing))


if __name__ == "__main__":
    main()
