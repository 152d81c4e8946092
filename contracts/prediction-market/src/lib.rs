//! SUM incentive mechanism "prediction market": a bounty provider pays for improving the
//! model's accuracy on a hidden test set. Contributors stake; the model trains on their
//! data only after the test set is revealed, in bounded batches, each contribution scored
//! by the change of accuracy it causes. See README.md beside this crate for the design.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
