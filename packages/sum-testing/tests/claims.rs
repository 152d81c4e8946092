//! Refunds and reports: every check in its order, the owner's and anyone's late claims,
//! no address paid twice from one contribution, and one attribute format for amounts.

use cosmwasm_std::Uint256;
use sum_rules::claim::ClaimError;
use sum_rules::stakeable::StakeableError as Mechanism;
use sum_testing::snapshot::Snapshot;
use sum_testing::suite::{ANY_ADDRESS_CLAIM_WAIT, OWNER_CLAIM_WAIT, REFUND_WAIT};
use sum_testing::{
    addr, assert_error, east_west_perceptron, normalised, standard_incentive, Suite,
};

/// Contribution ids of the scenario.
const ALICE_EAST: u64 = 0;
const CAROL_GOOD: u64 = 1;
const BOB_BAD: u64 = 2;
const ALICE_NORTH_EAST: u64 = 3;

/// A 2-feature perceptron ("is x positive?") trained by two good contributors and one bad
/// one, so that afterwards the model agrees with alice's and carol's data and not bob's.
fn scenario() -> Suite {
    let mut suite = Suite::new(
        east_west_perceptron(),
        standard_incentive(),
        &["alice", "bob", "carol", "dave"],
    );
    let steps = [
        ("alice", [1.0, 0.0], 1),
        ("carol", [0.6, 0.8], 1),
        ("bob", [0.8, 0.6], 0),
        ("alice", [0.6, 0.8], 1),
    ];
    for (expected_id, (who, x, label)) in steps.into_iter().enumerate() {
        suite.advance(100);
        let id = suite
            .add_data_paying(&addr(who), normalised(&x), label)
            .unwrap();
        assert_eq!(id, expected_id as u64);
    }
    suite
}

/// The prediction the model now makes for a contribution.
fn prediction(suite: &Suite, id: u64) -> u32 {
    suite
        .predict(suite.contribution(id).unwrap().contribution.data)
        .unwrap()
}

/// Moves the clock to `elapsed` seconds after contribution `id` was added.
fn advance_to(suite: &mut Suite, id: u64, elapsed: u64) {
    let target = suite.contribution(id).unwrap().contribution.added_at + elapsed;
    suite.advance(target - suite.now());
}

fn assert_funds_invariant(suite: &Suite) {
    assert_eq!(
        suite.balance(&suite.components.incentive),
        suite.total_claimable(),
        "the mechanism holds exactly what is still claimable"
    );
}

/// The raw storage of every contract and the balances of everyone involved.
fn state(suite: &Suite) -> Snapshot {
    suite.snapshot(&["alice", "bob", "carol", "dave"])
}

#[test]
fn scenario_model_agrees_with_good_data_only() {
    let suite = scenario();
    assert_eq!(prediction(&suite, ALICE_EAST), 1);
    assert_eq!(prediction(&suite, CAROL_GOOD), 1);
    assert_eq!(prediction(&suite, BOB_BAD), 1, "bob labelled it 0");
    assert_eq!(prediction(&suite, ALICE_NORTH_EAST), 1);
    assert_funds_invariant(&suite);
}

#[test]
fn refund_pays_the_contributor_back_after_the_wait() {
    let mut suite = scenario();
    let (alice, bob, carol) = (addr("alice"), addr("bob"), addr("carol"));
    let deposit = suite
        .contribution(ALICE_NORTH_EAST)
        .unwrap()
        .claims
        .initial_deposit;

    // Added 0 s ago: too early.
    let before = state(&suite);
    let err = suite.refund(&alice, ALICE_NORTH_EAST).unwrap_err();
    assert_error(
        err,
        ClaimError::TooEarly {
            id: ALICE_NORTH_EAST,
            elapsed: 0,
            wait: REFUND_WAIT,
        },
    );
    suite.advance(REFUND_WAIT);
    let err = suite.refund(&carol, ALICE_NORTH_EAST).unwrap_err();
    assert_error(
        err,
        ClaimError::NotContributor {
            id: ALICE_NORTH_EAST,
        },
    );
    // The data handler's own error comes through, not a guess.
    let err = suite.refund(&alice, 99).unwrap_err();
    assert_error(
        err,
        sum_data_handler::ContractError::UnknownContribution { id: 99 },
    );
    let err = suite.refund(&bob, BOB_BAD).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelDisagrees {
            id: BOB_BAD,
            prediction: 1,
            classification: 0,
        },
    );
    assert_eq!(state(&suite), before);

    let balance = suite.balance(&alice);
    let response = suite.refund(&alice, ALICE_NORTH_EAST).unwrap();
    assert_eq!(suite.balance(&alice), balance + deposit);
    let record = suite.contribution(ALICE_NORTH_EAST).unwrap().claims;
    assert_eq!(record.claimable, Uint256::zero());
    assert_eq!(record.claimed_by, vec![alice.clone()]);
    let attributes: Vec<(String, String)> = response
        .events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| {
            e.attributes
                .iter()
                .map(|a| (a.key.clone(), a.value.clone()))
        })
        .collect();
    for (key, value) in [
        ("action", "refund".to_string()),
        ("contribution_id", ALICE_NORTH_EAST.to_string()),
        ("claimer", alice.to_string()),
        ("amount", format!("{deposit}usum")),
    ] {
        assert!(
            attributes.contains(&(key.to_string(), value.clone())),
            "missing {key}={value} in {attributes:?}"
        );
    }
    for (key, value) in &attributes {
        if key == "amount" {
            assert!(
                value.ends_with("usum"),
                "every amount carries its denom: {value}"
            );
        }
    }

    // Never twice.
    let before = state(&suite);
    let err = suite.refund(&alice, ALICE_NORTH_EAST).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: ALICE_NORTH_EAST,
            claimer: alice.to_string(),
        },
    );
    assert_eq!(state(&suite), before);
    assert_funds_invariant(&suite);
}

