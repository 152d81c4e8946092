//! How clients turn raw input into [`crate::Features`] (an off-chain convention, docs/encoders.md).

use cosmwasm_schema::cw_serde;

/// The encoder a model expects its input to have gone through.
#[cw_serde]
pub enum Encoder {
    /// Integers as given.
    None,
    /// L2-normalise the real values, then multiply each by 10^9 and round (dense models).
    FixedPoint,
    /// Lower-case, split on white space, MurmurHash3 x86 32-bit (seed 0) of each word.
    Murmurhash3,
    /// Index of each token in a named vocabulary.
    Vocabulary { name: String },
    /// An external embedding of the given dimension; the values at `feature_indices` (all of
    /// them when absent), in that order, L2-normalised.
    Embedding {
        name: String,
        dimension: u32,
        /// The positions of the embedding's output that the model reads (distinct, each below
        /// `dimension`), as the original system's `featureIndices`.
        feature_indices: Option<Vec<u32>>,
    },
}

/// Why an encoder cannot be recorded.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncoderError {
    #[error("feature index {index} is outside the embedding's dimension {dimension}")]
    FeatureIndexOutOfRange { index: u32, dimension: u32 },
    #[error("feature index {index} is picked twice")]
    RepeatedFeatureIndex { index: u32 },
    #[error("an embedding must pick at least one feature")]
    NoFeatureIndices {},
}

impl Encoder {
    /// Checks what the encoder names: an embedding's feature indices are distinct and each
    /// below its dimension.
    pub fn validate(&self) -> Result<(), EncoderError> {
        let Encoder::Embedding {
            dimension,
            feature_indices: Some(indices),
            ..
        } = self
        else {
            return Ok(());
        };
        if indices.is_empty() {
            return Err(EncoderError::NoFeatureIndices {});
        }
        let mut seen = std::collections::BTreeSet::new();
        for &index in indices {
            if index >= *dimension {
                return Err(EncoderError::FeatureIndexOutOfRange {
                    index,
                    dimension: *dimension,
                });
            }
            if !seen.insert(index) {
                return Err(EncoderError::RepeatedFeatureIndex { index });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedding(indices: Option<Vec<u32>>) -> Encoder {
        Encoder::Embedding {
            name: "e".into(),
            dimension: 4,
            feature_indices: indices,
        }
    }

    #[test]
    fn feature_indices_are_distinct_and_in_range() {
        assert_eq!(embedding(None).validate(), Ok(()));
        assert_eq!(embedding(Some(vec![3, 0])).validate(), Ok(()));
        assert_eq!(
            embedding(Some(vec![1, 4])).validate(),
            Err(EncoderError::FeatureIndexOutOfRange {
                index: 4,
                dimension: 4
            })
        );
        assert_eq!(
            embedding(Some(vec![2, 2])).validate(),
            Err(EncoderError::RepeatedFeatureIndex { index: 2 })
        );
        assert_eq!(
            embedding(Some(vec![])).validate(),
            Err(EncoderError::NoFeatureIndices {})
        );
    }

    #[test]
    fn an_embedding_without_feature_indices_still_parses() {
        let encoder: Encoder =
            cosmwasm_std::from_json(r#"{"embedding":{"name":"use","dimension":512}}"#).unwrap();
        assert_eq!(
            encoder,
            Encoder::Embedding {
                name: "use".into(),
                dimension: 512,
                feature_indices: None
            }
        );
    }
}
