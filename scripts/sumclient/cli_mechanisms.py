"""sumctl's commands for the points mechanism and the prediction market.

  sumctl points alice | sumctl leaderboard --limit 5 | sumctl totals             (points)
  sumctl market-open --from validator --csv test.csv --pieces 4 --bounty 100000 \\
      --min-duration 3600 --min-contributions 4                                 (market)
  sumctl add-data --from alice --features '[1, 0]' --label right                 (stakes)
  sumctl market-end && sumctl market-reveal --from validator
  sumctl market-process --limit 10
  sumctl market-withdraw --from alice | sumctl standing alice | sumctl market
  sumctl market-reclaim --from validator                 (after the claim window)
"""

import json
import sys
from pathlib import Path

from .cli_common import (address_of, deployment_path, load_stack_with, model_classes,
                         with_sender)
from .encoders import row_features
from .market import Market, SaltedTestSet, read_labelled_csv
from .points import Points
from .stack import Stack

POINTS, MARKET = "points", "prediction-market"


def cmd_points(args):
    stack = load_stack_with(args, POINTS)
    address = address_of(stack.chain, args.who)
    record = Points(stack).points(address)
    print(f"{address}: {record['points']} points, {record['contributions']} contributions, "
          f"{record['reports']} reports")


def cmd_leaderboard(args):
    entries = Points(load_stack_with(args, POINTS)).leaderboard(args.limit)
    for rank, entry in enumerate(entries, 1):
        print(f"{rank:4}. {entry['points']:6} {entry['address']}")
    if not entries:
        print("nobody has a point yet")


def cmd_totals(args):
    print(json.dumps(Points(load_stack_with(args, POINTS)).totals(), indent=2))


def load_market(args) -> Market:
    return Market(load_stack_with(args, MARKET))


def test_set_path(args) -> Path:
    """Where market-open keeps the test set's pieces and salts: beside the deployment
    file, e.g. .chain/deployment-market-test-set.json."""
    path = deployment_path(args)
    return path.with_name(f"{path.stem}-market-test-set.json")


def read_test_set(args, stack: Stack) -> SaltedTestSet:
    """The labelled CSV file of --csv, encoded for the deployed model, in --pieces pieces
    with fresh salts."""
    description = stack.deployment["description"]
    encoder, model = description["encoder"], description["model"]["contract"]
    try:
        samples = read_labelled_csv(args.csv, model_classes(stack),
                                    lambda cells: row_features(encoder, model, cells))
        return SaltedTestSet.cut(samples, args.pieces)
    except ValueError as error:
        sys.exit(f"{args.csv}: {error}")


def saved_test_set(args, market: Market) -> SaltedTestSet:
    """The test set market-open saved, checked against the market's commitments."""
    path = test_set_path(args)
    if not path.exists():
        sys.exit(f"{path} not found: the provider's market-open writes it")
    test_set = SaltedTestSet.load(path)
    if test_set.commitments() != market.market()["commitments"]:
        sys.exit(f"{path} does not hold the test set this market committed to")
    return test_set


def cmd_commitments(args):
    stack = load_stack_with(args, MARKET)
    test_set = read_test_set(args, stack)
    rows = zip(test_set.pieces, test_set.salts, test_set.commitments())
    for index, (piece, salt, commitment) in enumerate(rows):
        print(f"piece {index}: {len(piece)} samples, salt {salt.hex()}, commitment {commitment}")


def cmd_market_open(args):
    market = load_market(args)
    if market.state()["market"] is not None:
        sys.exit("the market was opened already")
    test_set = read_test_set(args, market.stack)
    path = test_set_path(args)
    test_set.save(path, market.stack.incentive)
    print(f"test set of {sum(map(len, test_set.pieces))} samples in "
          f"{len(test_set.pieces)} pieces, with their salts, written to {path}")
    drawn, result = market.open(args.sender, test_set, args.bounty, args.min_duration,
                                args.min_contributions)
    print(f"opened the market with a bounty of {args.bounty}{market.state()['denom']}; "
          f"piece {drawn} was drawn (gas used {result['gas_used']})")
    reveal_pending(market, args.sender, test_set)


def reveal_pending(market: Market, provider: str, test_set: SaltedTestSet):
    """Reveals every piece the market waits for, saying which."""
    for index, result in market.reveal_pending(provider, test_set):
        print(f"revealed piece {index} (gas used {result['gas_used']})")
    print(f"the market is in phase {market.phase()}")


