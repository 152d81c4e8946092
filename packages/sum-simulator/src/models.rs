//! A scenario's model, built the same way for both back-ends: as the pure rule, and as the
//! model contract's instantiate message.

use std::collections::BTreeMap;

use sum_common::Encoder;
use sum_rules::centroid::{Centroid, NearestCentroid};
use sum_rules::naive_bayes::{ClassTotals, NaiveBayes, Smoothing};
use sum_rules::perceptron::{DensePerceptron, Perceptron, SparsePerceptron};
use sum_rules::sparse_centroid::{SparseClass, SparseNearestCentroid};
use sum_rules::{Classifier, SCALE};
use sum_testing::{contracts, ModelSpec as DeploySpec};

use crate::scenario::{ModelSpec, PerceptronSpec};

/// The two classes of the data sets.
pub const CLASSES: [&str; 2] = ["0", "1"];

fn fixed(value: f64) -> i64 {
    (value * SCALE as f64).round() as i64
}

fn perceptron(spec: &PerceptronSpec) -> Perceptron {
    Perceptron::new(
        2,
        0,
        fixed(spec.learning_rate),
        spec.learn_intercept,
        spec.update_on_zero_margin,
        spec.averaged,
    )
    .expect("a valid perceptron")
}

/// The untrained model as its pure rule.
pub fn rule(spec: &ModelSpec, dimension: u32) -> Box<dyn Classifier + Send> {
    match spec {
        ModelSpec::DensePerceptron(p) => Box::new(
            DensePerceptron::new(perceptron(p), dimension, &[]).expect("a valid dimension"),
        ),
        ModelSpec::SparsePerceptron(p) => Box::new(SparsePerceptron {
            perceptron: perceptron(p),
            weights: vec![0; dimension as usize],
            sums: vec![],
        }),
        ModelSpec::NaiveBayes { smoothing } => Box::new(NaiveBayes {
            smoothing: Smoothing::new(fixed(*smoothing) as u64, dimension as u64)
                .expect("positive smoothing"),
            classes: vec![ClassTotals::default(); 2],
            counts: BTreeMap::new(),
        }),
        ModelSpec::NearestCentroid {} => {
            let mut model = NearestCentroid::new(dimension).expect("a valid dimension");
            let empty = Centroid {
                values: vec![0; dimension as usize],
                count: 0,
            };
            model.centroids = vec![empty; 2];
            Box::new(model)
        }
        ModelSpec::SparseNearestCentroid {} => Box::new(SparseNearestCentroid {
            classes: vec![
                SparseClass {
                    count: 0,
                    squared_magnitude: 0,
                };
                2
            ],
            sums: BTreeMap::new(),
        }),
    }
}

fn names() -> Vec<String> {
    CLASSES.iter().map(|c| c.to_string()).collect()
}

/// The same untrained model as the contract to deploy.
pub fn deploy_spec(spec: &ModelSpec, dimension: u32) -> DeploySpec {
    match spec {
        ModelSpec::DensePerceptron(p) => {
            let msg = sum_dense_perceptron::msg::InstantiateMsg {
                classes: names(),
                dimension,
                weights: vec![],
                intercept: 0,
                learning_rate: fixed(p.learning_rate),
                learn_intercept: Some(p.learn_intercept),
                update_on_zero_margin: Some(p.update_on_zero_margin),
                averaged: Some(p.averaged),
            };
            DeploySpec::new(contracts::dense_perceptron, &msg, Encoder::FixedPoint)
        }
        ModelSpec::SparsePerceptron(p) => {
            let msg = sum_sparse_perceptron::msg::InstantiateMsg {
                classes: names(),
                weights: vec![],
                intercept: 0,
                learning_rate: fixed(p.learning_rate),
                learn_intercept: Some(p.learn_intercept),
                update_on_zero_margin: Some(p.update_on_zero_margin),
                averaged: Some(p.averaged),
            };
            DeploySpec::new(contracts::sparse_perceptron, &msg, Encoder::None)
        }
        ModelSpec::NaiveBayes { smoothing } => {
            use sum_naive_bayes::msg::{ClassCounts, ClassInit, InstantiateMsg};
            let class = |name: String| ClassInit {
                name,
                counts: ClassCounts {
                    num_samples: 0,
                    feature_counts: vec![],
                },
            };
            let msg = InstantiateMsg {
                classes: names().into_iter().map(class).collect(),
                smoothing: fixed(*smoothing) as u64,
                vocabulary_size: dimension as u64,
            };
            DeploySpec::new(contracts::naive_bayes, &msg, Encoder::None)
        }
        ModelSpec::NearestCentroid {} => {
            use sum_nearest_centroid::msg::{ClassInit, InstantiateMsg};
            let class = |name: String| ClassInit {
                name,
                centroid: vec![0; dimension as usize],
                count: 0,
            };
            let msg = InstantiateMsg {
                dimension,
                classes: names().into_iter().map(class).collect(),
            };
            DeploySpec::new(contracts::nearest_centroid, &msg, Encoder::FixedPoint)
        }
        ModelSpec::SparseNearestCentroid {} => {
            use sum_sparse_nearest_centroid::msg::{ClassInit, InstantiateMsg};
            let class = |name: String| ClassInit {
                name,
                centroid: vec![],
                count: 0,
            };
            let msg = InstantiateMsg {
                classes: names().into_iter().map(class).collect(),
            };
            DeploySpec::new(contracts::sparse_nearest_centroid, &msg, Encoder::None)
        }
    }
}
