//! The prediction market through the trainer: the original simulator's scenario on a
//! perceptron and on nearest centroid, conservation of funds over random markets, and
//! every refusal leaving every contract's storage and every balance as it was.

use cosmwasm_std::{coins, Addr, Coin, HexBinary, Uint256};
use cw_utils::PaymentError;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRng, TestRunner};
use std::cmp::Ordering;
use sum_common::{Encoder, Features, SCALE};
use sum_prediction_market::msg::MarketMsg;
use sum_rules::market::{MarketError, Phase, Sample};
use sum_testing::market::TestSet;
use sum_testing::suite::{ANY_ADDRESS_CLAIM_WAIT, OWNER_CLAIM_WAIT, STARTING_BALANCE};
use sum_testing::{
    addr, assert_error, contracts, east_west_perceptron, market_incentive, normalised, ModelSpec,
    Suite, DENOM,
};

const S: i64 = SCALE;
const STAKE: u128 = 1000;
const BOUNTY: u128 = 100_000;
const GOOD: [&str; 5] = ["good 0", "good 1", "good 2", "good 3", "good 4"];
const BAD: [&str; 5] = ["bad 0", "bad 1", "bad 2", "bad 3", "bad 4"];

/// A class-1 point of the separable data set: near (1, 0); class 0 is its mirror image.
fn point(k: usize, spread: f64) -> Features {
    normalised(&[1.0, spread * ((k % 9) as f64 - 4.0)])
}

fn mirrored(x: &Features) -> Features {
    let Features::Dense(values) = x else {
        unreachable!("dense")
    };
    Features::Dense(values.iter().map(|v| -v).collect())
}

/// 20 test samples, half of each class, in 10 pieces of one of each.
fn test_set() -> TestSet {
    let samples = (0..10)
        .flat_map(|j| {
            let q = point(j, 0.03);
            [
                Sample {
                    data: mirrored(&q),
                    classification: 0,
                },
                Sample {
                    data: q,
                    classification: 1,
                },
            ]
        })
        .collect();
    TestSet::new(samples, 10)
}

/// Both classes start at the same centroid: the model answers class 0 everywhere.
fn nearest_centroid() -> ModelSpec {
    use sum_nearest_centroid::msg::{ClassInit, InstantiateMsg};
    let class = |name: &str| ClassInit {
        name: name.into(),
        centroid: vec![-S, 0],
        count: 1,
    };
    let msg = InstantiateMsg {
        dimension: 2,
        classes: vec![class("left"), class("right")],
    };
    ModelSpec::new(contracts::nearest_centroid, &msg, Encoder::FixedPoint)
}

fn users() -> Vec<&'static str> {
    GOOD.iter().chain(BAD.iter()).copied().collect()
}

fn balance_of_market(suite: &Suite) -> Uint256 {
    suite.balance(&suite.components.incentive)
}

/// The original simulator's scenario: bounty 100 000, a test set in 10 committed pieces,
/// 100 contributions alternating good and bad (the bad one flips the label of the good
/// one before it), settled in batches.
fn original_scenario(model: ModelSpec) {
    let users = users();
    let mut suite = Suite::new(model, market_incentive(STAKE, 25), &users);
    let provider = suite.owner.clone();
    let test_set = test_set();
    suite
        .open_market(&provider, &test_set, BOUNTY, 100)
        .unwrap();
    for i in 0..100 {
        let k = i / 2;
        let x = point(k, 0.02);
        let (who, label) = if i % 2 == 0 {
            (GOOD[k % 5], 1)
        } else {
            (BAD[k % 5], 0)
        };
        suite.add_data_paying(&addr(who), x, label).unwrap();
    }
    assert_eq!(
        balance_of_market(&suite),
        Uint256::from(BOUNTY + 100 * STAKE)
    );
    suite.end_and_reveal(&provider, &test_set).unwrap();
    assert_eq!(suite.market().baseline, Some(10));
    let batches = suite.process_all(&addr("good 0"), 25).unwrap();
    assert_eq!(batches, 4);
    let market = suite.market();
    assert_eq!(market.phase, Phase::Collection);

    let stake = Uint256::from(10 * STAKE);
    let everyone: Vec<Addr> = users.iter().map(|name| addr(name)).collect();
    let paid = suite.withdraw_all(&everyone);
    for (name, payout) in users.iter().zip(&paid) {
        let standing = suite.standing(&addr(name)).standing;
        if name.starts_with("good") {
            assert!(*payout > stake, "{name} earns: {payout}");
            assert_eq!(standing.worsened, 0);
        } else {
            assert!(*payout < stake, "{name} loses: {payout}");
            assert_eq!(standing.improved, 0);
        }
        let expected = Uint256::from(STARTING_BALANCE) - stake + *payout;
        assert_eq!(suite.balance(&addr(name)), expected);
    }
    let total: Uint256 = paid.iter().copied().sum();
    suite.advance(ANY_ADDRESS_CLAIM_WAIT);
    let left = balance_of_market(&suite);
    suite
        .market_call(&provider, &MarketMsg::Reclaim {})
        .unwrap();
    assert_eq!(
        total + left,
        Uint256::from(BOUNTY + 100 * STAKE),
        "the totals balance"
    );
    assert_eq!(balance_of_market(&suite), Uint256::zero());
}

