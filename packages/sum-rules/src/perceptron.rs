//! The binary perceptron (dense and sparse), over plain values.
//!
//! Predict: `m = b·10^9 + Σ wᵢ·xᵢ`, class 1 when `m > 0`. Train: when the prediction is
//! wrong (or, with `update_on_zero_margin`, when `m = 0` for class 0, scikit-learn's rule),
//! `wᵢ ± xᵢ·lr/10^9` and, if learned, `b ± lr`. A sparse sample's present features have
//! the value `10^9`. Averaged (optional): the same training, predictions from the mean of
//! the weights over the updates (see [`crate::averaging`]).

use std::collections::BTreeMap;

use cosmwasm_schema::cw_serde;

use crate::averaging::Averaging;
use crate::classifier::Classifier;
use crate::config::{ensure_distinct_indices, ConfigError};
use crate::features::{Features, SampleError, MAX_FEATURES};
use crate::fixed_point::{scaled_mul, SCALE};

/// A binary perceptron's scalar parameters; its weights live beside it.
#[cw_serde]
pub struct Perceptron {
    /// Intercept (×10^9).
    pub intercept: i64,
    /// Learning rate (×10^9).
    pub learning_rate: i64,
    /// Whether updates move the intercept.
    pub learn_intercept: bool,
    /// Whether a zero margin on a class-0 sample also trains (scikit-learn's rule).
    pub update_on_zero_margin: bool,
    /// For an averaged perceptron, its running totals; `None` for a plain one.
    pub averaging: Option<Averaging>,
}

impl Perceptron {
    /// A binary perceptron's scalars, checked: two classes and a positive learning rate.
    pub fn new(
        num_classes: usize,
        intercept: i64,
        learning_rate: i64,
        learn_intercept: bool,
        update_on_zero_margin: bool,
        averaged: bool,
    ) -> Result<Self, ConfigError> {
        if num_classes != 2 {
            return Err(ConfigError::WrongClassCount {
                expected: 2,
                got: num_classes,
            });
        }
        if learning_rate <= 0 {
            return Err(ConfigError::NonPositiveLearningRate { learning_rate });
        }
        Ok(Perceptron {
            intercept,
            learning_rate,
            learn_intercept,
            update_on_zero_margin,
            averaging: averaged.then(Averaging::start),
        })
    }

    /// Whether predictions come from the mean of the weights.
    pub fn averaged(&self) -> bool {
        self.averaging.is_some()
    }

    /// Refuses setting weights (a chunk) once an averaged model has trained.
    fn ensure_settable(&self) -> Result<(), ConfigError> {
        match &self.averaging {
            Some(averaging) if averaging.count > 1 => Err(ConfigError::TrainedAveragedModel {}),
            _ => Ok(()),
        }
    }

    /// The margin the model predicts with: the live weights' `live`, or for an averaged
    /// model the mean's (times its count), `sum_terms` being the sums' `uᵢ·xᵢ`.
    pub fn decision_margin(
        &self,
        live: i128,
        sum_terms: impl IntoIterator<Item = Option<i128>>,
    ) -> Result<i128, SampleError> {
        match &self.averaging {
            None => Ok(live),
            Some(averaging) => averaging.margin(live, sum_terms),
        }
    }

    /// Trains `weights` with `update` (`update` or `binary_update`) and, for an averaged
    /// model whose weights changed, records the update in `sums` (the weights' own, empty
    /// for a plain model). Returns whether anything changed; on error nothing has.
    pub fn train(
        &mut self,
        weights: &mut [i64],
        sums: &mut [i128],
        update: impl FnOnce(&mut Perceptron, &mut [i64]) -> Result<bool, SampleError>,
    ) -> Result<bool, SampleError> {
        if !self.averaged() {
            return update(self, weights);
        }
        let mut next = self.clone();
        let mut new_weights = weights.to_vec();
        let changed = update(&mut next, &mut new_weights)?;
        if changed {
            let intercept_change = next
                .intercept
                .checked_sub(self.intercept)
                .ok_or(SampleError::Overflow)?;
            if let Some(averaging) = &mut next.averaging {
                averaging.record(weights, &new_weights, sums, intercept_change)?;
            }
        }
        weights.copy_from_slice(&new_weights);
        *self = next;
        Ok(changed)
    }

