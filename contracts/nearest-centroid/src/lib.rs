//! SUM model: nearest centroid over dense, normalised fixed-point features.

pub mod contract;
pub mod msg;
pub mod state;
