//! SUM on an in-process chain (cw-multi-test): every contract wrapped, a [`Suite`] that
//! deploys a complete model stack and speaks the trainer's interface, a raw-state
//! [`snapshot::Snapshot`] for "nothing changed" checks, and one fixture per model for the
//! conformance suite.

pub mod contracts;
pub mod fixtures;
pub mod market;
pub mod snapshot;
pub mod suite;

pub use suite::{
    addr, assert_error, east_west_perceptron, funded_app, incentive, market_incentive, normalised,
    points_incentive, standard_incentive, IncentiveSpec, ModelSetup, ModelSpec, Suite, DENOM,
};
