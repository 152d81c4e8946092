//! SUM incentive mechanism "deposit, refund and take" (self-assessment): prices additions,
//! holds the deposits with their claim accounting, and pays refunds and reports under the
//! rules of `sum_rules::stakeable`. Only its trainer may call it.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
