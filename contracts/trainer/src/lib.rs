//! SUM trainer: the one public entry point of a model. It instantiates its data handler,
//! model and incentive mechanism, then routes every addition, refund and report through them.

pub mod contract;
pub mod error;
pub mod msg;
pub mod owner;
mod reply;
pub mod state;

pub use crate::error::ContractError;
