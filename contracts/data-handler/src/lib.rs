//! SUM data handler: stores every contribution (contributor, features, label, time) under
//! the id its trainer assigned, so the data outlives any one model. Only its trainer may
//! write; the claim accounting lives beside the funds, in the incentive mechanism.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
