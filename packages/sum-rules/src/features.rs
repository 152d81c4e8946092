//! Feature vectors as contracts receive them, and the checks every model shares.
//!
//! Sparse input follows one rule for every sparse model: a list of feature indices in any
//! order; models of binary features (perceptron, nearest centroid) refuse a repeated index
//! ([`Features::distinct_sparse`]), count models (naive Bayes) count it again
//! ([`Features::sparse_counts`]).

use cosmwasm_schema::cw_serde;
use thiserror::Error;

use crate::fixed_point::ensure_normalised;

/// The most features one sample may carry (a dense dimension or sparse indices).
pub const MAX_FEATURES: usize = 4096;

/// The features of one sample.
#[cw_serde]
pub enum Features {
    /// Dense values, each scaled by `SCALE` (10^9).
    Dense(Vec<i64>),
    /// Indices of the binary features that are present.
    Sparse(Vec<u32>),
}

/// Why a sample (features and label) does not fit a model.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum SampleError {
    #[error("this model takes {expected} features")]
    WrongKind { expected: &'static str },

    #[error("expected {expected} features, got {got}")]
    WrongDimension { expected: usize, got: usize },

    #[error("too many features: at most {max}, got {got}")]
    TooMany { max: usize, got: usize },

    #[error("a sample needs at least one feature")]
    Empty,

    #[error("feature index {index} appears more than once")]
    DuplicateIndex { index: u32 },

    #[error(
        "features must be normalised: squared L2 norm {norm_squared} is not within 10^11 of 10^18"
    )]
    NotNormalised { norm_squared: i128 },

    #[error("unknown class {classification}: the model has {num_classes} classes")]
    UnknownClass {
        classification: u32,
        num_classes: usize,
    },

    #[error("got {samples} samples but {labels} labels")]
    LabelCountMismatch { samples: usize, labels: usize },

    #[error("arithmetic overflow")]
    Overflow,
}

/// Rejects a class index that is not below `num_classes`.
pub fn ensure_known_class(classification: u32, num_classes: usize) -> Result<(), SampleError> {
    if (classification as usize) < num_classes {
        Ok(())
    } else {
        Err(SampleError::UnknownClass {
            classification,
            num_classes,
        })
    }
}

impl Features {
    /// Number of values (dense) or indices (sparse).
    pub fn len(&self) -> usize {
        match self {
            Features::Dense(values) => values.len(),
            Features::Sparse(indices) => indices.len(),
        }
    }

    /// Whether there is no value at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dense values, checked to have `dimension` entries and a unit L2 norm.
    pub fn normalised_dense(&self, dimension: usize) -> Result<&[i64], SampleError> {
        let Features::Dense(values) = self else {
            return Err(SampleError::WrongKind { expected: "dense" });
        };
        if values.len() != dimension {
            return Err(SampleError::WrongDimension {
                expected: dimension,
                got: values.len(),
            });
        }
        ensure_normalised(values)?;
        Ok(values)
    }

    /// The sparse indices, checked to be non-empty and at most [`MAX_FEATURES`] long.
    fn bounded_sparse(&self) -> Result<&[u32], SampleError> {
        let Features::Sparse(indices) = self else {
            return Err(SampleError::WrongKind { expected: "sparse" });
        };
        if indices.is_empty() {
            return Err(SampleError::Empty);
        }
        if indices.len() > MAX_FEATURES {
            return Err(SampleError::TooMany {
                max: MAX_FEATURES,
                got: indices.len(),
            });
        }
        Ok(indices)
    }

    /// The sparse indices as counts: each distinct index with how often it appears,
    /// sorted by index. Checked to be non-empty and at most [`MAX_FEATURES`] long.
    pub fn sparse_counts(&self) -> Result<Vec<(u32, u64)>, SampleError> {
        let mut sorted = self.bounded_sparse()?.to_vec();
        sorted.sort_unstable();
        let mut counts: Vec<(u32, u64)> = Vec::with_capacity(sorted.len());
        for index in sorted {
            match counts.last_mut() {
                Some((last, count)) if *last == index => *count += 1,
                _ => counts.push((index, 1)),
            }
        }
        Ok(counts)
    }

    /// The sparse indices, checked to be non-empty, at most
    /// [`MAX_FEATURES`] long and free of duplicates (any order).
    pub fn distinct_sparse(&self) -> Result<&[u32], SampleError> {
        let indices = self.bounded_sparse()?;
        if indices.windows(2).all(|pair| pair[0] < pair[1]) {
            return Ok(indices); // increasing, as clients send them: no copy to sort
        }
        let mut sorted = indices.to_vec();
        sorted.sort_unstable();
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(SampleError::DuplicateIndex { index: pair[0] });
        }
        Ok(indices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SCALE;
    use cosmwasm_std::{from_json, to_json_string};

    #[test]
    fn json_shape_is_dense_or_sparse() {
        let dense: Features = from_json(br#"{"dense":[1,-2]}"#).unwrap();
        assert_eq!(dense, Features::Dense(vec![1, -2]));
        let sparse: Features = from_json(br#"{"sparse":[3,1]}"#).unwrap();
        assert_eq!(sparse, Features::Sparse(vec![3, 1]));
        assert_eq!(to_json_string(&sparse).unwrap(), r#"{"sparse":[3,1]}"#);
    }

    #[test]
    fn dense_checks_kind_dimension_and_norm() {
        let x = Features::Dense(vec![SCALE, 0]);
        assert_eq!(x.normalised_dense(2).unwrap(), &[SCALE, 0]);
        assert_eq!(
            x.normalised_dense(3),
            Err(SampleError::WrongDimension {
                expected: 3,
                got: 2
            })
        );
        assert!(matches!(
            Features::Dense(vec![SCALE, SCALE]).normalised_dense(2),
            Err(SampleError::NotNormalised { .. })
        ));
        assert_eq!(
            Features::Sparse(vec![1]).normalised_dense(1),
            Err(SampleError::WrongKind { expected: "dense" })
        );
    }

    #[test]
    fn sparse_counts_group_repeated_indices() {
        let x = Features::Sparse(vec![7, 2, 7, 9, 7]);
        assert_eq!(x.sparse_counts().unwrap(), vec![(2, 1), (7, 3), (9, 1)]);
        assert_eq!(
            Features::Sparse(vec![]).sparse_counts(),
            Err(SampleError::Empty)
        );
        assert_eq!(
            Features::Dense(vec![1]).sparse_counts(),
            Err(SampleError::WrongKind { expected: "sparse" })
        );
    }

    #[test]
    fn sparse_rejects_duplicates_empty_and_too_many() {
        assert_eq!(
            Features::Sparse(vec![5, 1]).distinct_sparse().unwrap(),
            &[5, 1]
        );
        assert_eq!(
            Features::Sparse(vec![5, 1, 5]).distinct_sparse(),
            Err(SampleError::DuplicateIndex { index: 5 })
        );
        assert_eq!(
            Features::Sparse(vec![]).distinct_sparse(),
            Err(SampleError::Empty)
        );
        let too_many = Features::Sparse((0..=MAX_FEATURES as u32).collect());
        assert_eq!(
            too_many.distinct_sparse(),
            Err(SampleError::TooMany {
                max: MAX_FEATURES,
                got: MAX_FEATURES + 1
            })
        );
        assert_eq!(
            Features::Dense(vec![1]).distinct_sparse(),
            Err(SampleError::WrongKind { expected: "sparse" })
        );
    }
}
