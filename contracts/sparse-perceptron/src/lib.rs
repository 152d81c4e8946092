//! SUM model: a binary perceptron over sparse binary features.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
