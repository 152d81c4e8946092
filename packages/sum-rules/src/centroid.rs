//! Nearest centroid over dense, normalised features, over plain values.
//!
//! Predict: the class whose centroid is nearest in squared Euclidean distance (ties go to
//! the lowest index; classes without samples are passed over). Train: the running mean
//! `c ← (c·n + x)/(n+1)`, `n ← n+1`. Centroid values are bounded by
//! [`MAX_CENTROID_VALUE`], so no distance can overflow and lock deposits.

use cosmwasm_schema::cw_serde;

use crate::classifier::Classifier;
use crate::config::ConfigError;
use crate::features::{Features, SampleError, MAX_FEATURES};
use crate::fixed_point::SCALE;

/// The largest centroid value in magnitude (×10^9): 1000.0. Normalised samples have
/// values in [−1, 1], so running means of them stay far inside it.
pub const MAX_CENTROID_VALUE: i64 = 1000 * SCALE;

/// A class's centroid (×10^9) and the number of samples it stands for.
#[cw_serde]
pub struct Centroid {
    pub values: Vec<i64>,
    pub count: u64,
}

impl Centroid {
    /// `Σ (xᵢ − cᵢ)²`, ×10^18, checked.
    pub fn squared_distance(&self, x: &[i64]) -> Result<i128, SampleError> {
        self.values.iter().zip(x).try_fold(0i128, |acc, (&c, &v)| {
            let d = v as i128 - c as i128;
            d.checked_mul(d)
                .and_then(|square| acc.checked_add(square))
                .ok_or(SampleError::Overflow)
        })
    }

    /// The running mean: `c ← (c·n + x) / (n + 1)` (rounded toward zero), `n ← n + 1`.
    /// On error nothing has changed.
    pub fn update(&mut self, x: &[i64]) -> Result<(), SampleError> {
        let n = self.count as i128;
        let values = self
            .values
            .iter()
            .zip(x)
            .map(|(&c, &v)| {
                let mean = (c as i128 * n + v as i128) / (n + 1);
                i64::try_from(mean).map_err(|_| SampleError::Overflow)
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.count = self.count.checked_add(1).ok_or(SampleError::Overflow)?;
        self.values = values;
        Ok(())
    }
}

/// The class whose centroid is nearest; ties go to the lowest index, classes without
/// samples are passed over, and a model none of whose classes has samples answers 0.
pub fn nearest<'a>(
    centroids: impl IntoIterator<Item = &'a Centroid>,
    x: &[i64],
) -> Result<u32, SampleError> {
    let mut best: Option<(u32, i128)> = None;
    for (index, centroid) in centroids.into_iter().enumerate() {
        if centroid.count == 0 {
            continue;
        }
        let distance = centroid.squared_distance(x)?;
        if best.is_none_or(|(_, nearest)| distance < nearest) {
            best = Some((index as u32, distance));
        }
    }
    Ok(best.map_or(0, |(index, _)| index))
}

/// A nearest-centroid model: one centroid per class, each of `dimension` values.
#[derive(Clone, Debug, PartialEq)]
pub struct NearestCentroid {
    pub dimension: usize,
    pub centroids: Vec<Centroid>,
}

impl NearestCentroid {
    /// An empty model of `dimension` features, checked.
    pub fn new(dimension: u32) -> Result<Self, ConfigError> {
        let dimension = dimension as usize;
        if dimension == 0 || dimension > MAX_FEATURES {
            return Err(ConfigError::InvalidDimension {
                max: MAX_FEATURES,
                got: dimension,
            });
        }
        Ok(NearestCentroid {
            dimension,
            centroids: vec![],
        })
    }

