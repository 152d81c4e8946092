//! One conformance suite for every model: each scenario is written once, generic over a
//! [`ModelFixture`], and instantiated for all five models (and the averaged perceptrons) at
//! the bottom of this file. Every model also runs under each of the three incentive
//! mechanisms.

use cosmwasm_std::{Addr, Coin, Empty, Order, StdError, Uint256};
use cw_multi_test::{App, Executor};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::Serialize;
use sum_common::data_handler::DataHandlerExecuteMsg;
use sum_common::gate::NotTrainer;
use sum_common::incentive::IncentiveExecuteMsg;
use sum_common::model::{
    ModelExecuteMsg, ModelInfoResponse, ModelQueryMsg, ParametersResponse, PredictBatchResponse,
    PredictionResponse,
};
use sum_common::Features;
use sum_model::ModelError;
use sum_prediction_market::msg::MarketMsg;
use sum_rules::claim::ClaimError;
use sum_rules::market::Sample;
use sum_rules::stakeable::StakeableError;
use sum_rules::{Classifier, ConfigError};
use sum_testing::fixtures::*;
use sum_testing::market::TestSet;
use sum_testing::snapshot::RawStorage;
use sum_testing::suite::{ANY_ADDRESS_CLAIM_WAIT, REFUND_WAIT};
use sum_testing::{
    addr, assert_error, funded_app, incentive, market_incentive, points_incentive,
    standard_incentive, ModelSetup, Suite, DENOM,
};

const USERS: [&str; 5] = ["alice", "bob", "carol", "dave", "mallory"];

/// A model instantiated by "owner" alone, who then controls it.
fn deploy_alone<F: ModelFixture>(app: &mut App, msg: &F::Instantiate) -> Addr {
    let code = app.store_code(F::code());
    app.instantiate_contract(code, addr("owner"), msg, &[], "model", None)
        .expect("the model instantiates")
}

fn model_storage(app: &App, model: &Addr) -> RawStorage {
    app.contract_storage(model)
        .range(None, None, Order::Ascending)
        .collect()
}

fn extend<E: Serialize + std::fmt::Debug>(
    app: &mut App,
    sender: &Addr,
    model: &Addr,
    chunk: E,
) -> Result<(), StdError> {
    app.execute_contract(
        sender.clone(),
        model.clone(),
        &ModelExecuteMsg::Extension(chunk),
        &[],
    )
    .map(|_| ())
}

/// Every page of a model's parameters, read three rows at a time.
fn all_parameters(app: &App, model: &Addr) -> ParametersResponse {
    let mut all: Option<ParametersResponse> = None;
    let mut start_after = None;
    loop {
        let page: ParametersResponse = app
            .wrap()
            .query_wasm_smart(
                model,
                &ModelQueryMsg::Parameters {
                    start_after,
                    limit: Some(3),
                },
            )
            .unwrap();
        let last = page.rows.last().map(|row| row.index);
        match &mut all {
            None => all = Some(page),
            Some(all) => {
                assert_eq!(all.scalars, page.scalars, "scalars on every page");
                all.rows.extend(page.rows);
            }
        }
        match last {
            Some(index) => start_after = Some(index),
            None => return all.expect("one page at least"),
        }
    }
}

fn predict(app: &App, model: &Addr, data: &Features) -> Result<u32, StdError> {
    let query = ModelQueryMsg::Predict { data: data.clone() };
    let answer: PredictionResponse = app.wrap().query_wasm_smart(model, &query)?;
    Ok(answer.classification)
}

fn model_info(app: &App, model: &Addr) -> ModelInfoResponse {
    app.wrap()
        .query_wasm_smart(model, &ModelQueryMsg::Info {})
        .unwrap()
}

