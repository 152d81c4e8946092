//! SUM incentive mechanism "stakeable": deposit, refund and take (self-assessment, SPEC §4).
//!
//! Contributors pay a deposit that grows the more recently the model was updated; they get it
//! back if the model still agrees with them after `refund_wait`; others who have contributed
//! good data may take part of the deposit of data the model disagrees with.

pub mod contract;
pub mod error;
pub mod msg;
pub mod rules;
pub mod state;

pub use crate::error::ContractError;
