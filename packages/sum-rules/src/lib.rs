//! Every SUM rule as plain Rust over plain types, with no storage, `Deps` or `Env` in any
//! signature: the contracts load what a call touches into these types, call the rule and
//! save; benchmarks and the simulator call the same rules natively.

pub mod averaging;
pub mod centroid;
pub mod claim;
pub mod classifier;
pub mod config;
pub mod features;
pub mod fixed_point;
pub mod log;
pub mod market;
pub mod naive_bayes;
pub mod perceptron;
pub mod points;
pub mod sparse_centroid;
pub mod stakeable;

pub use classifier::Classifier;
pub use config::ConfigError;
pub use features::{ensure_known_class, Features, SampleError, MAX_FEATURES};
pub use fixed_point::SCALE;