/// Components accept execute messages from their trainer only; a refusal changes nothing.
fn trainer_gate<F: ModelFixture>() {
    let mut suite = Suite::new(spec::<F>(), standard_incentive(), &USERS);
    let (mallory, owner) = (addr("mallory"), suite.owner.clone());
    let c = suite.components.clone();
    let not_trainer = NotTrainer {
        trainer: suite.trainer.to_string(),
    };
    let before = suite.snapshot(&USERS);
    let (sample, label) = F::stable_sample();
    let update = ModelExecuteMsg::<Empty>::Update {
        data: sample.clone(),
        classification: label,
    };
    let (_, chunks) = F::chunked();
    let chunk = &chunks[0];
    let attempts: Vec<(Addr, Addr, Vec<u8>)> = vec![
        (
            mallory.clone(),
            c.model.clone(),
            serde_json::to_vec(&update).unwrap(),
        ),
        (
            owner.clone(),
            c.model.clone(),
            serde_json::to_vec(&update).unwrap(),
        ),
        (
            mallory.clone(),
            c.model.clone(),
            serde_json::to_vec(&ModelExecuteMsg::Extension(chunk)).unwrap(),
        ),
        (
            mallory.clone(),
            c.model.clone(),
            serde_json::to_vec(&ModelExecuteMsg::<Empty>::HandOver {
                trainer: mallory.to_string(),
            })
            .unwrap(),
        ),
        (
            mallory.clone(),
            c.data_handler.clone(),
            serde_json::to_vec(&DataHandlerExecuteMsg::AddContribution {
                id: 0,
                contributor: mallory.clone(),
                data: sample.clone(),
                classification: label,
            })
            .unwrap(),
        ),
        (
            mallory.clone(),
            c.incentive.clone(),
            serde_json::to_vec(&IncentiveExecuteMsg::AddData {
                contribution_id: 0,
                contributor: mallory.clone(),
            })
            .unwrap(),
        ),
    ];
    for (sender, contract, msg) in attempts {
        let msg: serde_json::Value = serde_json::from_slice(&msg).unwrap();
        let err = suite
            .app
            .execute_contract(sender, contract, &msg, &[])
            .unwrap_err();
        assert_error(err, &not_trainer);
    }
    assert_eq!(suite.snapshot(&USERS), before);
}

/// A sample the model refuses is refused by the trainer's `add_data`, whole.
fn bad_input_changes_nothing<F: ModelFixture>() {
    let mut suite = Suite::new(spec::<F>(), standard_incentive(), &USERS);
    let alice = addr("alice");
    let before = suite.snapshot(&USERS);
    for (data, classification, expected) in F::bad_samples() {
        let funds = [suite.cost()];
        let err = suite
            .add_data(&alice, data, classification, &funds)
            .unwrap_err();
        assert_error(err, expected);
        assert_eq!(suite.snapshot(&USERS), before);
    }
}

/// A model completed in chunks (each sent twice: the second changes nothing) equals the
/// reference model; the hand-over ends the extension phase.
fn chunks_set_values_then_the_hand_over<F: ModelFixture>() {
    let mut app = funded_app(&USERS);
    let (owner, mallory) = (addr("owner"), addr("mallory"));
    let reference = deploy_alone::<F>(&mut app, &F::instantiate());
    let (first, chunks) = F::chunked();
    let model = deploy_alone::<F>(&mut app, &first);
    for chunk in chunks {
        let chunk = serde_json::to_value(chunk).unwrap();
        extend(&mut app, &owner, &model, &chunk).unwrap();
        let once = model_storage(&app, &model);
        extend(&mut app, &owner, &model, &chunk).unwrap();
        assert_eq!(
            model_storage(&app, &model),
            once,
            "a retried chunk changes nothing"
        );
    }
    assert_eq!(
        all_parameters(&app, &model),
        all_parameters(&app, &reference)
    );

    let before = model_storage(&app, &model);
    let (bad_chunk, expected) = F::bad_chunk();
    assert_error(
        extend(&mut app, &owner, &model, &bad_chunk).unwrap_err(),
        expected,
    );
    let (_, good_chunks) = F::chunked();
    let chunk = serde_json::to_value(&good_chunks[0]).unwrap();
    let not_owner = NotTrainer {
        trainer: owner.to_string(),
    };
    assert_error(
        extend(&mut app, &mallory, &model, &chunk).unwrap_err(),
        &not_owner,
    );
    assert_eq!(model_storage(&app, &model), before);

    let mut suite = Suite::deploy(
        app,
        ModelSetup::Existing(model.clone()),
        standard_incentive(),
        |_| {},
    )
    .unwrap();
    let (sample, label) = F::stable_sample();
    let err = suite
        .add_data_paying(&addr("alice"), sample.clone(), label)
        .unwrap_err();
    assert_error(err, &not_owner);
    let hand_over = ModelExecuteMsg::<Empty>::HandOver {
        trainer: suite.trainer.to_string(),
    };
    suite
        .app
        .execute_contract(owner.clone(), model.clone(), &hand_over, &[])
        .unwrap();
    let not_trainer = NotTrainer {
        trainer: suite.trainer.to_string(),
    };
    assert_error(
        extend(&mut suite.app, &owner, &model, &chunk).unwrap_err(),
        &not_trainer,
    );
    suite
        .add_data_paying(&addr("alice"), sample, label)
        .unwrap();
    let info = model_info(&suite.app, &model);
    assert!(info.handed_over);
    assert_eq!(info.trainer, suite.trainer);

    // A controller that hands the model to itself can no longer extend it either.
    let own = deploy_alone::<F>(&mut suite.app, &F::instantiate());
    let to_self = ModelExecuteMsg::<Empty>::HandOver {
        trainer: owner.to_string(),
    };
    suite
        .app
        .execute_contract(owner.clone(), own.clone(), &to_self, &[])
        .unwrap();
    let err = extend(&mut suite.app, &owner, &own, &chunk).unwrap_err();
    assert_error(err, ModelError::HandedOver {});
}