#[test]
fn the_original_scenario_on_a_east_west_perceptron() {
    original_scenario(east_west_perceptron());
}

#[test]
fn the_original_scenario_on_nearest_centroid() {
    original_scenario(nearest_centroid());
}

/// Every refusal leaves the raw storage of every contract and every balance unchanged.
#[test]
fn bad_input_changes_nothing() {
    let users = ["alice", "bob", "mallory"];
    let mut suite = Suite::new(east_west_perceptron(), market_incentive(STAKE, 2), &users);
    let (provider, alice, mallory) = (suite.owner.clone(), addr("alice"), addr("mallory"));
    let test_set = test_set();
    let x = point(0, 0.02);
    let refused =
        |suite: &mut Suite, sender: &Addr, msg: MarketMsg, funds: &[Coin], expected: &str| {
            let before = suite.snapshot(&users);
            let err = suite.incentive_extension(sender, &msg, funds).unwrap_err();
            assert_error(err, expected);
            assert_eq!(suite.snapshot(&users), before, "{expected}");
        };

    // Before the market opens.
    refused(
        &mut suite,
        &alice,
        MarketMsg::End {},
        &[],
        "the market has not been opened",
    );
    let before = suite.snapshot(&users);
    let err = suite
        .add_data(&alice, x.clone(), 1, &coins(STAKE, DENOM))
        .unwrap_err();
    assert_error(err, "the market has not been opened");
    assert_eq!(suite.snapshot(&users), before);
    let open = |commitments: Vec<HexBinary>| MarketMsg::Open {
        commitments,
        min_duration: ANY_ADDRESS_CLAIM_WAIT,
        min_contributions: 2,
    };
    let one = test_set.commitments()[..1].to_vec();
    refused(
        &mut suite,
        &provider,
        open(one),
        &coins(BOUNTY, DENOM),
        &MarketError::PieceCount {
            min: 2,
            max: 64,
            got: 1,
        }
        .to_string(),
    );
    refused(
        &mut suite,
        &provider,
        open(test_set.commitments()),
        &[],
        "No funds sent",
    );

    // Open: only the drawn piece, by the provider, matching its commitment.
    suite
        .incentive_extension(
            &provider,
            &open(test_set.commitments()),
            &coins(BOUNTY, DENOM),
        )
        .unwrap();
    let drawn = suite.market().drawn;
    let other = (drawn + 1) % 10;
    refused(
        &mut suite,
        &provider,
        open(test_set.commitments()),
        &coins(BOUNTY, DENOM),
        "the market was opened already",
    );
    refused(
        &mut suite,
        &provider,
        test_set.reveal(other),
        &[],
        &MarketError::NotDrawnPiece {
            expected: drawn,
            got: other,
        }
        .to_string(),
    );
    refused(
        &mut suite,
        &mallory,
        test_set.reveal(drawn),
        &[],
        "only the bounty provider",
    );
    let mut forged = test_set.reveal(drawn);
    if let MarketMsg::Reveal { samples, .. } = &mut forged {
        samples[0].classification = 1 - samples[0].classification;
    }
    refused(
        &mut suite,
        &provider,
        forged,
        &[],
        &MarketError::HashMismatch { index: drawn }.to_string(),
    );
    let err = suite
        .add_data(&alice, x.clone(), 1, &coins(STAKE, DENOM))
        .unwrap_err();
    assert_error(err, "this needs Participation");
    suite
        .market_call(&provider, &test_set.reveal(drawn))
        .unwrap();

    // Participation.
    refused(
        &mut suite,
        &alice,
        MarketMsg::End {},
        &[],
        "too early to end",
    );
    refused(
        &mut suite,
        &alice,
        MarketMsg::Process { limit: 1 },
        &[],
        "this needs Rewards",
    );
    refused(
        &mut suite,
        &alice,
        MarketMsg::End {},
        &coins(1, DENOM),
        &PaymentError::NonPayable {}.to_string(),
    );
    let before = suite.snapshot(&users);
    let err = suite
        .add_data(&alice, x.clone(), 1, &coins(STAKE - 1, DENOM))
        .unwrap_err();
    assert_error(err, "insufficient deposit");
    let err = suite
        .add_data_paying(&alice, Features::Dense(vec![S]), 1)
        .unwrap_err();
    assert_error(err, "expected 2 features, got 1");
    let err = suite.refund(&alice, 0).unwrap_err();
    assert_error(err, "no contribution with id 0");
    assert_eq!(suite.snapshot(&users), before);
    let id = suite.add_data_paying(&alice, x.clone(), 1).unwrap();
    suite.add_data_paying(&addr("bob"), x, 0).unwrap();
    let before = suite.snapshot(&users);
    let err = suite.refund(&alice, id).unwrap_err();
    assert_error(err, "refund and report do not apply");
    assert_eq!(suite.snapshot(&users), before);

    // Reveal.
    suite.market_call(&alice, &MarketMsg::End {}).unwrap();
    refused(
        &mut suite,
        &provider,
        test_set.reveal(drawn),
        &[],
        &MarketError::AlreadyRevealed { index: drawn }.to_string(),
    );
    refused(
        &mut suite,
        &alice,
        MarketMsg::Process { limit: 1 },
        &[],
        "this needs Rewards",
    );
    refused(&mut suite, &alice, MarketMsg::Expire {}, &[], "not before");
    refused(
        &mut suite,
        &alice,
        MarketMsg::Withdraw {},
        &[],
        "this needs Collection",
    );
    for index in 0..10 {
        if index != drawn {
            suite
                .market_call(&provider, &test_set.reveal(index))
                .unwrap();
        }
    }

    // Rewards and collection.
    refused(
        &mut suite,
        &alice,
        MarketMsg::Process { limit: 3 },
        &[],
        &MarketError::BatchSize { max: 2, got: 3 }.to_string(),
    );
    suite.process_all(&alice, 2).unwrap();
    suite.market_call(&alice, &MarketMsg::Withdraw {}).unwrap();
    refused(
        &mut suite,
        &alice,
        MarketMsg::Withdraw {},
        &[],
        "has withdrawn already",
    );
    refused(
        &mut suite,
        &mallory,
        MarketMsg::Withdraw {},
        &[],
        "has nothing to withdraw",
    );
    refused(
        &mut suite,
        &mallory,
        MarketMsg::Reclaim {},
        &[],
        "only the bounty provider",
    );
    refused(
        &mut suite,
        &provider,
        MarketMsg::Reclaim {},
        &[],
        "not before",
    );
}