def cmd_market_reveal(args):
    market = load_market(args)
    reveal_pending(market, args.sender, saved_test_set(args, market))


def cmd_market_end(args):
    market = load_market(args)
    result = market.end(args.sender)
    print(f"participation ended (gas used {result['gas_used']}): "
          f"the provider must now reveal the other pieces")


def cmd_market_process(args):
    market = load_market(args)
    limit = args.limit or market.state()["config"]["max_batch"]
    test_size = market.market()["test_size"]
    for batch, result in enumerate(market.process_all(args.sender, limit), 1):
        print(f"batch {batch} (gas used {result['gas_used']}):")
        for s in market.scores(result):
            print(f"  contribution {s['contribution_id']}: score {s['score']:+d}, "
                  f"{s['correct']} of {test_size} test samples right")
    print(f"the market is in phase {market.phase()}")


def cmd_market_payout(args):
    market = load_market(args)
    paid, result = market.payout(args.sender, args.action)
    print(f"{args.action}: {args.sender} received {paid}{market.state()['denom']} "
          f"(gas used {result['gas_used']})")


def cmd_market_expire(args):
    market = load_market(args)
    market.call(args.sender, {"expire": {}})
    print(f"expired: the market is in phase {market.phase()}; "
          f"forfeited: {market.market()['forfeited']}")


def cmd_market(args):
    print(json.dumps(load_market(args).state(), indent=2))


def cmd_standing(args):
    market = load_market(args)
    address = address_of(market.chain, args.who)
    print(json.dumps({"address": address} | market.standing(address), indent=2))


def add_points_commands(sub):
    """The points mechanism's queries."""
    s = sub.add_parser("points", help="an address's points, contributions and reports")
    s.add_argument("who", help="key name or address")
    s.set_defaults(func=cmd_points)
    s = sub.add_parser("leaderboard", help="addresses by points, highest first")
    s.add_argument("--limit", type=int, default=10, help="how many entries (default 10)")
    s.set_defaults(func=cmd_leaderboard)
    sub.add_parser("totals", help="points, reports and contributions over everyone") \
        .set_defaults(func=cmd_totals)


def with_test_set(s):
    s.add_argument("--csv", required=True,
                   help="labelled CSV: the features, then the label (class name or index)")
    s.add_argument("--pieces", type=int, required=True, help="number of pieces (2 to 64)")


def add_market_commands(sub):
    """The prediction market's messages and queries."""
    s = sub.add_parser("market-open", help="open the market with a bounty and a committed "
                       "test set; reveals the drawn piece")
    with_sender(s, None)
    with_test_set(s)
    s.add_argument("--bounty", type=int, required=True, help="in the market's denom")
    s.add_argument("--min-duration", type=int, required=True,
                   help="seconds participation lasts at least (unless enough contributions)")
    s.add_argument("--min-contributions", type=int, required=True,
                   help="contributions that let participation end sooner")
    s.set_defaults(func=cmd_market_open)
    s = sub.add_parser("commitments", help="the commitments and salts of a test set (sends nothing)")
    with_test_set(s)
    s.set_defaults(func=cmd_commitments)
    s = sub.add_parser("market-reveal", help="reveal every piece the market waits for (provider)")
    with_sender(s, None)
    s.set_defaults(func=cmd_market_reveal)
    for name, func, help_text in (
            ("market-end", cmd_market_end, "end participation"),
            ("market-expire", cmd_market_expire, "after a missed reveal deadline: cancel or forfeit")):
        s = sub.add_parser(name, help=help_text)
        with_sender(s)
        s.set_defaults(func=func)
    s = sub.add_parser("market-process", help="reward batches until every contribution is scored")
    with_sender(s)
    s.add_argument("--limit", type=int, help="contributions a batch (default: max_batch)")
    s.set_defaults(func=cmd_market_process)
    for action, help_text in (("withdraw", "a contributor takes what it is owed"),
                              ("reclaim", "the provider takes what is left, after the claim window")):
        s = sub.add_parser(f"market-{action}", help=help_text)
        with_sender(s, None)
        s.set_defaults(func=cmd_market_payout, action=action)
    sub.add_parser("market", help="the market's configuration and state").set_defaults(func=cmd_market)
    s = sub.add_parser("standing", help="a contributor's account and entitlement")
    s.add_argument("who", help="key name or address")
    s.set_defaults(func=cmd_standing)
