//! Every model under the trainer with the deposit/refund/take mechanism: the SPEC §3
//! reference numbers through the trainer, a full deposit → refund → take scenario per model,
//! and multi-class models completed in chunks before their hand-over to a trainer.

use std::fmt::Debug;

use cosmwasm_std::{Addr, WasmMsg};
use cw_multi_test::{App, Executor};
use serde::Serialize;
use sum_common::{Features, SCALE};
use sum_testing::suite::REFUND_WAIT;
use sum_testing::{
    addr, assert_error, funded_app, normalised, reference_dense_perceptron,
    reference_sparse_perceptron, standard_incentive, ModelSetup, ModelSpec, Suite,
};

const S: i64 = SCALE;

fn naive_bayes() -> ModelSpec {
    use sum_naive_bayes::msg::{ClassCounts, ClassInit, InstantiateMsg};
    let class = |name: &str, indices: &[u32]| ClassInit {
        name: name.into(),
        counts: ClassCounts {
            num_samples: 1,
            feature_counts: indices.iter().map(|&i| (i, 1)).collect(),
        },
    };
    ModelSpec::NaiveBayes(InstantiateMsg {
        classes: vec![
            class("ALARM", &[0, 1, 2, 3, 4]),
            class("WEATHER", &[1, 4, 5, 6, 7, 8, 9]),
        ],
        smoothing: SCALE as u64,
        vocabulary_size: 10,
    })
}

fn nearest_centroid() -> ModelSpec {
    use sum_nearest_centroid::msg::{ClassInit, InstantiateMsg};
    ModelSpec::NearestCentroid(InstantiateMsg {
        dimension: 2,
        classes: vec![
            ClassInit {
                name: "0".into(),
                centroid: vec![-S, -S],
                count: 2,
            },
            ClassInit {
                name: "1".into(),
                centroid: vec![S, S],
                count: 2,
            },
        ],
    })
}

fn sparse_nearest_centroid() -> ModelSpec {
    use sum_sparse_nearest_centroid::msg::{ClassInit, InstantiateMsg};
    let class = |name: &str, index| ClassInit {
        name: name.into(),
        centroid: vec![(index, SCALE as u64)],
        count: 2,
    };
    ModelSpec::SparseNearestCentroid(InstantiateMsg {
        classes: vec![class("A", 0), class("W", 1)],
    })
}

fn sparse(indices: &[u32]) -> Features {
    Features::Sparse(indices.to_vec())
}

#[test]
fn spec_reference_numbers_through_the_trainer() {
    let alice = addr("alice");

    let mut nb = Suite::new(naive_bayes(), standard_incentive(), &["alice"]);
    assert_eq!(nb.predict(sparse(&[0, 1, 10, 3, 4])).unwrap(), 0);
    assert_eq!(nb.predict(sparse(&[5, 6, 7, 8, 9, 11])).unwrap(), 1);
    nb.add_data_paying(&alice, sparse(&[0, 1, 2, 22]), 1)
        .unwrap();
    assert_eq!(nb.predict(sparse(&[22])).unwrap(), 1);

    let mut nc = Suite::new(nearest_centroid(), standard_incentive(), &["alice"]);
    assert_eq!(nc.predict(normalised(&[-1.5, -0.5])).unwrap(), 0);
    assert_eq!(nc.predict(normalised(&[0.5, 1.5])).unwrap(), 1);
    nc.add_data_paying(&alice, normalised(&[4.0, 4.0]), 1)
        .unwrap();
    // The centroid moved to 902368927 in each dimension: now nearer a point it was not.
    assert_eq!(nc.predict(normalised(&[1.0, 0.05])).unwrap(), 1);

    let mut snc = Suite::new(sparse_nearest_centroid(), standard_incentive(), &["alice"]);
    assert_eq!(snc.predict(sparse(&[0])).unwrap(), 0);
    assert_eq!(snc.predict(sparse(&[1])).unwrap(), 1);
    snc.add_data_paying(&alice, sparse(&[1, 2]), 1).unwrap();
    assert_eq!(snc.predict(sparse(&[2])).unwrap(), 1);
}

