//! The binary perceptron rule shared by the dense and the sparse perceptron (SPEC §3).
//!
//! Plain arithmetic over slices, no storage: the dense contract passes all its weights
//! and the sample's values; the sparse contract passes the weights of the present
//! features and `SCALE` as each of their values.

use cosmwasm_schema::cw_serde;
use thiserror::Error;

use crate::features::SampleError;
use crate::fixed_point::{scaled_mul, SCALE};

/// A perceptron's scalar parameters; its weights live beside it.
#[cw_serde]
pub struct Perceptron {
    /// Intercept (×10^9).
    pub intercept: i64,
    /// Learning rate (×10^9).
    pub learning_rate: i64,
    /// Whether updates move the intercept.
    pub learn_intercept: bool,
}

/// Why a perceptron cannot be instantiated as asked.
#[derive(Error, Debug, PartialEq)]
pub enum PerceptronConfigError {
    #[error("a binary perceptron needs exactly 2 classes, got {got}")]
    WrongClassCount { got: usize },

    #[error("the learning rate must be positive, got {learning_rate}")]
    NonPositiveLearningRate { learning_rate: i64 },
}

impl Perceptron {
    /// A binary perceptron's parameters, checked: two classes and a positive learning rate;
    /// the intercept is learned unless `learn_intercept` says otherwise.
    pub fn new(
        classes: &[String],
        intercept: i64,
        learning_rate: i64,
        learn_intercept: Option<bool>,
    ) -> Result<Self, PerceptronConfigError> {
        if classes.len() != 2 {
            return Err(PerceptronConfigError::WrongClassCount { got: classes.len() });
        }
        if learning_rate <= 0 {
            return Err(PerceptronConfigError::NonPositiveLearningRate { learning_rate });
        }
        Ok(Perceptron {
            intercept,
            learning_rate,
            learn_intercept: learn_intercept.unwrap_or(true),
        })
    }

    /// `intercept·SCALE + Σ wᵢ·xᵢ`, a value scaled by SCALE².
    pub fn margin(&self, weights: &[i64], x: &[i64]) -> Result<i128, SampleError> {
        weights
            .iter()
            .zip(x)
            .try_fold(self.intercept as i128 * SCALE as i128, |acc, (&w, &v)| {
                acc.checked_add(w as i128 * v as i128)
                    .ok_or(SampleError::Overflow)
            })
    }

    /// Class 1 when the margin is positive, else 0.
    pub fn predict(&self, weights: &[i64], x: &[i64]) -> Result<u32, SampleError> {
        Ok(u32::from(self.margin(weights, x)? > 0))
    }

    /// Trains on `(x, label)`: when the prediction differs from `label`, moves every
    /// weight by `±xᵢ·lr/SCALE` and (if learned) the intercept by `±lr`.
    /// Returns whether anything changed; on error nothing has.
    pub fn update(
        &mut self,
        weights: &mut [i64],
        x: &[i64],
        label: u32,
    ) -> Result<bool, SampleError> {
        if self.predict(weights, x)? == label {
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
            .zip(x)
            .map(|(&w, &v)| step(w, scaled_mul(v, self.learning_rate)?))
            .collect::<Result<Vec<_>, _>>()?;
        if self.learn_intercept {
            self.intercept = step(self.intercept, self.learning_rate)?;
        }
        weights.copy_from_slice(&new_weights);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed_point::ensure_normalised;
    use proptest::prelude::*;

    const S: i64 = SCALE;

    fn reference() -> (Perceptron, Vec<i64>) {
        let model = Perceptron {
            intercept: 0,
            learning_rate: S,
            learn_intercept: true,
        };
        (model, vec![0, S, -S, 0, 0, 0, 0, S])
    }

    /// Rounds a real vector, L2-normalised, to fixed point.
    fn normalised(x: &[f64]) -> Vec<i64> {
        let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        x.iter()
            .map(|v| (v / norm * S as f64).round() as i64)
            .collect()
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
        let mut model = Perceptron {
            intercept: 0,
            learning_rate: S,
            learn_intercept: true,
        };
        assert_eq!(model.predict(&[all[2]], &[S]).unwrap(), 0);
        let mut present = [all[0], all[1]];
        assert_eq!(model.predict(&present, &[S, S]).unwrap(), 1);
        assert!(model.update(&mut present, &[S, S], 0).unwrap());
        assert_eq!(present, [-S, 4 * S]);
        assert_eq!(model.predict(&[present[0]], &[S]).unwrap(), 0);
        assert_eq!(model.predict(&[present[1]], &[S]).unwrap(), 1);
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
        let mut model = Perceptron {
            intercept: 0,
            learning_rate: S,
            learn_intercept: true,
        };
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
            let mut model = Perceptron { intercept, learning_rate, learn_intercept: true };
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