#[test]
fn good_contributors_take_shares_of_a_bad_deposit() {
    let mut suite = scenario();
    let (alice, bob, carol, dave) = (addr("alice"), addr("bob"), addr("carol"), addr("dave"));
    suite.advance(REFUND_WAIT);

    // Before anyone has a refunded contribution, nobody may report.
    let before = state(&suite);
    let err = suite.report(&carol, BOB_BAD).unwrap_err();
    assert_error(
        err,
        Mechanism::NoGoodContributions {
            reporter: carol.to_string(),
        },
    );
    let err = suite.report(&bob, BOB_BAD).unwrap_err();
    assert_error(err, ClaimError::OwnContribution { id: BOB_BAD });
    let err = suite.report(&bob, CAROL_GOOD).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelAgrees {
            id: CAROL_GOOD,
            classification: 1,
        },
    );
    assert_eq!(state(&suite), before);

    suite.refund(&alice, ALICE_EAST).unwrap();
    suite.refund(&carol, CAROL_GOOD).unwrap();

    // Reference: two good contributions, one each; a reporter with one takes half.
    let deposit = suite.contribution(BOB_BAD).unwrap().claims.initial_deposit;
    let half = deposit.multiply_ratio(1u128, 2u128);
    let balance = suite.balance(&carol);
    suite.report(&carol, BOB_BAD).unwrap();
    assert_eq!(suite.balance(&carol), balance + half);
    assert_funds_invariant(&suite);

    let before = state(&suite);
    let err = suite.report(&carol, BOB_BAD).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: BOB_BAD,
            claimer: carol.to_string(),
        },
    );
    let err = suite.report(&dave, BOB_BAD).unwrap_err();
    assert_error(
        err,
        Mechanism::NoGoodContributions {
            reporter: dave.to_string(),
        },
    );
    assert_eq!(state(&suite), before);

    let balance = suite.balance(&alice);
    suite.report(&alice, BOB_BAD).unwrap();
    assert_eq!(suite.balance(&alice), balance + (deposit - half));
    let record = suite.contribution(BOB_BAD).unwrap().claims;
    assert_eq!(record.claimable, Uint256::zero());
    assert_eq!(record.claimed_by, vec![carol, alice]);
    assert_funds_invariant(&suite);

    let err = suite.report(&dave, BOB_BAD).unwrap_err();
    assert_error(err, ClaimError::NothingClaimable { id: BOB_BAD });
}

#[test]
fn owner_then_anyone_take_what_is_left_after_their_waits() {
    let mut suite = scenario();
    let (alice, dave) = (addr("alice"), addr("dave"));
    let owner = suite.owner.clone();

    // Before the owner's wait the owner is an ordinary reporter without good data.
    advance_to(&mut suite, BOB_BAD, OWNER_CLAIM_WAIT - 1);
    let err = suite.report(&owner, BOB_BAD).unwrap_err();
    assert_error(
        err,
        Mechanism::NoGoodContributions {
            reporter: owner.to_string(),
        },
    );

    suite.advance(1);
    let bad_deposit = suite.contribution(BOB_BAD).unwrap().claims.claimable;
    let balance = suite.balance(&owner);
    suite.report(&owner, BOB_BAD).unwrap();
    assert_eq!(suite.balance(&owner), balance + bad_deposit);
    let err = suite.report(&owner, BOB_BAD).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: BOB_BAD,
            claimer: owner.to_string(),
        },
    );
    // After the owner's wait, a stranger without good data is still refused.
    advance_to(&mut suite, ALICE_EAST, ANY_ADDRESS_CLAIM_WAIT - 1);
    let err = suite.report(&dave, ALICE_EAST).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelAgrees {
            id: ALICE_EAST,
            classification: 1,
        },
    );

    // After the last wait anyone takes a deposit left unclaimed, even good data's.
    suite.advance(1);
    let unclaimed = suite.contribution(ALICE_EAST).unwrap().claims.claimable;
    let balance = suite.balance(&dave);
    suite.report(&dave, ALICE_EAST).unwrap();
    assert_eq!(suite.balance(&dave), balance + unclaimed);
    let err = suite.refund(&alice, ALICE_EAST).unwrap_err();
    assert_error(err, ClaimError::NothingClaimable { id: ALICE_EAST });
    assert_funds_invariant(&suite);
}
