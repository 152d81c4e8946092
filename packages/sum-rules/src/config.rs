//! Why a model's parameters (at instantiation or in a chunk before the hand-over) are refused.

use thiserror::Error;

/// A refused model configuration or chunk.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum ConfigError {
    #[error("this model needs exactly {expected} classes, got {got}")]
    WrongClassCount { expected: usize, got: usize },

    #[error("the model needs at least one class")]
    NoClasses {},

    #[error("class name {name:?} appears more than once")]
    DuplicateClass { name: String },

    #[error("the learning rate must be positive, got {learning_rate}")]
    NonPositiveLearningRate { learning_rate: i64 },

    #[error("the model needs between 1 and {max} features, got {got}")]
    InvalidDimension { max: usize, got: usize },

    #[error("{got} weights from offset {offset} do not fit the dimension {dimension}")]
    WeightsOutOfRange {
        offset: u32,
        got: usize,
        dimension: usize,
    },

    #[error(
        "smoothing and vocabulary size must be positive, got {smoothing} and {vocabulary_size}"
    )]
    InvalidHyperparameters {
        smoothing: u64,
        vocabulary_size: u64,
    },

    #[error("the centroid of class {class:?} has {got} values, the model has {expected} features")]
    CentroidDimension {
        class: String,
        expected: usize,
        got: usize,
    },

    #[error(
        "centroid value {value} of feature {index} is out of range: at most {max} in magnitude"
    )]
    CentroidValueOutOfRange { index: u32, value: i128, max: i128 },

    #[error("class {class:?} has no samples, so it can have no centroid values")]
    ValuesWithoutSamples { class: String },

    #[error("class {class:?} stands for {stored} samples: a chunk may not change that to {got}")]
    CountChanged {
        class: String,
        stored: u64,
        got: u64,
    },

    #[error("feature index {index} appears more than once in one chunk")]
    DuplicateIndex { index: u32 },

    #[error("class {class} does not exist: the model has {num_classes} classes")]
    UnknownClass { class: u32, num_classes: usize },

    #[error("an averaged model's weights can be set only before it trains (setting them later would move its mean by the whole change)")]
    TrainedAveragedModel {},

    #[error("arithmetic overflow in the model's parameters")]
    Overflow {},
}

/// Rejects an empty class list and repeated class names.
pub fn ensure_class_names(names: &[String]) -> Result<(), ConfigError> {
    if names.is_empty() {
        return Err(ConfigError::NoClasses {});
    }
    for (position, name) in names.iter().enumerate() {
        if names[..position].contains(name) {
            return Err(ConfigError::DuplicateClass { name: name.clone() });
        }
    }
    Ok(())
}

/// Rejects a chunk that names one index twice.
pub fn ensure_distinct_indices(indices: impl IntoIterator<Item = u32>) -> Result<(), ConfigError> {
    let mut sorted: Vec<u32> = indices.into_iter().collect();
    sorted.sort_unstable();
    match sorted.windows(2).find(|pair| pair[0] == pair[1]) {
        Some(pair) => Err(ConfigError::DuplicateIndex { index: pair[0] }),
        None => Ok(()),
    }
}