    /// Checks a centroid of class `name` against the dimension and the value bound.
    pub fn check_centroid(&self, name: &str, values: &[i64]) -> Result<(), ConfigError> {
        if values.len() != self.dimension {
            return Err(ConfigError::CentroidDimension {
                class: name.to_string(),
                expected: self.dimension,
                got: values.len(),
            });
        }
        match values.iter().position(|v| v.abs() > MAX_CENTROID_VALUE) {
            Some(index) => Err(ConfigError::CentroidValueOutOfRange {
                index: index as u32,
                value: values[index] as i128,
                max: MAX_CENTROID_VALUE as i128,
            }),
            None => Ok(()),
        }
    }
}

impl Classifier for NearestCentroid {
    fn num_classes(&self) -> usize {
        self.centroids.len()
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        nearest(&self.centroids, data.normalised_dense(self.dimension)?)
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let x = data.normalised_dense(self.dimension)?;
        self.centroids[classification as usize].update(x)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed_point::normalised;
    use crate::SCALE;
    use proptest::prelude::*;

    const S: i64 = SCALE;

    #[test]
    fn spec_reference() {
        let centroids = [
            Centroid {
                values: vec![-S, -S],
                count: 2,
            },
            Centroid {
                values: vec![S, S],
                count: 2,
            },
        ];
        assert_eq!(nearest(&centroids, &normalised(&[-1.5, -0.5])).unwrap(), 0);
        assert_eq!(nearest(&centroids, &normalised(&[0.5, 1.5])).unwrap(), 1);
        let mut one = centroids[1].clone();
        one.update(&normalised(&[4.0, 4.0])).unwrap();
        assert_eq!(
            one,
            Centroid {
                values: vec![902368927, 902368927],
                count: 3
            }
        );
    }

    #[test]
    fn empty_classes_are_passed_over_and_ties_go_low() {
        let centroids = [
            Centroid {
                values: vec![0, 0],
                count: 0,
            },
            Centroid {
                values: vec![S, 0],
                count: 1,
            },
            Centroid {
                values: vec![S, 0],
                count: 1,
            },
        ];
        assert_eq!(nearest(&centroids, &[0, S]).unwrap(), 1);
        let mut empty = centroids[0].clone();
        empty.update(&[0, S]).unwrap();
        assert_eq!(
            empty,
            Centroid {
                values: vec![0, S],
                count: 1
            }
        );
    }

    #[test]
    fn centroids_are_bounded_and_sized() {
        let model = NearestCentroid::new(2).unwrap();
        assert_eq!(
            model.check_centroid("a", &[0]),
            Err(ConfigError::CentroidDimension {
                class: "a".into(),
                expected: 2,
                got: 1
            })
        );
        assert_eq!(
            model.check_centroid("a", &[0, -MAX_CENTROID_VALUE - 1]),
            Err(ConfigError::CentroidValueOutOfRange {
                index: 1,
                value: -MAX_CENTROID_VALUE as i128 - 1,
                max: MAX_CENTROID_VALUE as i128
            })
        );
        model
            .check_centroid("a", &[MAX_CENTROID_VALUE, -MAX_CENTROID_VALUE])
            .unwrap();
        assert!(NearestCentroid::new(0).is_err());
    }

    proptest! {
        /// With bounded centroids no distance to a normalised sample overflows.
        #[test]
        fn bounded_centroids_never_overflow(sign in proptest::bool::ANY, position in 0usize..MAX_FEATURES) {
            let value = if sign { MAX_CENTROID_VALUE } else { -MAX_CENTROID_VALUE };
            let centroid = Centroid { values: vec![value; MAX_FEATURES], count: 1 };
            let mut x = vec![0; MAX_FEATURES];
            x[position] = if sign { -S } else { S };
            prop_assert!(centroid.squared_distance(&x).is_ok());
        }


        /// After an update the centroid is no farther from the sample than before.
        #[test]
        fn update_moves_toward_the_sample(
            values in proptest::collection::vec(-2 * S..2 * S, 4),
            x in proptest::collection::vec(-S..S, 4),
            count in 0u64..1000,
        ) {
            let mut centroid = Centroid { values, count };
            let before = centroid.squared_distance(&x).unwrap();
            centroid.update(&x).unwrap();
            prop_assert!(centroid.squared_distance(&x).unwrap() <= before);
            prop_assert_eq!(centroid.count, count + 1);
        }
    }
}