/// A provider who does not reveal the test set in time forfeits the bounty to the
/// contributors, by stake.
#[test]
fn a_late_provider_forfeits_the_bounty() {
    let users = ["alice", "bob"];
    let mut suite = Suite::new(east_west_perceptron(), market_incentive(STAKE, 5), &users);
    let provider = suite.owner.clone();
    let test_set = test_set();
    suite.open_market(&provider, &test_set, BOUNTY, 3).unwrap();
    for (who, label) in [("alice", 1), ("bob", 0), ("alice", 1)] {
        suite
            .add_data_paying(&addr(who), point(1, 0.02), label)
            .unwrap();
    }
    suite.market_call(&addr("bob"), &MarketMsg::End {}).unwrap();
    suite.advance(OWNER_CLAIM_WAIT + 1);
    suite
        .market_call(&addr("bob"), &MarketMsg::Expire {})
        .unwrap();
    assert!(suite.market().forfeited);
    let paid = suite.withdraw_all(&[addr("alice"), addr("bob")]);
    assert_eq!(paid[0], Uint256::from(2 * STAKE + BOUNTY * 2 / 3));
    assert_eq!(paid[1], Uint256::from(STAKE + BOUNTY / 3));
    suite.advance(ANY_ADDRESS_CLAIM_WAIT);
    suite
        .market_call(&provider, &MarketMsg::Reclaim {})
        .unwrap();
    assert_eq!(balance_of_market(&suite), Uint256::zero());
}