/// Multi-class models: ten classes built in chunks, handed over, trained and queried.
fn ten_classes<F: ModelFixture>() {
    let Some((first, chunks, samples)) = F::ten_classes() else {
        return;
    };
    let mut app = funded_app(&USERS);
    let owner = addr("owner");
    let model = deploy_alone::<F>(&mut app, &first);
    for chunk in chunks {
        extend(&mut app, &owner, &model, &chunk).unwrap();
    }
    let mut suite = Suite::deploy(
        app,
        ModelSetup::Existing(model.clone()),
        standard_incentive(),
        |_| {},
    )
    .unwrap();
    let hand_over = ModelExecuteMsg::<Empty>::HandOver {
        trainer: suite.trainer.to_string(),
    };
    suite
        .app
        .execute_contract(owner, model.clone(), &hand_over, &[])
        .unwrap();
    assert_eq!(model_info(&suite.app, &model).classes.len(), 10);
    for (class, sample) in samples.iter().enumerate() {
        assert_eq!(suite.predict(sample.clone()).unwrap(), class as u32);
    }
    for _ in 0..3 {
        suite
            .add_data_paying(&addr("alice"), samples[9].clone(), 9)
            .unwrap();
    }
    assert_eq!(suite.predict(samples[9].clone()).unwrap(), 9);
}

/// Deposit, refund and take on this model: good data is refunded, bad data is taken by
/// the good contributors in proportion to their good contributions.
fn deposit_refund_take<F: ModelFixture>() {
    let mut suite = Suite::new(spec::<F>(), standard_incentive(), &USERS);
    let (alice, bob, carol) = (addr("alice"), addr("bob"), addr("carol"));
    let (sample, label) = F::stable_sample();
    let mut ids = vec![];
    for (who, class) in [(&alice, label), (&bob, 1 - label), (&carol, label)] {
        suite.advance(100);
        ids.push(suite.add_data_paying(who, sample.clone(), class).unwrap());
    }
    let (good, bad, other_good) = (ids[0], ids[1], ids[2]);
    suite.advance(REFUND_WAIT);
    assert_eq!(suite.predict(sample).unwrap(), label);

    let before = suite.snapshot(&USERS);
    let err = suite.refund(&bob, bad).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelDisagrees {
            id: bad,
            prediction: label,
            classification: 1 - label,
        },
    );
    let err = suite.report(&alice, bad).unwrap_err();
    assert_error(
        err,
        StakeableError::NoGoodContributions {
            reporter: alice.to_string(),
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);

    for (who, id) in [(&alice, good), (&carol, other_good)] {
        let deposit = suite.contribution(id).unwrap().claims.initial_deposit;
        let balance = suite.balance(who);
        suite.refund(who, id).unwrap();
        assert_eq!(suite.balance(who), balance + deposit);
    }
    let deposit = suite.contribution(bad).unwrap().claims.initial_deposit;
    let half = deposit.multiply_ratio(1u128, 2u128);
    let balance = suite.balance(&alice);
    suite.report(&alice, bad).unwrap();
    assert_eq!(suite.balance(&alice), balance + half);
    let before = suite.snapshot(&USERS);
    let err = suite.report(&alice, bad).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: bad,
            claimer: alice.to_string(),
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);
    let balance = suite.balance(&carol);
    suite.report(&carol, bad).unwrap();
    assert_eq!(suite.balance(&carol), balance + (deposit - half));

    let before = suite.snapshot(&USERS);
    let err = suite.refund(&alice, good).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: good,
            claimer: alice.to_string(),
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);
    assert_eq!(suite.balance(&suite.components.incentive), Uint256::zero());
}