    /// `intercept·SCALE + Σ wᵢ·xᵢ`, a value scaled by SCALE².
    pub fn margin(&self, weights: &[i64], x: &[i64]) -> Result<i128, SampleError> {
        self.margin_of(weights.iter().zip(x).map(|(&w, &v)| w as i128 * v as i128))
    }

    /// The margin of binary features: `margin` with every present xᵢ = SCALE, from the
    /// present features' weights alone.
    pub fn binary_margin(
        &self,
        weights: impl IntoIterator<Item = i64>,
    ) -> Result<i128, SampleError> {
        self.margin_of(weights.into_iter().map(|w| w as i128 * SCALE as i128))
    }

    fn margin_of(&self, mut terms: impl Iterator<Item = i128>) -> Result<i128, SampleError> {
        terms.try_fold(self.intercept as i128 * SCALE as i128, |acc, term| {
            acc.checked_add(term).ok_or(SampleError::Overflow)
        })
    }

    /// The live weights' class: 1 when their margin is positive, else 0 (the models predict
    /// through [`Perceptron::decision_margin`], which an averaged one needs).
    #[cfg(test)]
    pub fn predict(&self, weights: &[i64], x: &[i64]) -> Result<u32, SampleError> {
        Ok(class_of(self.margin(weights, x)?))
    }

    /// Trains on `(x, label)`: when the prediction differs from `label` (or the margin is
    /// zero for label 0 and `update_on_zero_margin` is set), moves every weight by
    /// `±xᵢ·lr/SCALE` and (if learned) the intercept by `±lr`.
    /// Returns whether anything changed; on error nothing has.
    pub fn update(
        &mut self,
        weights: &mut [i64],
        x: &[i64],
        label: u32,
    ) -> Result<bool, SampleError> {
        let margin = self.margin(weights, x)?;
        let learning_rate = self.learning_rate;
        self.apply(margin, weights, |i| scaled_mul(x[i], learning_rate), label)
    }

    /// `update` for binary features, `weights` being the present features' own: each moves
    /// by `±lr` (xᵢ·lr/SCALE with xᵢ = SCALE).
    pub fn binary_update(&mut self, weights: &mut [i64], label: u32) -> Result<bool, SampleError> {
        let margin = self.binary_margin(weights.iter().copied())?;
        let learning_rate = self.learning_rate;
        self.apply(margin, weights, |_| Ok(learning_rate), label)
    }

    /// Moves weight `i` by `±delta(i)` and the intercept by `±lr` when the margin calls for
    /// an update; all or nothing.
    fn apply(
        &mut self,
        margin: i128,
        weights: &mut [i64],
        delta: impl Fn(usize) -> Result<i64, SampleError>,
        label: u32,
    ) -> Result<bool, SampleError> {
        let wrong = class_of(margin) != label;
        let zero_margin = self.update_on_zero_margin && margin == 0 && label == 0;
        if !wrong && !zero_margin {
            return Ok(false);
        }
        let step = |value: i64, delta: i64| {
            if label == 1 {
                value.checked_add(delta)
            } else {
                value.checked_sub(delta)
            }
            .ok_or(SampleError::Overflow)
        };
        let new_weights = weights
            .iter()
            .enumerate()
            .map(|(i, &w)| step(w, delta(i)?))
            .collect::<Result<Vec<_>, _>>()?;
        if self.learn_intercept {
            self.intercept = step(self.intercept, self.learning_rate)?;
        }
        weights.copy_from_slice(&new_weights);
        Ok(true)
    }
}

/// Class 1 for a positive margin, else 0.
fn class_of(margin: i128) -> u32 {
    u32::from(margin > 0)
}

/// A binary perceptron over dense, normalised features: one weight per dimension and, when
/// averaged, one sum per dimension (else none).
#[derive(Clone, Debug, PartialEq)]
pub struct DensePerceptron {
    pub perceptron: Perceptron,
    pub weights: Vec<i64>,
    pub sums: Vec<i128>,
}

impl DensePerceptron {
    /// A model of `dimension` weights, the first ones given, the rest 0.
    pub fn new(
        perceptron: Perceptron,
        dimension: u32,
        initial: &[i64],
    ) -> Result<Self, ConfigError> {
        let dimension = dimension as usize;
        if dimension == 0 || dimension > MAX_FEATURES {
            return Err(ConfigError::InvalidDimension {
                max: MAX_FEATURES,
                got: dimension,
            });
        }
        let sums = if perceptron.averaged() {
            vec![0; dimension]
        } else {
            vec![]
        };
        let mut model = DensePerceptron {
            perceptron,
            weights: vec![0; dimension],
            sums,
        };
        model.set_weights(0, initial)?;
        Ok(model)
    }

