//! Conservation of funds over any sequence of operations: the mechanism always holds
//! exactly what is still claimable, and no token is created or lost.

use cosmwasm_std::{Coin, Uint256};
use proptest::prelude::*;
use sum_common::SCALE;
use sum_testing::{addr, normalised, standard_incentive, ModelSpec, Suite, DENOM};

const USERS: [&str; 4] = ["alice", "bob", "carol", "owner"];
const POINTS: [[f64; 2]; 4] = [[1.0, 0.0], [0.6, 0.8], [0.8, -0.6], [-1.0, 0.1]];

#[derive(Debug, Clone)]
enum Operation {
    AddData {
        user: usize,
        point: usize,
        label: u32,
        overpay: u128,
    },
    Refund {
        user: usize,
        id: u64,
    },
    Report {
        user: usize,
        id: u64,
    },
    Advance {
        seconds: u64,
    },
}

fn operation() -> impl Strategy<Value = Operation> {
    prop_oneof![
        (0..USERS.len(), 0..POINTS.len(), 0u32..2, 0u128..1000).prop_map(
            |(user, point, label, overpay)| Operation::AddData {
                user,
                point,
                label,
                overpay
            }
        ),
        (0..USERS.len(), 0u64..8).prop_map(|(user, id)| Operation::Refund { user, id }),
        (0..USERS.len(), 0u64..8).prop_map(|(user, id)| Operation::Report { user, id }),
        prop_oneof![Just(30u64), Just(61), Just(86_400), Just(7 * 86_400)]
            .prop_map(|seconds| Operation::Advance { seconds }),
    ]
}

fn total_supply(suite: &Suite) -> Uint256 {
    USERS
        .iter()
        .map(|name| suite.balance(&addr(name)))
        .chain([
            suite.balance(&suite.trainer),
            suite.balance(&suite.components.incentive),
            suite.balance(&suite.components.data_handler),
            suite.balance(&suite.components.model),
        ])
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mechanism_balance_equals_what_is_claimable(ops in proptest::collection::vec(operation(), 1..30)) {
        let mut suite = Suite::new(
            ModelSpec::DensePerceptron(sum_dense_perceptron::msg::InstantiateMsg {
                classes: vec!["left".into(), "right".into()],
                weights: vec![0, 0],
                intercept: 0,
                learning_rate: SCALE,
                learn_intercept: None,
            }),
            standard_incentive(),
            &USERS,
        );
        let supply = total_supply(&suite);
        for op in ops {
            match op {
                Operation::AddData { user, point, label, overpay } => {
                    let paid = suite.cost().amount + Uint256::from(overpay);
                    let funds = [Coin::new(paid, DENOM)];
                    let _ = suite.add_data(&addr(USERS[user]), normalised(&POINTS[point]), label, &funds);
                }
                Operation::Refund { user, id } => {
                    let _ = suite.refund(&addr(USERS[user]), id);
                }
                Operation::Report { user, id } => {
                    let _ = suite.report(&addr(USERS[user]), id);
                }
                Operation::Advance { seconds } => suite.advance(seconds),
            }
            prop_assert_eq!(suite.balance(&suite.components.incentive), suite.total_claimable());
            prop_assert_eq!(total_supply(&suite), supply);
            for contribution in suite.contributions() {
                let mut claimers = contribution.claimed_by.clone();
                claimers.sort();
                claimers.dedup();
                prop_assert_eq!(claimers.len(), contribution.claimed_by.len(), "paid twice to one address");
                prop_assert!(contribution.claimable <= contribution.initial_deposit);
            }
        }
    }
}
