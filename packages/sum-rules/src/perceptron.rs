//! The binary perceptron (dense and sparse), over plain values.
//!
//! Predict: `m = b·10^9 + Σ wᵢ·xᵢ`, class 1 when `m > 0`. Train: when the prediction is
//! wrong (or, with `update_on_zero_margin`, when `m = 0` for class 0, scikit-learn's rule),
//! `wᵢ ± xᵢ·lr/10^9` and, if learned, `b ± lr`. A sparse sample's present features have
//! the value `10^9`.

use std::collections::BTreeMap;

use cosmwasm_schema::cw_serde;

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
}

impl Perceptron {
    /// A binary perceptron's scalars, checked: two classes and a positive learning rate.
    pub fn new(
        num_classes: usize,
        intercept: i64,
        learning_rate: i64,
        learn_intercept: bool,
        update_on_zero_margin: bool,
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
        })
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

    /// Class 1 when the margin is positive, else 0.
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

/// A binary perceptron over dense, normalised features: one weight per dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DensePerceptron {
    pub perceptron: Perceptron,
    pub weights: Vec<i64>,
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
        let mut model = DensePerceptron {
            perceptron,
            weights: vec![0; dimension],
        };
        model.set_weights(0, initial)?;
        Ok(model)
    }

    /// Sets the weights from `offset` on (a chunk: sending it twice changes nothing).
    pub fn set_weights(&mut self, offset: u32, weights: &[i64]) -> Result<(), ConfigError> {
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
        self.perceptron.predict(&self.weights, x)
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let x = data.normalised_dense(self.weights.len())?;
        self.perceptron.update(&mut self.weights, x, classification)
    }
}

/// Where a sparse perceptron keeps its weights (absent = 0): a contract fills a map with the
/// sample's features only; the simulator keeps every weight in a vector indexed by feature.
pub trait SparseWeights {
    fn weight(&self, index: u32) -> i64;
    fn set_weight(&mut self, index: u32, value: i64);
}

impl SparseWeights for BTreeMap<u32, i64> {
    fn weight(&self, index: u32) -> i64 {
        self.get(&index).copied().unwrap_or(0)
    }

    fn set_weight(&mut self, index: u32, value: i64) {
        self.insert(index, value);
    }
}

impl SparseWeights for Vec<i64> {
    fn weight(&self, index: u32) -> i64 {
        self.get(index as usize).copied().unwrap_or(0)
    }

    fn set_weight(&mut self, index: u32, value: i64) {
        let at = index as usize;
        if at >= self.len() {
            self.resize(at + 1, 0);
        }
        self[at] = value;
    }
}

/// A binary perceptron over sparse binary features: weights by feature index, absent = 0.
#[derive(Clone, Debug, PartialEq)]
pub struct SparsePerceptron<W = BTreeMap<u32, i64>> {
    pub perceptron: Perceptron,
    pub weights: W,
}

impl SparsePerceptron {
    /// Sets the given weights (a chunk: sending it twice changes nothing).
    pub fn set_weights(&mut self, weights: &[(u32, i64)]) -> Result<(), ConfigError> {
        ensure_distinct_indices(weights.iter().map(|&(index, _)| index))?;
        self.weights.extend(weights.iter().copied());
        Ok(())
    }
}

impl<W: SparseWeights> SparsePerceptron<W> {
    fn weights_of(&self, indices: &[u32]) -> Vec<i64> {
        indices
            .iter()
            .map(|&index| self.weights.weight(index))
            .collect()
    }
}

impl<W: SparseWeights> Classifier for SparsePerceptron<W> {
    fn num_classes(&self) -> usize {
        2
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        let indices = data.distinct_sparse()?;
        let weights = indices.iter().map(|&index| self.weights.weight(index));
        Ok(class_of(self.perceptron.binary_margin(weights)?))
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let indices = data.distinct_sparse()?;
        let mut weights = self.weights_of(indices);
        let changed = self
            .perceptron
            .binary_update(&mut weights, classification)?;
        if changed {
            for (&index, weight) in indices.iter().zip(weights) {
                self.weights.set_weight(index, weight);
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
        Perceptron::new(2, 0, S, true, false).unwrap()
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
        let mut textbook = Perceptron::new(2, 0, S, true, true).unwrap();
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
            Perceptron::new(3, 0, S, true, false),
            Err(ConfigError::WrongClassCount {
                expected: 2,
                got: 3
            })
        );
        assert_eq!(
            Perceptron::new(2, 0, 0, true, false),
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
        };
        assert_eq!(
            sparse.set_weights(&[(4, 1), (4, 2)]),
            Err(ConfigError::DuplicateIndex { index: 4 })
        );
        assert!(sparse.weights.is_empty());
    }

    #[test]
    fn sparse_takes_any_order_and_refuses_duplicates() {
        let mut model = SparsePerceptron {
            perceptron: reference_scalars(),
            weights: BTreeMap::from([(1, 5 * S), (2, -S)]),
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

    proptest! {
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
            let mut model = Perceptron { intercept, learning_rate, learn_intercept: true, update_on_zero_margin: false };
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
