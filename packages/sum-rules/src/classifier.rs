//! The one interface of every model rule: predict and train over in-memory state.

use crate::features::{ensure_known_class, Features, SampleError};

/// A model rule over in-memory parameters. A contract fills it with the parameters a call
/// touches (all of them for dense models; the sample's features for sparse ones), calls
/// it and saves what changed; off-chain tools fill it with the whole model.
pub trait Classifier {
    /// Number of classes; a class index is below it.
    fn num_classes(&self) -> usize;

    /// The class predicted for one sample, after checking the sample fits the model.
    fn predict(&self, data: &Features) -> Result<u32, SampleError>;

    /// Trains on one sample whose class is known to exist; answers whether any parameter
    /// changed. On error nothing has changed.
    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError>;

    /// Checks the class, then trains on one sample (see [`Classifier::learn`]).
    fn update(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        ensure_known_class(classification, self.num_classes())?;
        self.learn(data, classification)
    }

    /// How many of the samples are predicted as labelled.
    fn evaluate(&self, samples: &[Features], labels: &[u32]) -> Result<u32, SampleError> {
        if samples.len() != labels.len() {
            return Err(SampleError::LabelCountMismatch {
                samples: samples.len(),
                labels: labels.len(),
            });
        }
        let mut correct = 0;
        for (sample, &label) in samples.iter().zip(labels) {
            if self.predict(sample)? == label {
                correct += 1;
            }
        }
        Ok(correct)
    }
}
