//! SUM data handler: stores every contribution under a sequential id, with its deposit
//! bookkeeping and the addresses that have claimed from it. Only its trainer may write.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
