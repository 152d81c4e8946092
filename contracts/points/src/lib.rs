//! SUM incentive mechanism "points": adding data is free and no funds ever move. A
//! contribution the model agrees with after the refund wait earns its contributor a point
//! (a refund); one it disagrees with can be reported by anyone else. Each contribution is
//! claimed once. Points are public, with a leaderboard.

pub mod contract;
pub mod error;
pub mod msg;
pub mod state;

pub use crate::error::ContractError;