    /// Sets the weights from `offset` on (a chunk: sending it twice changes nothing).
    pub fn set_weights(&mut self, offset: u32, weights: &[i64]) -> Result<(), ConfigError> {
        self.perceptron.ensure_settable()?;
        let start = offset as usize;
        let dimension = self.weights.len();
        let slot = self
            .weights
            .get_mut(start..start.saturating_add(weights.len()))
            .ok_or(ConfigError::WeightsOutOfRange {
                offset,
                got: weights.len(),
                dimension,
            })?;
        slot.copy_from_slice(weights);
        Ok(())
    }
}

impl Classifier for DensePerceptron {
    fn num_classes(&self) -> usize {
        2
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        let x = data.normalised_dense(self.weights.len())?;
        let live = self.perceptron.margin(&self.weights, x)?;
        let sum_terms = self
            .sums
            .iter()
            .zip(x)
            .map(|(&sum, &value)| sum.checked_mul(value as i128));
        Ok(class_of(self.perceptron.decision_margin(live, sum_terms)?))
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let x = data.normalised_dense(self.weights.len())?;
        self.perceptron
            .train(&mut self.weights, &mut self.sums, |perceptron, weights| {
                perceptron.update(weights, x, classification)
            })
    }
}

/// Where a sparse perceptron keeps its weights or sums by feature index (absent = 0): a
/// contract fills a map with the sample's features only; the simulator keeps every value
/// in a vector indexed by feature.
pub trait SparseValues<T = i64> {
    fn value(&self, index: u32) -> T;
    fn set_value(&mut self, index: u32, value: T);
}

impl<T: Copy + Default> SparseValues<T> for BTreeMap<u32, T> {
    fn value(&self, index: u32) -> T {
        self.get(&index).copied().unwrap_or_default()
    }

    fn set_value(&mut self, index: u32, value: T) {
        self.insert(index, value);
    }
}

impl<T: Copy + Default> SparseValues<T> for Vec<T> {
    fn value(&self, index: u32) -> T {
        self.get(index as usize).copied().unwrap_or_default()
    }

    fn set_value(&mut self, index: u32, value: T) {
        let at = index as usize;
        if at >= self.len() {
            self.resize(at + 1, T::default());
        }
        self[at] = value;
    }
}

/// A binary perceptron over sparse binary features: weights by feature index, absent = 0;
/// when averaged, their sums the same way (else none).
#[derive(Clone, Debug, PartialEq)]
pub struct SparsePerceptron<W = BTreeMap<u32, i64>, S = BTreeMap<u32, i128>> {
    pub perceptron: Perceptron,
    pub weights: W,
    pub sums: S,
}

impl SparsePerceptron {
    /// Sets the given weights (a chunk: sending it twice changes nothing).
    pub fn set_weights(&mut self, weights: &[(u32, i64)]) -> Result<(), ConfigError> {
        self.perceptron.ensure_settable()?;
        ensure_distinct_indices(weights.iter().map(|&(index, _)| index))?;
        self.weights.extend(weights.iter().copied());
        Ok(())
    }
}

impl<W: SparseValues, S: SparseValues<i128>> SparsePerceptron<W, S> {
    /// The sums of the given features (none for a plain model).
    fn sums_of(&self, indices: &[u32]) -> Vec<i128> {
        if !self.perceptron.averaged() {
            return vec![];
        }
        indices
            .iter()
            .map(|&index| self.sums.value(index))
            .collect()
    }
}

