//! One fixture per model: its code, a small reference model (as an instantiate message, as
//! chunks, and as the pure rule), good and bad samples, and what its parameters query
//! answers. The conformance suite runs every scenario on every fixture.

use std::collections::BTreeMap;
use std::fmt::Debug;

use cosmwasm_std::{Empty, Int128};
use cw_multi_test::Contract;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use serde::Serialize;
use sum_common::model::{NamedValue, ParameterRow, ParametersResponse};
use sum_common::{Encoder, Features, SampleError, MAX_FEATURES, SCALE};
use sum_rules::centroid::{Centroid, NearestCentroid};
use sum_rules::naive_bayes::{ClassTotals, NaiveBayes, Smoothing};
use sum_rules::perceptron::{DensePerceptron, Perceptron, SparsePerceptron};
use sum_rules::sparse_centroid::SparseNearestCentroid;
use sum_rules::{Classifier, ConfigError};

use crate::contracts;
use crate::suite::{normalised, ModelSpec};

const S: i64 = SCALE;

/// A model built in chunks: its instantiate message, its extension chunks, and a sample of
/// each class in class order.
pub type ChunkedModel<I, E> = (I, Vec<E>, Vec<Features>);

/// A model under test.
pub trait ModelFixture {
    type Rule: Classifier + Clone + Debug;
    type Instantiate: Serialize + Debug;
    type Extension: Serialize + Debug;

    fn code() -> Box<dyn Contract<Empty>>;
    fn encoder() -> Encoder;
    /// A small two-class reference model.
    fn instantiate() -> Self::Instantiate;
    /// The same model as the pure rule.
    fn rule() -> Self::Rule;
    /// The same model from a first chunk completed by extension chunks.
    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>);
    /// A chunk the model refuses, with its error.
    fn bad_chunk() -> (Self::Extension, ConfigError);
    /// A sample and a class the reference model predicts for it, and still predicts after
    /// training on the sample with the other class and then with this class again.
    fn stable_sample() -> (Features, u32);
    /// Refused samples, each with its class and error.
    fn bad_samples() -> Vec<(Features, u32, SampleError)>;
    /// Random valid samples.
    fn samples() -> BoxedStrategy<Features>;
    /// Ten classes built in chunks (instantiate, chunks, then a sample of each class in
    /// class order); `None` for binary models.
    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>>;
    /// What the `parameters` query answers for this rule, all rows on one page.
    fn parameters(rule: &Self::Rule) -> ParametersResponse;
}

/// The reference model of a fixture, ready to deploy.
pub fn spec<F: ModelFixture>() -> ModelSpec {
    ModelSpec::new(F::code, &F::instantiate(), F::encoder())
}

fn named(name: String, value: impl Into<i128>) -> NamedValue {
    NamedValue {
        name,
        value: Int128::new(value.into()),
    }
}

fn row<V: Copy + Into<i128>>(index: u32, values: &[V]) -> ParameterRow {
    ParameterRow {
        index,
        values: values.iter().map(|&v| Int128::new(v.into())).collect(),
    }
}

/// Rows of a per-feature map with one value per class, padded to `num_classes`.
fn class_rows(map: &BTreeMap<u32, Vec<u64>>, num_classes: usize) -> Vec<ParameterRow> {
    map.iter()
        .map(|(&index, values)| {
            let mut values = values.clone();
            values.resize(num_classes, 0);
            row(index, &values)
        })
        .collect()
}

fn dense_samples(dimension: usize) -> BoxedStrategy<Features> {
    proptest::collection::vec(-1000i64..1000, dimension)
        .prop_filter("not the zero vector", |x| x.iter().any(|&v| v != 0))
        .prop_map(|x| normalised(&x.iter().map(|&v| v as f64).collect::<Vec<_>>()))
        .boxed()
}

fn distinct_sparse_samples() -> BoxedStrategy<Features> {
    (
        proptest::collection::btree_set(0u32..24, 1..6),
        any::<bool>(),
    )
        .prop_map(|(set, reversed)| {
            let mut indices: Vec<u32> = set.into_iter().collect();
            if reversed {
                indices.reverse();
            }
            Features::Sparse(indices)
        })
        .boxed()
}

fn too_many() -> (Features, u32, SampleError) {
    (
        Features::Sparse((0..=MAX_FEATURES as u32).collect()),
        0,
        SampleError::TooMany {
            max: MAX_FEATURES,
            got: MAX_FEATURES + 1,
        },
    )
}