/// The points mechanism on this model: a point for good data, a report for bad, each
/// contribution claimed once.
fn points_refund_and_report<F: ModelFixture>() {
    let mut suite = Suite::new(spec::<F>(), points_incentive(), &USERS);
    let (alice, bob, carol, dave) = (addr("alice"), addr("bob"), addr("carol"), addr("dave"));
    let (sample, label) = F::stable_sample();
    let good = suite
        .add_data_paying(&alice, sample.clone(), label)
        .unwrap();
    let bad = suite
        .add_data_paying(&bob, sample.clone(), 1 - label)
        .unwrap();
    suite.add_data_paying(&carol, sample, label).unwrap();
    suite.advance(REFUND_WAIT);
    let before = suite.snapshot(&USERS);
    let err = suite.refund(&bob, bad).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelDisagrees {
            id: bad,
            prediction: label,
            classification: 1 - label,
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);
    suite.refund(&alice, good).unwrap();
    suite.report(&dave, bad).unwrap();
    let before = suite.snapshot(&USERS);
    let err = suite.report(&carol, bad).unwrap_err();
    assert_error(
        err,
        ClaimError::AlreadyClaimed {
            id: bad,
            claimer: dave.to_string(),
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);
    let query = sum_points::msg::QueryMsg::Points {
        address: alice.to_string(),
    };
    let points: sum_points::msg::PointsResponse = suite.query_incentive(&query).unwrap();
    assert_eq!(points.points, 1);
}

/// A whole prediction market on this model, trained in batches after the reveal: every
/// token of the bounty and the stakes is paid out, to contributors or back to the provider.
fn market_settles<F: ModelFixture>() {
    let mut suite = Suite::new(spec::<F>(), market_incentive(1000, 2), &USERS);
    let provider = suite.owner.clone();
    let (sample, label) = F::stable_sample();
    let piece = Sample {
        data: sample.clone(),
        classification: label,
    };
    let test_set = TestSet::new(vec![piece.clone(), piece], 2);
    suite.open_market(&provider, &test_set, 10_000, 3).unwrap();
    for (who, class) in [("alice", label), ("bob", 1 - label), ("carol", label)] {
        suite
            .add_data_paying(&addr(who), sample.clone(), class)
            .unwrap();
    }
    suite.end_and_reveal(&provider, &test_set).unwrap();
    assert_eq!(suite.process_all(&addr("dave"), 2).unwrap(), 2);
    assert_eq!(suite.predict(sample).unwrap(), label);
    let everyone: Vec<Addr> = ["alice", "bob", "carol"].iter().map(|n| addr(n)).collect();
    let paid: Uint256 = suite.withdraw_all(&everyone).into_iter().sum();
    suite.advance(ANY_ADDRESS_CLAIM_WAIT);
    let left = suite.balance(&suite.components.incentive);
    suite
        .market_call(&provider, &MarketMsg::Reclaim {})
        .unwrap();
    assert_eq!(paid + left, Uint256::from(10_000u128 + 3 * 1000));
    assert_eq!(suite.balance(&suite.components.incentive), Uint256::zero());
}

#[derive(Debug, Clone)]
enum Operation {
    AddData {
        user: usize,
        sample: usize,
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
    let user = 0..USERS.len() + 1;
    prop_oneof![
        3 => (user.clone(), 0usize..4, 0u32..2, prop_oneof![Just(0u128), 1u128..1000]).prop_map(
            |(user, sample, label, overpay)| Operation::AddData {
                user,
                sample,
                label,
                overpay
            }
        ),
        2 => (user.clone(), 0u64..6).prop_map(|(user, id)| Operation::Refund { user, id }),
        3 => (user, 0u64..6).prop_map(|(user, id)| Operation::Report { user, id }),
        1 => prop_oneof![4 => Just(61u64), 1 => Just(30), 1 => Just(86_400), 1 => Just(7 * 86_400)]
            .prop_map(|seconds| Operation::Advance { seconds }),
    ]
}

/// `USERS` and the owner.
fn user(index: usize) -> Addr {
    USERS.get(index).map_or(addr("owner"), |name| addr(name))
}

/// Funds are conserved over any sequence of operations, at any price (free, prices that
/// round, the standard one), with overpayment and several reporters: the mechanism holds
/// exactly what is still claimable, and nobody is paid twice from one contribution.
fn funds_invariant<F: ModelFixture>() {
    let strategy = (
        prop_oneof![Just(0u128), Just(1), Just(7), Just(1000)],
        proptest::collection::vec(F::samples(), 3),
        proptest::collection::vec(operation(), 1..40),
    );
    let mut runner = TestRunner::new(Config::with_cases(24));
    runner
        .run(&strategy, |(cost_weight, mut samples, ops)| {
            samples.push(F::stable_sample().0);
            let mut suite = Suite::new(spec::<F>(), incentive(cost_weight), &USERS);
            let supply = total_supply(&suite);
            let mut paid = std::collections::BTreeSet::new();
            for op in ops {
                match op {
                    Operation::AddData {
                        user: u,
                        sample,
                        label,
                        overpay,
                    } => {
                        let paid = suite.cost().amount + Uint256::from(overpay);
                        let funds: Vec<Coin> = if paid.is_zero() {
                            vec![]
                        } else {
                            vec![Coin::new(paid, DENOM)]
                        };
                        let _ = suite.add_data(&user(u), samples[sample].clone(), label, &funds);
                    }
                    Operation::Refund { user: u, id } => {
                        if suite.refund(&user(u), id).is_ok() {
                            prop_assert!(paid.insert((u, id)), "paid twice");
                        }
                    }
                    Operation::Report { user: u, id } => {
                        if suite.report(&user(u), id).is_ok() {
                            prop_assert!(paid.insert((u, id)), "paid twice");
                        }
                    }
                    Operation::Advance { seconds } => suite.advance(seconds),
                }
                prop_assert_eq!(
                    suite.balance(&suite.components.incentive),
                    suite.total_claimable()
                );
                prop_assert_eq!(total_supply(&suite), supply);
                for id in suite.contribution_ids() {
                    let claims = suite.contribution(id).unwrap().claims;
                    let mut claimers = claims.claimed_by.clone();
                    claimers.sort();
                    claimers.dedup();
                    prop_assert_eq!(claimers.len(), claims.claimed_by.len(), "paid twice");
                    prop_assert!(claims.claimable <= claims.initial_deposit);
                }
            }
            Ok(())
        })
        .unwrap();
}

fn total_supply(suite: &Suite) -> Uint256 {
    (0..=USERS.len())
        .map(|index| suite.balance(&user(index)))
        .chain([
            suite.balance(&suite.trainer),
            suite.balance(&suite.components.incentive),
            suite.balance(&suite.components.data_handler),
            suite.balance(&suite.components.model),
        ])
        .sum()
}

/// The pure rule and the contract, trained on the same random stream, agree on every
/// answer, every prediction and every parameter.
fn rule_and_contract_agree<F: ModelFixture>() {
    let strategy = proptest::collection::vec((F::samples(), 0u32..3), 1..40);
    let mut runner = TestRunner::new(Config::with_cases(24));
    runner
        .run(&strategy, |stream| {
            let mut app = funded_app(&[]);
            let owner = addr("owner");
            let model = deploy_alone::<F>(&mut app, &F::instantiate());
            let mut rule = F::rule();
            for (data, label) in &stream {
                let expected = rule.update(data, *label);
                let update = ModelExecuteMsg::<Empty>::Update {
                    data: data.clone(),
                    classification: *label,
                };
                let got = app.execute_contract(owner.clone(), model.clone(), &update, &[]);
                match (&expected, &got) {
                    (Ok(_), Ok(_)) => {}
                    (Err(e), Err(g)) => prop_assert!(g.to_string().contains(&e.to_string())),
                    _ => prop_assert!(false, "rule {expected:?}, contract {got:?}"),
                }
                prop_assert_eq!(predict(&app, &model, data).ok(), rule.predict(data).ok());
            }
            let samples: Vec<Features> = stream.iter().map(|(data, _)| data.clone()).collect();
            let batch: PredictBatchResponse = app
                .wrap()
                .query_wasm_smart(
                    &model,
                    &ModelQueryMsg::PredictBatch {
                        samples: samples.clone(),
                    },
                )
                .unwrap();
            let expected: Vec<u32> = samples.iter().map(|x| rule.predict(x).unwrap()).collect();
            prop_assert_eq!(batch.classifications, expected);
            prop_assert_eq!(all_parameters(&app, &model), F::parameters(&rule));
            Ok(())
        })
        .unwrap();
}

/// An averaged model that has trained refuses chunks (they would move its mean by the
/// whole change) and keeps its storage.
#[test]
fn a_trained_averaged_model_refuses_chunks() {
    fn check<F: ModelFixture>(chunk: F::Extension) {
        let mut app = funded_app(&[]);
        let owner = addr("owner");
        let model = deploy_alone::<F>(&mut app, &F::instantiate());
        let (data, class) = F::stable_sample();
        let update = ModelExecuteMsg::<Empty>::Update {
            data,
            classification: 1 - class,
        };
        app.execute_contract(owner.clone(), model.clone(), &update, &[])
            .unwrap();
        let before = model_storage(&app, &model);
        let err = extend(&mut app, &owner, &model, chunk).unwrap_err();
        assert_error(err, ConfigError::TrainedAveragedModel {});
        assert_eq!(model_storage(&app, &model), before);
    }
    check::<DensePerceptronFixture<true>>(sum_dense_perceptron::msg::ExtensionMsg::SetWeights {
        offset: 0,
        weights: vec![0],
    });
    check::<SparsePerceptronFixture<true>>(sum_sparse_perceptron::msg::ExtensionMsg::SetWeights {
        weights: vec![(1, 0)],
    });
}

/// One test per generic scenario, for one model fixture.
macro_rules! scenarios {
    ($fixture:ty: $($scenario:ident),* $(,)?) => {$(
        #[test]
        fn $scenario() {
            super::$scenario::<$fixture>();
        }
    )*};
}

/// Every scenario for each model, in a module named after the model.
macro_rules! conformance {
    ($($module:ident: $fixture:ty),* $(,)?) => {$(
        mod $module {
            use super::*;

            scenarios!($fixture:
                trainer_gate,
                bad_input_changes_nothing,
                chunks_set_values_then_the_hand_over,
                ten_classes,
                deposit_refund_take,
                points_refund_and_report,
                market_settles,
                funds_invariant,
                rule_and_contract_agree,
            );
        }
    )*};
}

conformance! {
    dense_perceptron: DensePerceptronFixture,
    averaged_dense_perceptron: DensePerceptronFixture<true>,
    sparse_perceptron: SparsePerceptronFixture,
    averaged_sparse_perceptron: SparsePerceptronFixture<true>,
    naive_bayes: NaiveBayesFixture,
    nearest_centroid: NearestCentroidFixture,
    sparse_nearest_centroid: SparseNearestCentroidFixture,
}
