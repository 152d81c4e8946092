//! The points mechanism through the trainer: adding data is free, a refund earns a point,
//! a report claims another's contribution, each contribution is claimed once, every check
//! in its order leaves everything as it was, and the leaderboard ranks by points.

use cosmwasm_std::{coins, Addr, Uint256};
use cw_utils::PaymentError;
use sum_points::msg::{
    LeaderboardEntry, LeaderboardResponse, PointsResponse, QueryMsg, TotalsResponse,
};
use sum_rules::claim::ClaimError;
use sum_testing::fixtures::{spec, DensePerceptronFixture, ModelFixture};
use sum_testing::suite::{REFUND_WAIT, STARTING_BALANCE};
use sum_testing::{addr, assert_error, points_incentive, Suite, DENOM};

const USERS: [&str; 4] = ["alice", "bob", "carol", "dave"];

fn suite() -> Suite {
    Suite::new(spec::<DensePerceptronFixture>(), points_incentive(), &USERS)
}

fn points(suite: &Suite, name: &str) -> PointsResponse {
    let query = QueryMsg::Points {
        address: addr(name).to_string(),
    };
    suite.query_incentive(&query).unwrap()
}

fn leaderboard(
    suite: &Suite,
    start_after: Option<LeaderboardEntry>,
    limit: u32,
) -> Vec<LeaderboardEntry> {
    let query = QueryMsg::Leaderboard {
        start_after,
        limit: Some(limit),
    };
    let answer: LeaderboardResponse = suite.query_incentive(&query).unwrap();
    answer.entries
}

#[test]
fn adding_data_is_free_and_takes_no_funds() {
    let mut suite = suite();
    let alice = addr("alice");
    let (x, label) = <DensePerceptronFixture>::stable_sample();
    assert_eq!(suite.cost().amount, Uint256::zero());
    let before = suite.snapshot(&USERS);
    let err = suite
        .add_data(&alice, x.clone(), label, &coins(5, DENOM))
        .unwrap_err();
    assert_error(err, PaymentError::ExtraDenom(DENOM.into()));
    assert_eq!(suite.snapshot(&USERS), before);
    assert_eq!(suite.add_data_paying(&alice, x, label).unwrap(), 0);
    assert_eq!(suite.balance(&alice), Uint256::from(STARTING_BALANCE));
    assert_eq!(points(&suite, "alice").contributions, 1);
}

#[test]
fn every_check_in_its_order_and_one_claim_per_contribution() {
    let mut suite = suite();
    let (alice, bob, carol, dave) = (addr("alice"), addr("bob"), addr("carol"), addr("dave"));
    let (x, label) = <DensePerceptronFixture>::stable_sample();
    let good = suite.add_data_paying(&alice, x.clone(), label).unwrap();
    let bad = suite.add_data_paying(&bob, x.clone(), 1 - label).unwrap();
    suite.add_data_paying(&dave, x, label).unwrap();
    let refused = |suite: &mut Suite, who: &Addr, refund: bool, id: u64, expected: ClaimError| {
        let before = suite.snapshot(&USERS);
        let result = if refund {
            suite.refund(who, id)
        } else {
            suite.report(who, id)
        };
        assert_error(result.unwrap_err(), expected);
        assert_eq!(suite.snapshot(&USERS), before);
    };

    refused(
        &mut suite,
        &carol,
        true,
        good,
        ClaimError::NotContributor { id: good },
    );
    refused(
        &mut suite,
        &alice,
        true,
        good,
        ClaimError::TooEarly {
            id: good,
            elapsed: 0,
            wait: REFUND_WAIT,
        },
    );
    refused(
        &mut suite,
        &alice,
        false,
        good,
        ClaimError::OwnContribution { id: good },
    );
    refused(
        &mut suite,
        &carol,
        false,
        bad,
        ClaimError::TooEarly {
            id: bad,
            elapsed: 0,
            wait: REFUND_WAIT,
        },
    );
    suite.advance(REFUND_WAIT);
    refused(
        &mut suite,
        &bob,
        true,
        bad,
        ClaimError::ModelDisagrees {
            id: bad,
            prediction: label,
            classification: 1 - label,
        },
    );
    refused(
        &mut suite,
        &carol,
        false,
        good,
        ClaimError::ModelAgrees {
            id: good,
            classification: label,
        },
    );

    suite.refund(&alice, good).unwrap();
    suite.report(&carol, bad).unwrap();
    let claimed = |id, who: &Addr| ClaimError::AlreadyClaimed {
        id,
        claimer: who.to_string(),
    };
    refused(&mut suite, &alice, true, good, claimed(good, &alice));
    refused(&mut suite, &dave, false, bad, claimed(bad, &carol));
    refused(&mut suite, &bob, true, bad, claimed(bad, &carol));

    assert_eq!(
        points(&suite, "alice"),
        PointsResponse {
            points: 1,
            contributions: 1,
            reports: 0
        }
    );
    assert_eq!(
        points(&suite, "carol"),
        PointsResponse {
            points: 0,
            contributions: 0,
            reports: 1
        }
    );
    let totals: TotalsResponse = suite.query_incentive(&QueryMsg::Totals {}).unwrap();
    assert_eq!(
        totals,
        TotalsResponse {
            contributions: 3,
            points: 1,
            reports: 1,
            scorers: 1
        }
    );
    assert_eq!(
        suite.contribution(good).unwrap().claims.claimed_by,
        vec![alice]
    );
    assert_eq!(
        suite.contribution(bad).unwrap().claims.claimed_by,
        vec![carol]
    );
    for name in USERS {
        assert_eq!(
            suite.balance(&addr(name)),
            Uint256::from(STARTING_BALANCE),
            "no funds move"
        );
    }
}

#[test]
fn the_leaderboard_ranks_by_points_then_address() {
    let mut suite = suite();
    let (x, label) = <DensePerceptronFixture>::stable_sample();
    let refunds = [("alice", 2), ("bob", 1), ("carol", 2)];
    let mut ids = vec![];
    for (name, count) in refunds {
        for _ in 0..count {
            ids.push((
                name,
                suite
                    .add_data_paying(&addr(name), x.clone(), label)
                    .unwrap(),
            ));
        }
    }
    suite.add_data_paying(&addr("dave"), x, label).unwrap();
    suite.advance(REFUND_WAIT);
    for (name, id) in ids {
        suite.refund(&addr(name), id).unwrap();
    }
    let mut top: Vec<(String, u64)> = vec![
        (addr("alice").to_string(), 2),
        (addr("carol").to_string(), 2),
    ];
    top.sort();
    let expected: Vec<(String, u64)> = top
        .into_iter()
        .chain([(addr("bob").to_string(), 1)])
        .collect();
    let all: Vec<(String, u64)> = leaderboard(&suite, None, 10)
        .into_iter()
        .map(|e| (e.address.to_string(), e.points))
        .collect();
    assert_eq!(all, expected, "dave has no point and no place");

    let first = leaderboard(&suite, None, 1);
    let rest = leaderboard(&suite, first.last().cloned(), 10);
    assert_eq!(first.len() + rest.len(), 3);
    assert_eq!(rest[0].address.to_string(), expected[1].0);
}