fn unknown_class(data: Features) -> (Features, u32, SampleError) {
    (
        data,
        2,
        SampleError::UnknownClass {
            classification: 2,
            num_classes: 2,
        },
    )
}

/// The perceptrons' reference scalars: learning rate 1, intercept 0 and learned.
fn reference_perceptron(averaged: bool) -> Perceptron {
    Perceptron::new(2, 0, S, true, false, averaged).unwrap()
}

/// What a perceptron's `parameters` answer holds: the intercept and, averaged, the count
/// and the intercept's sum.
fn perceptron_scalars(perceptron: &Perceptron) -> Vec<NamedValue> {
    let mut scalars = vec![named("intercept".into(), perceptron.intercept)];
    if let Some(averaging) = &perceptron.averaging {
        scalars.push(named("count".into(), averaging.count));
        scalars.push(named("intercept_sum".into(), averaging.intercept_sum));
    }
    scalars
}

/// A perceptron's row: the weight and, averaged, its sum.
fn weight_row(index: u32, weight: i64, sum: Option<&i128>) -> ParameterRow {
    let mut values = vec![weight as i128];
    values.extend(sum);
    row(index, &values)
}

fn class_names(n: u32) -> Vec<String> {
    (0..n).map(|c| format!("class {c}")).collect()
}

/// The dense perceptron's reference model; `AVERAGED` makes it an averaged perceptron.
pub struct DensePerceptronFixture<const AVERAGED: bool = false>;

impl<const AVERAGED: bool> DensePerceptronFixture<AVERAGED> {
    const WEIGHTS: [i64; 8] = [0, S, -S, 0, 0, 0, 0, S];

    fn msg(weights: &[i64]) -> sum_dense_perceptron::msg::InstantiateMsg {
        sum_dense_perceptron::msg::InstantiateMsg {
            classes: vec!["negative".into(), "positive".into()],
            dimension: 8,
            weights: weights.to_vec(),
            intercept: 0,
            learning_rate: S,
            learn_intercept: None,
            update_on_zero_margin: None,
            averaged: AVERAGED.then_some(true),
        }
    }
}

impl<const AVERAGED: bool> ModelFixture for DensePerceptronFixture<AVERAGED> {
    type Rule = DensePerceptron;
    type Instantiate = sum_dense_perceptron::msg::InstantiateMsg;
    type Extension = sum_dense_perceptron::msg::ExtensionMsg;

    fn code() -> Box<dyn Contract<Empty>> {
        contracts::dense_perceptron()
    }

    fn encoder() -> Encoder {
        Encoder::FixedPoint
    }

    fn instantiate() -> Self::Instantiate {
        Self::msg(&Self::WEIGHTS)
    }

    fn rule() -> DensePerceptron {
        DensePerceptron {
            perceptron: reference_perceptron(AVERAGED),
            weights: Self::WEIGHTS.to_vec(),
            sums: vec![0; if AVERAGED { 8 } else { 0 }],
        }
    }

    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>) {
        use sum_dense_perceptron::msg::ExtensionMsg::SetWeights;
        let chunks = vec![
            SetWeights {
                offset: 4,
                weights: vec![0, 0],
            },
            SetWeights {
                offset: 6,
                weights: vec![0, S],
            },
        ];
        (Self::msg(&Self::WEIGHTS[..4]), chunks)
    }

    fn bad_chunk() -> (Self::Extension, ConfigError) {
        let chunk = sum_dense_perceptron::msg::ExtensionMsg::SetWeights {
            offset: 7,
            weights: vec![1, 2],
        };
        let error = ConfigError::WeightsOutOfRange {
            offset: 7,
            got: 2,
            dimension: 8,
        };
        (chunk, error)
    }

    fn stable_sample() -> (Features, u32) {
        (normalised(&[0., 1., -1., 0., 0., 0., 0., 1.]), 1)
    }

    fn bad_samples() -> Vec<(Features, u32, SampleError)> {
        let good = Self::stable_sample().0;
        vec![
            (
                Features::Dense(vec![577350259; 7]),
                1,
                SampleError::WrongDimension {
                    expected: 8,
                    got: 7,
                },
            ),
            (
                Features::Dense(vec![S, S, 0, 0, 0, 0, 0, 0]),
                1,
                SampleError::NotNormalised {
                    norm_squared: 2 * (S as i128) * (S as i128),
                },
            ),
            (
                Features::Sparse(vec![1, 2]),
                1,
                SampleError::WrongKind { expected: "dense" },
            ),
            unknown_class(good),
        ]
    }

    fn samples() -> BoxedStrategy<Features> {
        dense_samples(8)
    }

    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>> {
        None
    }

    fn parameters(rule: &DensePerceptron) -> ParametersResponse {
        ParametersResponse {
            scalars: perceptron_scalars(&rule.perceptron),
            rows: (0..)
                .zip(&rule.weights)
                .map(|(index, &w)| weight_row(index, w, rule.sums.get(index as usize)))
                .collect(),
        }
    }
}

