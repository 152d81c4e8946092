//! SUM model: a binary perceptron over dense, normalised fixed-point features.

pub mod contract;
pub mod msg;
pub mod state;
