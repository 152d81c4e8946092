//! Every model refuses a configuration it cannot serve, with a clear error, and keeps
//! nothing: no classes, repeated class names, centroid values whose distances could
//! overflow, repeated indices in one chunk, impossible dimensions and learning rates.

use cosmwasm_std::{Empty, StdError};
use cw_multi_test::{App, Contract, Executor};
use serde::Serialize;
use sum_rules::centroid::MAX_CENTROID_VALUE;
use sum_rules::{ConfigError, MAX_FEATURES, SCALE};
use sum_testing::{addr, assert_error, contracts, funded_app};

fn instantiate(code: fn() -> Box<dyn Contract<Empty>>, msg: &impl Serialize) -> StdError {
    let mut app: App = funded_app(&[]);
    let code_id = app.store_code(code());
    app.instantiate_contract(code_id, addr("owner"), msg, &[], "model", None)
        .expect_err("the configuration is refused")
}

fn dense_perceptron(classes: usize, dimension: u32, learning_rate: i64) -> StdError {
    let msg = sum_dense_perceptron::msg::InstantiateMsg {
        classes: (0..classes).map(|c| c.to_string()).collect(),
        dimension,
        weights: vec![],
        intercept: 0,
        learning_rate,
        learn_intercept: None,
        update_on_zero_margin: None,
        averaged: None,
    };
    instantiate(contracts::dense_perceptron, &msg)
}

fn nearest_centroid(classes: Vec<(&str, Vec<i64>)>) -> StdError {
    use sum_nearest_centroid::msg::{ClassInit, InstantiateMsg};
    let classes = classes
        .into_iter()
        .map(|(name, centroid)| ClassInit {
            name: name.into(),
            centroid,
            count: 1,
        })
        .collect();
    let msg = InstantiateMsg {
        dimension: 2,
        classes,
    };
    instantiate(contracts::nearest_centroid, &msg)
}

#[test]
fn perceptrons() {
    let err = dense_perceptron(3, 2, SCALE);
    assert_error(
        err,
        ConfigError::WrongClassCount {
            expected: 2,
            got: 3,
        },
    );
    let err = dense_perceptron(2, 0, SCALE);
    assert_error(
        err,
        ConfigError::InvalidDimension {
            max: MAX_FEATURES,
            got: 0,
        },
    );
    let err = dense_perceptron(2, MAX_FEATURES as u32 + 1, SCALE);
    assert_error(
        err,
        ConfigError::InvalidDimension {
            max: MAX_FEATURES,
            got: MAX_FEATURES + 1,
        },
    );
    let err = dense_perceptron(2, 2, 0);
    assert_error(
        err,
        ConfigError::NonPositiveLearningRate { learning_rate: 0 },
    );
    let msg = sum_sparse_perceptron::msg::InstantiateMsg {
        classes: vec!["a".into(), "a".into()],
        weights: vec![],
        intercept: 0,
        learning_rate: SCALE,
        learn_intercept: None,
        update_on_zero_margin: None,
        averaged: None,
    };
    let err = instantiate(contracts::sparse_perceptron, &msg);
    assert_error(err, ConfigError::DuplicateClass { name: "a".into() });
}

#[test]
fn nearest_centroid_needs_classes_and_bounded_values() {
    assert_error(nearest_centroid(vec![]), ConfigError::NoClasses {});
    let too_far = nearest_centroid(vec![("a", vec![0, MAX_CENTROID_VALUE + 1])]);
    assert_error(
        too_far,
        ConfigError::CentroidValueOutOfRange {
            index: 1,
            value: MAX_CENTROID_VALUE as i128 + 1,
            max: MAX_CENTROID_VALUE as i128,
        },
    );
    let err = nearest_centroid(vec![("a", vec![0, 0]), ("a", vec![0, 0])]);
    assert_error(err, ConfigError::DuplicateClass { name: "a".into() });
}

#[test]
fn sparse_nearest_centroid_needs_classes_and_bounded_values() {
    use sum_sparse_nearest_centroid::msg::{ClassInit, InstantiateMsg};
    let none = InstantiateMsg { classes: vec![] };
    let err = instantiate(contracts::sparse_nearest_centroid, &none);
    assert_error(err, ConfigError::NoClasses {});
    let too_far = InstantiateMsg {
        classes: vec![ClassInit {
            name: "a".into(),
            centroid: vec![(3, u64::MAX)],
            count: 1,
        }],
    };
    let err = instantiate(contracts::sparse_nearest_centroid, &too_far);
    assert_error(
        err,
        ConfigError::CentroidValueOutOfRange {
            index: 3,
            value: u64::MAX as i128,
            max: SCALE as i128,
        },
    );
    let class = |name: &str| ClassInit {
        name: name.into(),
        centroid: vec![],
        count: 1,
    };
    let twice = InstantiateMsg {
        classes: vec![class("a"), class("a")],
    };
    let err = instantiate(contracts::sparse_nearest_centroid, &twice);
    assert_error(err, ConfigError::DuplicateClass { name: "a".into() });
}

#[test]
fn naive_bayes_refuses_repeated_indices_and_empty_hyperparameters() {
    use sum_naive_bayes::msg::{ClassCounts, ClassInit, InstantiateMsg};
    let msg = |feature_counts, smoothing| InstantiateMsg {
        classes: vec![ClassInit {
            name: "a".into(),
            counts: ClassCounts {
                num_samples: 1,
                feature_counts,
            },
        }],
        smoothing,
        vocabulary_size: 10,
    };
    let err = instantiate(
        contracts::naive_bayes,
        &msg(vec![(4, 1), (4, 2)], SCALE as u64),
    );
    assert_error(err, ConfigError::DuplicateIndex { index: 4 });
    let err = instantiate(contracts::naive_bayes, &msg(vec![], 0));
    assert_error(
        err,
        ConfigError::InvalidHyperparameters {
            smoothing: 0,
            vocabulary_size: 10,
        },
    );
    let none = InstantiateMsg {
        classes: vec![],
        smoothing: SCALE as u64,
        vocabulary_size: 10,
    };
    assert_error(
        instantiate(contracts::naive_bayes, &none),
        ConfigError::NoClasses {},
    );
}