/// The sparse perceptron's reference model; `AVERAGED` makes it an averaged perceptron.
pub struct SparsePerceptronFixture<const AVERAGED: bool = false>;

impl<const AVERAGED: bool> SparsePerceptronFixture<AVERAGED> {
    fn msg(weights: Vec<(u32, i64)>) -> sum_sparse_perceptron::msg::InstantiateMsg {
        sum_sparse_perceptron::msg::InstantiateMsg {
            classes: vec!["negative".into(), "positive".into()],
            weights,
            intercept: 0,
            learning_rate: S,
            learn_intercept: None,
            update_on_zero_margin: None,
            averaged: AVERAGED.then_some(true),
        }
    }
}

impl<const AVERAGED: bool> ModelFixture for SparsePerceptronFixture<AVERAGED> {
    type Rule = SparsePerceptron;
    type Instantiate = sum_sparse_perceptron::msg::InstantiateMsg;
    type Extension = sum_sparse_perceptron::msg::ExtensionMsg;

    fn code() -> Box<dyn Contract<Empty>> {
        contracts::sparse_perceptron()
    }

    fn encoder() -> Encoder {
        Encoder::Murmurhash3
    }

    fn instantiate() -> Self::Instantiate {
        Self::msg(vec![(0, 0), (1, 5 * S), (2, -S)])
    }

    fn rule() -> SparsePerceptron {
        SparsePerceptron {
            perceptron: reference_perceptron(AVERAGED),
            weights: BTreeMap::from([(0, 0), (1, 5 * S), (2, -S)]),
            sums: BTreeMap::new(),
        }
    }

    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>) {
        let chunk = sum_sparse_perceptron::msg::ExtensionMsg::SetWeights {
            weights: vec![(2, -S), (0, 0)],
        };
        (Self::msg(vec![(1, 5 * S)]), vec![chunk])
    }

    fn bad_chunk() -> (Self::Extension, ConfigError) {
        let chunk = sum_sparse_perceptron::msg::ExtensionMsg::SetWeights {
            weights: vec![(4, 1), (4, 2)],
        };
        (chunk, ConfigError::DuplicateIndex { index: 4 })
    }

    fn stable_sample() -> (Features, u32) {
        (Features::Sparse(vec![1, 0]), 1)
    }

    fn bad_samples() -> Vec<(Features, u32, SampleError)> {
        vec![
            (
                Features::Sparse(vec![3, 1, 3]),
                1,
                SampleError::DuplicateIndex { index: 3 },
            ),
            (Features::Sparse(vec![]), 1, SampleError::Empty),
            too_many(),
            (
                Features::Dense(vec![S]),
                1,
                SampleError::WrongKind { expected: "sparse" },
            ),
            unknown_class(Features::Sparse(vec![1])),
        ]
    }

    fn samples() -> BoxedStrategy<Features> {
        distinct_sparse_samples()
    }

    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>> {
        None
    }

    fn parameters(rule: &SparsePerceptron) -> ParametersResponse {
        let sum = |index| AVERAGED.then(|| rule.sums.get(&index).copied().unwrap_or(0));
        ParametersResponse {
            scalars: perceptron_scalars(&rule.perceptron),
            rows: rule
                .weights
                .iter()
                .map(|(&index, &w)| weight_row(index, w, sum(index).as_ref()))
                .collect(),
        }
    }
}

pub struct NaiveBayesFixture;

impl NaiveBayesFixture {
    const ALARM: [u32; 5] = [0, 1, 2, 3, 4];
    const WEATHER: [u32; 7] = [1, 4, 5, 6, 7, 8, 9];

    fn counts(num_samples: u64, indices: &[u32]) -> sum_naive_bayes::msg::ClassCounts {
        sum_naive_bayes::msg::ClassCounts {
            num_samples,
            feature_counts: indices.iter().map(|&i| (i, 1)).collect(),
        }
    }

