//! Everything two or more SUM contracts share: the feature types, the fixed-point
//! conventions, and the interface messages of models, incentive mechanisms and the
//! data handler, each with a small typed helper for calling it.

pub mod control;
pub mod data_handler;
pub mod encoder;
pub mod features;
pub mod fixed_point;
pub mod incentive;
pub mod log;
pub mod migrate;
pub mod model;
pub mod perceptron;
pub mod reply;

pub use encoder::Encoder;
pub use features::{ensure_known_class, Features, SampleError, MAX_FEATURES};
pub use fixed_point::SCALE;
