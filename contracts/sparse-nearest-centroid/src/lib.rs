//! SUM model: nearest centroid over sparse binary features (multi-class), with centroids
//! kept as per-feature sums so that an update costs O(|x|), not O(dimension).

pub mod centroid;
pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