    fn msg(
        classes: &[(&str, &[u32])],
        vocabulary_size: u64,
    ) -> sum_naive_bayes::msg::InstantiateMsg {
        let classes = classes
            .iter()
            .map(|(name, indices)| sum_naive_bayes::msg::ClassInit {
                name: name.to_string(),
                counts: Self::counts(1, indices),
            })
            .collect();
        sum_naive_bayes::msg::InstantiateMsg {
            classes,
            smoothing: S as u64,
            vocabulary_size,
        }
    }

    fn set_counts(
        class: u32,
        num_samples: u64,
        indices: &[u32],
    ) -> sum_naive_bayes::msg::ExtensionMsg {
        sum_naive_bayes::msg::ExtensionMsg::SetCounts {
            class,
            counts: Self::counts(num_samples, indices),
        }
    }
}

impl ModelFixture for NaiveBayesFixture {
    type Rule = NaiveBayes;
    type Instantiate = sum_naive_bayes::msg::InstantiateMsg;
    type Extension = sum_naive_bayes::msg::ExtensionMsg;

    fn code() -> Box<dyn Contract<Empty>> {
        contracts::naive_bayes()
    }

    fn encoder() -> Encoder {
        Encoder::Murmurhash3
    }

    fn instantiate() -> Self::Instantiate {
        Self::msg(&[("ALARM", &Self::ALARM), ("WEATHER", &Self::WEATHER)], 10)
    }

    fn rule() -> NaiveBayes {
        let mut rule = NaiveBayes {
            smoothing: Smoothing::new(S as u64, 10).unwrap(),
            classes: vec![ClassTotals::default(); 2],
            counts: BTreeMap::new(),
        };
        for (class, indices) in [&Self::ALARM[..], &Self::WEATHER[..]].iter().enumerate() {
            let counts: Vec<(u32, u64)> = indices.iter().map(|&i| (i, 1)).collect();
            rule.set_counts(class as u32, 1, &counts).unwrap();
        }
        rule
    }

    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>) {
        let first = Self::msg(&[("ALARM", &[0, 1]), ("WEATHER", &[])], 10);
        let chunks = vec![
            Self::set_counts(0, 1, &Self::ALARM),
            Self::set_counts(1, 1, &Self::WEATHER),
        ];
        (first, chunks)
    }

    fn bad_chunk() -> (Self::Extension, ConfigError) {
        let chunk = sum_naive_bayes::msg::ExtensionMsg::SetCounts {
            class: 0,
            counts: sum_naive_bayes::msg::ClassCounts {
                num_samples: 1,
                feature_counts: vec![(3, 1), (3, 2)],
            },
        };
        (chunk, ConfigError::DuplicateIndex { index: 3 })
    }

    fn stable_sample() -> (Features, u32) {
        (Features::Sparse(vec![0, 2, 3]), 0)
    }

    fn bad_samples() -> Vec<(Features, u32, SampleError)> {
        vec![
            (Features::Sparse(vec![]), 0, SampleError::Empty),
            too_many(),
            (
                Features::Dense(vec![S]),
                0,
                SampleError::WrongKind { expected: "sparse" },
            ),
            unknown_class(Features::Sparse(vec![1, 1])),
        ]
    }

    fn samples() -> BoxedStrategy<Features> {
        proptest::collection::vec(0u32..24, 1..8)
            .prop_map(Features::Sparse)
            .boxed()
    }

    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>> {
        let words = |c: u32| [10 * c, 10 * c + 1, 10 * c + 2];
        let first = Self::msg(&[("class 0", &words(0)), ("class 1", &words(1))], 100);
        let mut chunks = vec![];
        for c in 2..10 {
            let name = format!("class {c}");
            chunks.push(sum_naive_bayes::msg::ExtensionMsg::AddClass { name });
            chunks.push(Self::set_counts(c, 2, &words(c)));
        }
        let samples = (0..10)
            .map(|c| Features::Sparse(vec![10 * c, 10 * c + 2]))
            .collect();
        Some((first, chunks, samples))
    }

    fn parameters(rule: &NaiveBayes) -> ParametersResponse {
        let scalars = rule
            .classes
            .iter()
            .enumerate()
            .flat_map(|(k, t)| {
                [
                    named(format!("num_samples.{k}"), t.num_samples),
                    named(format!("total_count.{k}"), t.total_count),
                ]
            })
            .collect();
        ParametersResponse {
            scalars,
            rows: class_rows(&rule.counts, rule.classes.len()),
        }
    }
}

