//! The multinomial naive Bayes rule in fixed-point log space (SPEC §3), over plain values.

use cosmwasm_schema::cw_serde;
use sum_common::log::ln;
use sum_common::{SampleError, SCALE};

use crate::state::ClassStats;

/// Hyper-parameters.
#[cw_serde]
pub struct NaiveBayes {
    /// α ×10^9.
    pub smoothing: u64,
    /// V.
    pub vocabulary_size: u64,
}

/// One distinct feature of a sample: how often it occurs and its count in every class.
pub struct FeatureEvidence<'a> {
    pub occurrences: u64,
    pub class_counts: &'a [u64],
}

impl NaiveBayes {
    /// `log P(c) + Σ log((count_c,i + α) / (total_c + α·V))` for class `c`, ×10^18, without the
    /// `−log N` every class shares; `None` for a class without samples (P(c) = 0).
    pub fn log_score(
        &self,
        class_index: usize,
        class: &ClassStats,
        evidence: &[FeatureEvidence],
    ) -> Result<Option<i128>, SampleError> {
        let Some(prior) = ln(class.num_samples as u128) else {
            return Ok(None);
        };
        let alpha = self.smoothing as u128;
        let denominator = (class.total_count as u128)
            .checked_mul(SCALE as u128)
            .and_then(|t| t.checked_add(alpha.checked_mul(self.vocabulary_size as u128)?))
            .ok_or(SampleError::Overflow)?;
        let log_denominator = ln(denominator).ok_or(SampleError::Overflow)?;
        let mut score = prior;
        for feature in evidence {
            let count = feature.class_counts.get(class_index).copied().unwrap_or(0) as u128;
            let numerator = count * SCALE as u128 + alpha;
            let term = ln(numerator).ok_or(SampleError::Overflow)? - log_denominator;
            score = term
                .checked_mul(i128::from(feature.occurrences))
                .and_then(|t| score.checked_add(t))
                .ok_or(SampleError::Overflow)?;
        }
        Ok(Some(score))
    }

    /// The class with the highest score; ties go to the lowest index, and a model whose
    /// classes have no samples answers 0.
    pub fn predict(
        &self,
        classes: &[ClassStats],
        evidence: &[FeatureEvidence],
    ) -> Result<u32, SampleError> {
        let mut best: Option<(usize, i128)> = None;
        for (index, class) in classes.iter().enumerate() {
            if let Some(score) = self.log_score(index, class, evidence)? {
                if best.is_none_or(|(_, top)| score > top) {
                    best = Some((index, score));
                }
            }
        }
        Ok(best.map_or(0, |(index, _)| index as u32))
    }
}

/// Adds `occurrences` of a feature to `class` in its per-class counts, checked.
pub fn add_count(counts: &mut Vec<u64>, class: usize, occurrences: u64) -> Result<(), SampleError> {
    if counts.len() <= class {
        counts.resize(class + 1, 0);
    }
    counts[class] = counts[class]
        .checked_add(occurrences)
        .ok_or(SampleError::Overflow)?;
    Ok(())
}

/// Adds one sample's totals to its class, checked.
pub fn add_sample(class: &mut ClassStats, samples: u64, features: u64) -> Result<(), SampleError> {
    class.num_samples = class
        .num_samples
        .checked_add(samples)
        .ok_or(SampleError::Overflow)?;
    class.total_count = class
        .total_count
        .checked_add(features)
        .ok_or(SampleError::Overflow)?;
    Ok(())
}
