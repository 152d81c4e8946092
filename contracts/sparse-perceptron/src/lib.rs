//! SUM model: a binary perceptron over sparse binary features.

pub mod contract;
pub mod msg;
pub mod state;