pub struct NearestCentroidFixture;

impl NearestCentroidFixture {
    fn class(name: &str, centroid: Vec<i64>, count: u64) -> sum_nearest_centroid::msg::ClassInit {
        sum_nearest_centroid::msg::ClassInit {
            name: name.into(),
            centroid,
            count,
        }
    }

    fn set_class(
        class: sum_nearest_centroid::msg::ClassInit,
    ) -> sum_nearest_centroid::msg::ExtensionMsg {
        sum_nearest_centroid::msg::ExtensionMsg::SetClass { class }
    }

    fn unit(c: u32) -> Vec<i64> {
        (0..10).map(|i| if i == c { S } else { 0 }).collect()
    }
}

impl ModelFixture for NearestCentroidFixture {
    type Rule = NearestCentroid;
    type Instantiate = sum_nearest_centroid::msg::InstantiateMsg;
    type Extension = sum_nearest_centroid::msg::ExtensionMsg;

    fn code() -> Box<dyn Contract<Empty>> {
        contracts::nearest_centroid()
    }

    fn encoder() -> Encoder {
        Encoder::FixedPoint
    }

    fn instantiate() -> Self::Instantiate {
        sum_nearest_centroid::msg::InstantiateMsg {
            dimension: 2,
            classes: vec![
                Self::class("0", vec![-S, -S], 2),
                Self::class("1", vec![S, S], 2),
            ],
        }
    }

    fn rule() -> NearestCentroid {
        NearestCentroid {
            dimension: 2,
            centroids: vec![
                Centroid {
                    values: vec![-S, -S],
                    count: 2,
                },
                Centroid {
                    values: vec![S, S],
                    count: 2,
                },
            ],
        }
    }

    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>) {
        let first = sum_nearest_centroid::msg::InstantiateMsg {
            dimension: 2,
            classes: vec![Self::class("0", vec![0, 0], 0)],
        };
        let chunks = vec![
            Self::set_class(Self::class("1", vec![S, S], 2)),
            Self::set_class(Self::class("0", vec![-S, -S], 2)),
        ];
        (first, chunks)
    }

    fn bad_chunk() -> (Self::Extension, ConfigError) {
        let chunk = Self::set_class(Self::class("x", vec![0], 1));
        let error = ConfigError::CentroidDimension {
            class: "x".into(),
            expected: 2,
            got: 1,
        };
        (chunk, error)
    }

    fn stable_sample() -> (Features, u32) {
        (normalised(&[-1.5, -0.5]), 0)
    }

    fn bad_samples() -> Vec<(Features, u32, SampleError)> {
        vec![
            (
                Features::Dense(vec![S, 0, 0]),
                0,
                SampleError::WrongDimension {
                    expected: 2,
                    got: 3,
                },
            ),
            (
                Features::Dense(vec![S, S]),
                0,
                SampleError::NotNormalised {
                    norm_squared: 2 * (S as i128) * (S as i128),
                },
            ),
            (
                Features::Sparse(vec![1]),
                0,
                SampleError::WrongKind { expected: "dense" },
            ),
            unknown_class(Features::Dense(vec![S, 0])),
        ]
    }

    fn samples() -> BoxedStrategy<Features> {
        dense_samples(2)
    }

    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>> {
        let names = class_names(10);
        let first = sum_nearest_centroid::msg::InstantiateMsg {
            dimension: 10,
            classes: vec![
                Self::class(&names[0], Self::unit(0), 1),
                Self::class(&names[1], Self::unit(1), 1),
            ],
        };
        let chunks = (2..10)
            .map(|c| Self::set_class(Self::class(&names[c as usize], Self::unit(c), 1)))
            .collect();
        let samples = (0..10).map(|c| Features::Dense(Self::unit(c))).collect();
        Some((first, chunks, samples))
    }

    fn parameters(rule: &NearestCentroid) -> ParametersResponse {
        let scalars = rule
            .centroids
            .iter()
            .enumerate()
            .map(|(k, c)| named(format!("count.{k}"), c.count))
            .collect();
        let rows = (0..rule.dimension)
            .map(|i| {
                let values: Vec<i64> = rule.centroids.iter().map(|c| c.values[i]).collect();
                row(i as u32, &values)
            })
            .collect();
        ParametersResponse { scalars, rows }
    }
}

