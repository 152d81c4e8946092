//! Everything two or more SUM contracts share: the interface messages of models,
//! incentive mechanisms and the data handler (each with a small typed helper for calling
//! it), the component gate, migration checks and reply parsing. The rules themselves live
//! in `sum-rules`; their input types are re-exported here.

pub mod component;
pub mod data_handler;
pub mod encoder;
pub mod gate;
pub mod incentive;
pub mod migrate;
pub mod model;
pub mod reply;

pub use encoder::{Encoder, EncoderError};
pub use sum_rules::{ensure_known_class, Features, SampleError, MAX_FEATURES, SCALE};