/// alice adds good data, bob mislabels a sample, alice adds data that corrects the model;
/// after the wait alice is refunded and takes bob's deposit. Checks the model's verdicts
/// on the way, and that the mechanism holds exactly what is claimable.
fn deposit_refund_take(
    spec: ModelSpec,
    good: (Features, u32),
    bad: (Features, u32),
    fixes: &[(Features, u32)],
) {
    let mut suite = Suite::new(spec, standard_incentive(), &["alice", "bob"]);
    let (alice, bob) = (addr("alice"), addr("bob"));
    let good_id = suite
        .add_data_paying(&alice, good.0.clone(), good.1)
        .unwrap();
    let bad_id = suite.add_data_paying(&bob, bad.0.clone(), bad.1).unwrap();
    for (data, label) in fixes {
        suite.advance(10);
        suite.add_data_paying(&alice, data.clone(), *label).unwrap();
    }
    assert_eq!(
        suite.predict(good.0).unwrap(),
        good.1,
        "the model agrees with alice"
    );
    assert_ne!(
        suite.predict(bad.0).unwrap(),
        bad.1,
        "the model disagrees with bob"
    );

    suite.advance(REFUND_WAIT);
    let err = suite.refund(&bob, bad_id).unwrap_err();
    assert_error(err, "no refund");
    let deposits = |id| suite.contribution(id).unwrap().initial_deposit;
    let (good_deposit, bad_deposit) = (deposits(good_id), deposits(bad_id));
    let before = suite.balance(&alice);
    suite.refund(&alice, good_id).unwrap();
    suite.report(&alice, bad_id).unwrap();
    assert_eq!(suite.balance(&alice), before + good_deposit + bad_deposit);
    assert_eq!(
        suite.balance(&suite.components.incentive),
        suite.total_claimable()
    );
}

#[test]
fn dense_perceptron_under_deposit_refund_take() {
    let x = normalised(&[1., 1., 1., 0., 0., 0., 0., 0.]);
    deposit_refund_take(
        reference_dense_perceptron(),
        (x.clone(), 1),
        (x.clone(), 0),
        &[(x, 1)],
    );
}

#[test]
fn sparse_perceptron_under_deposit_refund_take() {
    let x = sparse(&[7, 8]);
    deposit_refund_take(
        reference_sparse_perceptron(),
        (x.clone(), 1),
        (x.clone(), 0),
        &[(x, 1)],
    );
}

#[test]
fn naive_bayes_under_deposit_refund_take() {
    let weather = sparse(&[5, 6, 7, 8]);
    deposit_refund_take(
        naive_bayes(),
        (sparse(&[0, 2, 3]), 0),
        (weather.clone(), 0),
        &[(weather.clone(), 1), (weather, 1)],
    );
}

#[test]
fn nearest_centroid_under_deposit_refund_take() {
    let north_east = normalised(&[1.0, 1.0]);
    deposit_refund_take(
        nearest_centroid(),
        (normalised(&[-1.0, -0.9]), 0),
        (normalised(&[0.9, 1.0]), 0),
        &[(north_east.clone(), 1), (north_east, 1)],
    );
}

#[test]
fn sparse_nearest_centroid_under_deposit_refund_take() {
    deposit_refund_take(
        sparse_nearest_centroid(),
        (sparse(&[0]), 0),
        (sparse(&[1, 5]), 0),
        &[(sparse(&[1, 5]), 1), (sparse(&[1, 5]), 1)],
    );
}

/// Deploys a model directly from "owner", as one too large for a single transaction would be.
fn deploy_alone(app: &mut App, spec: ModelSpec) -> Addr {
    let (code_id, msg, _) = spec.store(app).unwrap();
    let instantiate = WasmMsg::Instantiate {
        admin: None,
        code_id,
        msg,
        funds: vec![],
        label: "model".into(),
    };
    let response = app.execute(addr("owner"), instantiate.into()).unwrap();
    let event = response
        .events
        .iter()
        .find(|e| e.ty == "instantiate")
        .unwrap();
    let address = &event
        .attributes
        .iter()
        .find(|a| a.key == "_contract_address")
        .unwrap()
        .value;
    Addr::unchecked(address)
}

