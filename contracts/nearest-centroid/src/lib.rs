//! SUM model: nearest centroid over dense, normalised fixed-point features (multi-class).

pub mod centroid;
pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