pub struct SparseNearestCentroidFixture;

impl SparseNearestCentroidFixture {
    fn class(
        name: &str,
        centroid: Vec<(u32, u64)>,
        count: u64,
    ) -> sum_sparse_nearest_centroid::msg::ClassInit {
        sum_sparse_nearest_centroid::msg::ClassInit {
            name: name.into(),
            centroid,
            count,
        }
    }

    fn set_class(
        class: sum_sparse_nearest_centroid::msg::ClassInit,
    ) -> sum_sparse_nearest_centroid::msg::ExtensionMsg {
        sum_sparse_nearest_centroid::msg::ExtensionMsg::SetClass { class }
    }
}

impl ModelFixture for SparseNearestCentroidFixture {
    type Rule = SparseNearestCentroid;
    type Instantiate = sum_sparse_nearest_centroid::msg::InstantiateMsg;
    type Extension = sum_sparse_nearest_centroid::msg::ExtensionMsg;

    fn code() -> Box<dyn Contract<Empty>> {
        contracts::sparse_nearest_centroid()
    }

    fn encoder() -> Encoder {
        Encoder::Murmurhash3
    }

    fn instantiate() -> Self::Instantiate {
        sum_sparse_nearest_centroid::msg::InstantiateMsg {
            classes: vec![
                Self::class("A", vec![(0, S as u64)], 2),
                Self::class("W", vec![(1, S as u64)], 2),
            ],
        }
    }

    fn rule() -> SparseNearestCentroid {
        let mut rule = SparseNearestCentroid {
            classes: vec![],
            sums: BTreeMap::new(),
        };
        rule.set_class("A", 0, 2, &[(0, S as u64)]).unwrap();
        rule.set_class("W", 1, 2, &[(1, S as u64)]).unwrap();
        rule
    }

    fn chunked() -> (Self::Instantiate, Vec<Self::Extension>) {
        let first = sum_sparse_nearest_centroid::msg::InstantiateMsg {
            classes: vec![Self::class("A", vec![], 2)],
        };
        let chunks = vec![
            Self::set_class(Self::class("W", vec![(1, S as u64)], 2)),
            Self::set_class(Self::class("A", vec![(0, S as u64)], 2)),
        ];
        (first, chunks)
    }

    fn bad_chunk() -> (Self::Extension, ConfigError) {
        let chunk = Self::set_class(Self::class("A", vec![], 3));
        let error = ConfigError::CountChanged {
            class: "A".into(),
            stored: 2,
            got: 3,
        };
        (chunk, error)
    }

    fn stable_sample() -> (Features, u32) {
        (Features::Sparse(vec![0]), 0)
    }

    fn bad_samples() -> Vec<(Features, u32, SampleError)> {
        vec![
            (
                Features::Sparse(vec![2, 2]),
                0,
                SampleError::DuplicateIndex { index: 2 },
            ),
            (Features::Sparse(vec![]), 0, SampleError::Empty),
            too_many(),
            (
                Features::Dense(vec![S]),
                0,
                SampleError::WrongKind { expected: "sparse" },
            ),
            unknown_class(Features::Sparse(vec![0])),
        ]
    }

    fn samples() -> BoxedStrategy<Features> {
        distinct_sparse_samples()
    }

    fn ten_classes() -> Option<ChunkedModel<Self::Instantiate, Self::Extension>> {
        let names = class_names(10);
        let class = |c: u32| Self::class(&names[c as usize], vec![(10 * c, S as u64)], 1);
        let first = sum_sparse_nearest_centroid::msg::InstantiateMsg {
            classes: vec![class(0), class(1)],
        };
        let chunks = (2..10).map(|c| Self::set_class(class(c))).collect();
        let samples = (0..10).map(|c| Features::Sparse(vec![10 * c])).collect();
        Some((first, chunks, samples))
    }

    fn parameters(rule: &SparseNearestCentroid) -> ParametersResponse {
        let scalars = rule
            .classes
            .iter()
            .enumerate()
            .flat_map(|(k, c)| {
                [
                    named(format!("count.{k}"), c.count),
                    named(
                        format!("squared_magnitude.{k}"),
                        c.squared_magnitude as i128,
                    ),
                ]
            })
            .collect();
        ParametersResponse {
            scalars,
            rows: class_rows(&rule.sums, rule.classes.len()),
        }
    }
}
