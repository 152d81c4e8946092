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
    /// An external embedding of the given dimension, then L2-normalised.
    Embedding { name: String, dimension: u32 },
}
