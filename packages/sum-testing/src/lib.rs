//! SUM on an in-process chain (cw-multi-test): every contract wrapped, and a [`Suite`]
//! that deploys a complete model stack and speaks the trainer's interface, so tests and
//! the demo read as scenarios.

pub mod contracts;
pub mod suite;

pub use suite::{
    addr, assert_error, funded_app, normalised, reference_dense_perceptron,
    reference_sparse_perceptron, standard_incentive, ModelSetup, ModelSpec, Suite, DENOM,
};