impl<W: SparseValues, S: SparseValues<i128>> Classifier for SparsePerceptron<W, S> {
    fn num_classes(&self) -> usize {
        2
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        let indices = data.distinct_sparse()?;
        let weights = indices.iter().map(|&index| self.weights.value(index));
        let live = self.perceptron.binary_margin(weights)?;
        let sum_terms = self
            .sums_of(indices)
            .into_iter()
            .map(|sum| sum.checked_mul(SCALE as i128));
        Ok(class_of(self.perceptron.decision_margin(live, sum_terms)?))
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let indices = data.distinct_sparse()?;
        let mut weights: Vec<i64> = indices.iter().map(|&i| self.weights.value(i)).collect();
        let mut sums = self.sums_of(indices);
        let changed = self
            .perceptron
            .train(&mut weights, &mut sums, |perceptron, weights| {
                perceptron.binary_update(weights, classification)
            })?;
        if changed {
            for (&index, weight) in indices.iter().zip(weights) {
                self.weights.set_value(index, weight);
            }
            for (&index, sum) in indices.iter().zip(sums) {
                self.sums.set_value(index, sum);
            }
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed_point::{ensure_normalised, normalised};
    use proptest::prelude::*;

    const S: i64 = SCALE;

    fn reference_scalars() -> Perceptron {
        Perceptron::new(2, 0, S, true, false, false).unwrap()
    }

    fn reference() -> (Perceptron, Vec<i64>) {
        (reference_scalars(), vec![0, S, -S, 0, 0, 0, 0, S])
    }

    #[test]
    fn spec_reference_predictions() {
        let (model, weights) = reference();
        let a = normalised(&[0., 2., 1., 0., 0., 0., 0., 0.]);
        let b = normalised(&[1., 0., 2., 0., 0., 0., 0., 0.]);
        ensure_normalised(&a).unwrap();
        assert_eq!(model.predict(&weights, &a).unwrap(), 1);
        assert_eq!(model.predict(&weights, &b).unwrap(), 0);
    }

    #[test]
    fn spec_reference_update() {
        let x = [577350259, 577350259, 577350259, 0, 0, 0, 0, 0];
        let (mut model, mut weights) = reference();
        assert!(!model.update(&mut weights, &x, 0).unwrap());
        assert_eq!(weights, reference().1);
        assert_eq!(model.intercept, 0);

        assert!(model.update(&mut weights, &x, 1).unwrap());
        assert_eq!(
            weights,
            vec![577350259, 1577350259, -422649741, 0, 0, 0, 0, 1000000000]
        );
        assert_eq!(model.intercept, S);
    }

    #[test]
    fn spec_reference_sparse() {
        // Weights [0, 5, -1]; a present feature has value SCALE.
        let all = [0, 5 * S, -S];
        let mut model = reference_scalars();
        assert_eq!(model.predict(&[all[2]], &[S]).unwrap(), 0);
        let mut present = [all[0], all[1]];
        assert_eq!(model.predict(&present, &[S, S]).unwrap(), 1);
        assert!(model.update(&mut present, &[S, S], 0).unwrap());
        assert_eq!(present, [-S, 4 * S]);
        assert_eq!(model.predict(&[present[0]], &[S]).unwrap(), 0);
        assert_eq!(model.predict(&[present[1]], &[S]).unwrap(), 1);
    }

    #[test]
    fn zero_margin_trains_only_when_asked() {
        let x = [S, 0];
        let mut textbook = Perceptron::new(2, 0, S, true, true, false).unwrap();
        let mut weights = [0, 0];
        assert!(textbook.update(&mut weights, &x, 0).unwrap());
        assert_eq!((weights, textbook.intercept), ([-S, 0], -S));
        let (mut spec, mut weights) = (reference_scalars(), [0, 0]);
        assert!(!spec.update(&mut weights, &x, 0).unwrap());
        assert_eq!(weights, [0, 0]);
    }

    #[test]
    fn configuration_is_checked() {
        assert_eq!(
            Perceptron::new(3, 0, S, true, false, false),
            Err(ConfigError::WrongClassCount {
                expected: 2,
                got: 3
            })
        );
        assert_eq!(
            Perceptron::new(2, 0, 0, true, false, false),
            Err(ConfigError::NonPositiveLearningRate { learning_rate: 0 })
        );
        let scalars = reference_scalars();
        assert!(matches!(
            DensePerceptron::new(scalars.clone(), 0, &[]),
            Err(ConfigError::InvalidDimension { got: 0, .. })
        ));
        assert!(matches!(
            DensePerceptron::new(scalars.clone(), MAX_FEATURES as u32 + 1, &[]),
            Err(ConfigError::InvalidDimension { .. })
        ));
        let mut model = DensePerceptron::new(scalars.clone(), 4, &[S]).unwrap();
        assert_eq!(model.weights, vec![S, 0, 0, 0]);
        model.set_weights(2, &[7, 8]).unwrap();
        model.set_weights(2, &[7, 8]).unwrap();
        assert_eq!(model.weights, vec![S, 0, 7, 8]);
        assert_eq!(
            model.set_weights(3, &[1, 2]),
            Err(ConfigError::WeightsOutOfRange {
                offset: 3,
                got: 2,
                dimension: 4
            })
        );
        let mut sparse = SparsePerceptron {
            perceptron: scalars,
            weights: BTreeMap::new(),
            sums: BTreeMap::new(),
        };
        assert_eq!(
            sparse.set_weights(&[(4, 1), (4, 2)]),
            Err(ConfigError::DuplicateIndex { index: 4 })
        );
        assert!(sparse.weights.is_empty());
    }

    /// Perceptrons stored before averaging existed read as plain ones.
    #[test]
    fn stored_scalars_without_averaging_read_as_plain() {
        let stored = br#"{"intercept":0,"learning_rate":1000000000,"learn_intercept":true,"update_on_zero_margin":false}"#;
        let perceptron: Perceptron = cosmwasm_std::from_json(stored).unwrap();
        assert_eq!(perceptron, reference_scalars());
    }

    #[test]
    fn an_averaged_model_takes_weights_only_before_it_trains() {
        let scalars = Perceptron::new(2, 0, S, true, false, true).unwrap();
        let mut dense = DensePerceptron::new(scalars.clone(), 2, &[S]).unwrap();
        dense.set_weights(1, &[S]).unwrap();
        let mut sparse = SparsePerceptron {
            perceptron: scalars,
            weights: BTreeMap::new(),
            sums: BTreeMap::new(),
        };
        sparse.set_weights(&[(1, -S)]).unwrap();
        assert!(dense
            .update(&Features::Dense(normalised(&[1., 0.])), 0)
            .unwrap());
        assert!(sparse.update(&Features::Sparse(vec![1]), 1).unwrap());
        let trained = (dense.clone(), sparse.clone());
        let refused = Err(ConfigError::TrainedAveragedModel {});
        assert_eq!(dense.set_weights(0, &[0]), refused);
        assert_eq!(sparse.set_weights(&[(1, 0)]), refused);
        assert_eq!((dense, sparse), trained);
    }

    #[test]
    fn sparse_takes_any_order_and_refuses_duplicates() {
        let mut model = SparsePerceptron {
            perceptron: reference_scalars(),
            weights: BTreeMap::from([(1, 5 * S), (2, -S)]),
            sums: BTreeMap::new(),
        };
        assert_eq!(model.predict(&Features::Sparse(vec![2, 1])).unwrap(), 1);
        assert_eq!(
            model.update(&Features::Sparse(vec![1, 0, 1]), 0),
            Err(SampleError::DuplicateIndex { index: 1 })
        );
        assert!(model.update(&Features::Sparse(vec![1, 0]), 0).unwrap());
        assert_eq!(
            model.weights,
            BTreeMap::from([(0, -S), (1, 4 * S), (2, -S)])
        );
    }

    #[test]
    fn intercept_can_be_frozen() {
        let (mut model, mut weights) = reference();
        model.learn_intercept = false;
        let x = [577350259, 577350259, 577350259, 0, 0, 0, 0, 0];
        assert!(model.update(&mut weights, &x, 1).unwrap());
        assert_eq!(model.intercept, 0);
    }

    #[test]
    fn overflow_is_an_error_and_changes_nothing() {
        let mut model = reference_scalars();
        // The second weight makes the prediction 0; label 1 pushes the first past i64::MAX.
        let mut weights = [i64::MAX - 1, -i64::MAX];
        let before = weights;
        let err = model.update(&mut weights, &[S, 2 * S], 1).unwrap_err();
        assert_eq!(err, SampleError::Overflow);
        assert_eq!(weights, before);
        assert_eq!(model.intercept, 0);
    }

    /// The history of a plain perceptron's weight vectors (intercept first) and its margins.
    struct History(Vec<Vec<i128>>);

    impl History {
        fn push(&mut self, intercept: i64, weights: &[i64]) {
            let mut entry = vec![intercept as i128];
            entry.extend(weights.iter().map(|&w| w as i128));
            self.0.push(entry);
        }

        /// The class of the mean of every recorded vector on `x` (the sum's sign is the mean's).
        fn class_of_mean(&self, x: &[i64]) -> u32 {
            let total: i128 = self
                .0
                .iter()
                .map(|entry| {
                    entry[0] * S as i128
                        + entry[1..]
                            .iter()
                            .zip(x)
                            .map(|(&w, &v)| w * v as i128)
                            .sum::<i128>()
                })
                .sum();
            class_of(total)
        }
    }

    proptest! {
        /// An averaged perceptron trains its live weights exactly as a plain one does and
        /// predicts the class of the mean of the weight vectors it has had, one per update
        /// (checked against that mean computed from the whole history); dense and sparse.
        #[test]
        fn averaged_predicts_with_the_mean_of_its_weights(
            samples in proptest::collection::vec(
                (proptest::collection::btree_set(0u32..6, 1..6), 0u32..2), 1..40),
            probes in proptest::collection::vec(proptest::collection::btree_set(0u32..6, 1..6), 1..8),
        ) {
            let scalars = |averaged| Perceptron::new(2, 0, S, true, true, averaged).unwrap();
            let mut plain = SparsePerceptron { perceptron: scalars(false), weights: vec![0i64; 6], sums: vec![] };
            let mut averaged = SparsePerceptron { perceptron: scalars(true), weights: BTreeMap::new(), sums: BTreeMap::new() };
            let mut dense = DensePerceptron::new(scalars(true), 6, &[]).unwrap();
            let dense_x = |indices: &std::collections::BTreeSet<u32>| {
                // Binary features scaled to unit norm: every present one the same value.
                let value = (S as f64 / (indices.len() as f64).sqrt()).round() as i64;
                (0..6).map(|i| if indices.contains(&i) { value } else { 0 }).collect::<Vec<_>>()
            };
            let mut history = History(vec![]);
            history.push(0, &plain.weights);
            let mut dense_plain = DensePerceptron::new(scalars(false), 6, &[]).unwrap();
            let mut dense_history = History(vec![]);
            dense_history.push(0, &dense_plain.weights);
            for (indices, label) in &samples {
                let sparse = Features::Sparse(indices.iter().copied().collect());
                let changed = plain.update(&sparse, *label).unwrap();
                prop_assert_eq!(averaged.update(&sparse, *label).unwrap(), changed);
                if changed {
                    history.push(plain.perceptron.intercept, &plain.weights);
                }
                let x = Features::Dense(dense_x(indices));
                let changed = dense_plain.update(&x, *label).unwrap();
                prop_assert_eq!(dense.update(&x, *label).unwrap(), changed);
                if changed {
                    dense_history.push(dense_plain.perceptron.intercept, &dense_plain.weights);
                }
            }
            prop_assert_eq!(averaged.perceptron.averaging.as_ref().unwrap().count, history.0.len() as u64);
            prop_assert_eq!(&dense.weights, &dense_plain.weights);
            for probe in &probes {
                let binary: Vec<i64> = (0..6).map(|i| if probe.contains(&i) { S } else { 0 }).collect();
                let sparse = Features::Sparse(probe.iter().copied().collect());
                prop_assert_eq!(averaged.predict(&sparse).unwrap(), history.class_of_mean(&binary));
                let x = dense_x(probe);
                prop_assert_eq!(dense.predict(&Features::Dense(x.clone())).unwrap(), dense_history.class_of_mean(&x));
            }
        }

        /// A mistaken prediction moves the margin toward the label, never away;
        /// a correct one leaves the model as it was.
        #[test]
        fn update_moves_the_margin_toward_the_label(
            raw in proptest::collection::vec(-1000i64..1000, 1..32),
            weights in proptest::collection::vec(-2 * S..2 * S, 32),
            intercept in -S..S,
            learning_rate in 1i64..2 * S,
            label in 0u32..2,
        ) {
            let x: Vec<i64> = raw.iter().map(|v| v * 1_000_000).collect();
            let mut weights = weights[..x.len()].to_vec();
            let mut model = Perceptron { intercept, learning_rate, learn_intercept: true, update_on_zero_margin: false, averaging: None };
            let before = model.margin(&weights, &x).unwrap();
            let predicted = model.predict(&weights, &x).unwrap();
            let original = (model.clone(), weights.clone());
            let changed = model.update(&mut weights, &x, label).unwrap();
            let after = model.margin(&weights, &x).unwrap();
            prop_assert_eq!(changed, predicted != label);
            if !changed {
                prop_assert_eq!((model, weights), original);
            } else if label == 1 {
                prop_assert!(after > before);
            } else {
                prop_assert!(after < before);
            }
        }
    }
}