/// A model with ten classes, the tenth added by its owner before handing it over to a
/// trainer, which then trains it through add data.
fn ten_classes<M: Serialize + Debug>(
    spec: ModelSpec,
    add_tenth_class: M,
    hand_over: impl Fn(String) -> M,
    tenth_sample: Features,
    nine_samples: impl Fn(u32) -> Features,
) {
    let mut app = funded_app(&["alice"]);
    let model = deploy_alone(&mut app, spec);
    let owner = addr("owner");
    app.execute_contract(owner.clone(), model.clone(), &add_tenth_class, &[])
        .unwrap();
    let mut suite = Suite::deploy(
        app,
        ModelSetup::Existing(model.clone()),
        standard_incentive(),
    )
    .unwrap();
    let alice = addr("alice");

    // Not handed over yet: the trainer cannot train it, and nothing is stored or paid.
    let err = suite
        .add_data_paying(&alice, tenth_sample.clone(), 9)
        .unwrap_err();
    assert_error(err, "only the trainer");
    assert!(suite.contributions().is_empty());
    let handing_over = hand_over(suite.trainer.to_string());
    suite
        .app
        .execute_contract(owner.clone(), model.clone(), &handing_over, &[])
        .unwrap();
    let err = suite
        .app
        .execute_contract(owner, model, &add_tenth_class, &[])
        .unwrap_err();
    assert_error(err, "only the trainer");

    assert_eq!(suite.model_info().classes.len(), 10);
    for class in 0..9 {
        assert_eq!(suite.predict(nine_samples(class)).unwrap(), class);
    }
    suite
        .add_data_paying(&alice, tenth_sample.clone(), 9)
        .unwrap();
    assert_eq!(suite.predict(tenth_sample).unwrap(), 9);
    assert_eq!(
        suite.balance(&suite.components.incentive),
        suite.total_claimable()
    );
}

#[test]
fn naive_bayes_with_ten_classes_completed_before_the_hand_over() {
    use sum_naive_bayes::msg::{ClassCounts, ClassInit, ExecuteMsg, InstantiateMsg};
    let classes = (0..9u32)
        .map(|c| ClassInit {
            name: format!("class {c}"),
            counts: ClassCounts {
                num_samples: 3,
                feature_counts: vec![(10 * c, 3), (10 * c + 1, 3)],
            },
        })
        .collect();
    let spec = ModelSpec::NaiveBayes(InstantiateMsg {
        classes,
        smoothing: SCALE as u64,
        vocabulary_size: 100,
    });
    ten_classes(
        spec,
        ExecuteMsg::AddClass {
            name: "class 9".into(),
        },
        |trainer| ExecuteMsg::HandOver { trainer },
        sparse(&[90, 91, 92]),
        |c| sparse(&[10 * c, 10 * c + 1]),
    );
}

#[test]
fn nearest_centroid_with_ten_classes_completed_before_the_hand_over() {
    use sum_nearest_centroid::msg::{ClassInit, ExecuteMsg, InstantiateMsg};
    let axis = |i: u32| {
        let mut x = vec![0; 10];
        x[i as usize] = S;
        x
    };
    let classes = (0..9u32)
        .map(|c| ClassInit {
            name: c.to_string(),
            centroid: axis(c),
            count: 1,
        })
        .collect();
    ten_classes(
        ModelSpec::NearestCentroid(InstantiateMsg {
            dimension: 10,
            classes,
        }),
        ExecuteMsg::AddClass {
            class: ClassInit {
                name: "9".into(),
                centroid: vec![0; 10],
                count: 0,
            },
        },
        |trainer| ExecuteMsg::HandOver { trainer },
        Features::Dense(axis(9)),
        |c| Features::Dense(axis(c)),
    );
}

#[test]
fn sparse_nearest_centroid_with_ten_classes_completed_before_the_hand_over() {
    use sum_sparse_nearest_centroid::msg::{ClassInit, ExecuteMsg, InstantiateMsg};
    let classes = (0..9u32)
        .map(|c| ClassInit {
            name: c.to_string(),
            centroid: vec![(10 * c, SCALE as u64), (10 * c + 1, SCALE as u64)],
            count: 1,
        })
        .collect();
    ten_classes(
        ModelSpec::SparseNearestCentroid(InstantiateMsg { classes }),
        ExecuteMsg::AddClass {
            class: ClassInit {
                name: "9".into(),
                centroid: vec![],
                count: 0,
            },
        },
        |trainer| ExecuteMsg::HandOver { trainer },
        sparse(&[90, 91]),
        |c| sparse(&[10 * c, 10 * c + 1]),
    );
}
