//! SUM model: multinomial naive Bayes over sparse feature counts (multi-class), scored in
//! fixed-point log space so that long inputs do not underflow.

pub mod contract;
pub mod error;
pub mod msg;
pub mod naive_bayes;
pub mod state;

pub use crate::error::ContractError;