#[derive(Debug, Clone)]
enum Step {
    /// An honest contributor adds a correctly labelled point; a dishonest one, if given,
    /// then adds the same point with the label flipped.
    Pair {
        honest: usize,
        dishonest: Option<usize>,
        point: usize,
    },
    Advance,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0usize..3, proptest::option::of(0usize..3), 0usize..9)
            .prop_map(|(honest, dishonest, point)| Step::Pair { honest, dishonest, point }),
        1 => Just(Step::Advance),
    ]
}

/// Random markets per run (a fixed seed: the same markets every run).
const CASES: u32 = 24;

/// Random honest and dishonest contributors through whole markets: at every step the
/// market holds exactly the bounty and the stakes less what it paid; at the end a
/// contributor with a negative score gets less than its stakes, with score 0 exactly its
/// stakes, with a positive one at least its stakes; a flipper never more than its stakes
/// (flipping the label of a point the model already classifies may change nothing: score
/// 0); everything is paid out.
#[test]
fn funds_are_conserved_through_random_markets() {
    let honest = ["honest 0", "honest 1", "honest 2"];
    let dishonest = ["dishonest 0", "dishonest 1", "dishonest 2"];
    let strategy = (proptest::collection::vec(step(), 1..16), 1u32..5, 1u128..5);
    let config = Config::with_cases(CASES);
    let rng = TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    runner
        .run(&strategy, |(steps, limit, stake_units)| {
            let stake = STAKE * stake_units;
            let users: Vec<&str> = honest.iter().chain(dishonest.iter()).copied().collect();
            let mut suite = Suite::new(east_west_perceptron(), market_incentive(stake, 4), &users);
            let provider = suite.owner.clone();
            let test_set = test_set();
            suite.open_market(&provider, &test_set, BOUNTY, 1).unwrap();
            let mut staked = Uint256::zero();
            let mut added = false;
            for step in steps {
                match step {
                    Step::Pair {
                        honest: h,
                        dishonest: d,
                        point: k,
                    } => {
                        let x = point(k, 0.02);
                        suite
                            .add_data_paying(&addr(honest[h]), x.clone(), 1)
                            .unwrap();
                        staked += Uint256::from(stake);
                        if let Some(d) = d {
                            suite.add_data_paying(&addr(dishonest[d]), x, 0).unwrap();
                            staked += Uint256::from(stake);
                        }
                        added = true;
                    }
                    Step::Advance => suite.advance(61),
                }
                prop_assert_eq!(balance_of_market(&suite), Uint256::from(BOUNTY) + staked);
            }
            if !added {
                return Ok(());
            }
            suite.end_and_reveal(&provider, &test_set).unwrap();
            let total = Uint256::from(BOUNTY) + staked;
            while suite.market().phase == Phase::Rewards {
                suite
                    .market_call(&provider, &MarketMsg::Process { limit })
                    .unwrap();
                prop_assert_eq!(balance_of_market(&suite), total);
            }
            let everyone: Vec<Addr> = users.iter().map(|name| addr(name)).collect();
            let owed: Uint256 = everyone
                .iter()
                .map(|a| suite.standing(a).entitlement.unwrap_or_default())
                .sum();
            prop_assert!(owed <= total, "the market can pay everyone");
            let paid = suite.withdraw_all(&everyone);
            for (name, payout) in users.iter().zip(&paid) {
                let standing = suite.standing(&addr(name)).standing;
                if standing.contributions == 0 {
                    continue;
                }
                let (payout, stake, score) = (*payout, standing.stake, standing.score);
                match score.cmp(&0) {
                    Ordering::Less => prop_assert!(payout < stake, "{name}: {payout} >= {stake}"),
                    Ordering::Equal => prop_assert_eq!(payout, stake, "{}", name),
                    Ordering::Greater => {
                        prop_assert!(payout >= stake, "{name}: {payout} < {stake}")
                    }
                }
                // A flipper never gains: its flips lower the accuracy or change nothing.
                if name.starts_with("dishonest") {
                    prop_assert!(payout <= stake, "{name}: {payout} > {stake}");
                }
            }
            let withdrawn: Uint256 = paid.iter().copied().sum();
            prop_assert_eq!(balance_of_market(&suite), total - withdrawn);
            suite.advance(ANY_ADDRESS_CLAIM_WAIT);
            suite
                .market_call(&provider, &MarketMsg::Reclaim {})
                .unwrap();
            prop_assert_eq!(balance_of_market(&suite), Uint256::zero());
            Ok(())
        })
        .unwrap();
}
