//! Multinomial naive Bayes in fixed-point log space, over plain values.
//!
//! Predict: the class maximising `log P(c) + Σ_{i∈x} log((count_c,i + α)/(total_c + α·V))`
//! (ties go to the lowest index; classes without samples never win). Train on `(x, y)`:
//! `samples_y += 1`, each index's count `+= 1` per occurrence, `total_y += |x|`.

use std::collections::BTreeMap;

use cosmwasm_schema::cw_serde;

use crate::classifier::Classifier;
use crate::config::{ensure_distinct_indices, ConfigError};
use crate::features::{Features, SampleError};
use crate::fixed_point::SCALE;
use crate::log::ln;

/// Hyper-parameters.
#[cw_serde]
pub struct Smoothing {
    /// Additive smoothing α (×10^9; 10^9 is Laplace smoothing).
    pub smoothing: u64,
    /// V, the vocabulary size in the smoothing denominator.
    pub vocabulary_size: u64,
}

impl Smoothing {
    /// Checked: both positive.
    pub fn new(smoothing: u64, vocabulary_size: u64) -> Result<Self, ConfigError> {
        if smoothing == 0 || vocabulary_size == 0 {
            return Err(ConfigError::InvalidHyperparameters {
                smoothing,
                vocabulary_size,
            });
        }
        Ok(Smoothing {
            smoothing,
            vocabulary_size,
        })
    }
}

/// A class's totals.
#[cw_serde]
#[derive(Default)]
pub struct ClassTotals {
    pub num_samples: u64,
    /// Sum of all its feature counts.
    pub total_count: u64,
}

/// A naive Bayes model. `counts` maps a feature index to its count in each class (by
/// class index; missing entries are 0); a contract fills it with the sample's features.
#[derive(Clone, Debug, PartialEq)]
pub struct NaiveBayes {
    pub smoothing: Smoothing,
    pub classes: Vec<ClassTotals>,
    pub counts: BTreeMap<u32, Vec<u64>>,
}

fn count_of(counts: &BTreeMap<u32, Vec<u64>>, index: u32, class: usize) -> u64 {
    counts
        .get(&index)
        .and_then(|per_class| per_class.get(class))
        .copied()
        .unwrap_or(0)
}

fn set_count(counts: &mut BTreeMap<u32, Vec<u64>>, index: u32, class: usize, value: u64) {
    let per_class = counts.entry(index).or_default();
    if per_class.len() <= class {
        per_class.resize(class + 1, 0);
    }
    per_class[class] = value;
}

impl NaiveBayes {
    /// `log P(c) + Σ log((count_c,i + α) / (total_c + α·V))` for class `c`, ×10^18, without
    /// the `−log N` every class shares; `None` for a class without samples.
    fn log_score(&self, class: usize, counts: &[(u32, u64)]) -> Result<Option<i128>, SampleError> {
        let totals = &self.classes[class];
        let Some(prior) = ln(totals.num_samples as u128) else {
            return Ok(None);
        };
        let alpha = self.smoothing.smoothing as u128;
        let denominator = (totals.total_count as u128)
            .checked_mul(SCALE as u128)
            .and_then(|t| t.checked_add(alpha.checked_mul(self.smoothing.vocabulary_size as u128)?))
            .ok_or(SampleError::Overflow)?;
        let log_denominator = ln(denominator).ok_or(SampleError::Overflow)?;
        let mut score = prior;
        for &(index, occurrences) in counts {
            let numerator = count_of(&self.counts, index, class) as u128 * SCALE as u128 + alpha;
            let term = ln(numerator).ok_or(SampleError::Overflow)? - log_denominator;
            score = term
                .checked_mul(i128::from(occurrences))
                .and_then(|t| score.checked_add(t))
                .ok_or(SampleError::Overflow)?;
        }
        Ok(Some(score))
    }

    /// Sets one class's sample count and the counts of the listed features, keeping its
    /// total consistent (a chunk: sending it twice changes nothing). A chunk names each
    /// feature once.
    pub fn set_counts(
        &mut self,
        class: u32,
        num_samples: u64,
        feature_counts: &[(u32, u64)],
    ) -> Result<(), ConfigError> {
        let slot = class as usize;
        let num_classes = self.classes.len();
        ensure_distinct_indices(feature_counts.iter().map(|&(index, _)| index))?;
        let totals = self
            .classes
            .get(slot)
            .ok_or(ConfigError::UnknownClass { class, num_classes })?;
        let mut total = totals.total_count;
        for &(index, count) in feature_counts {
            total = total
                .checked_sub(count_of(&self.counts, index, slot))
                .and_then(|rest| rest.checked_add(count))
                .ok_or(ConfigError::Overflow {})?;
        }
        for &(index, count) in feature_counts {
            set_count(&mut self.counts, index, slot, count);
        }
        self.classes[slot] = ClassTotals {
            num_samples,
            total_count: total,
        };
        Ok(())
    }
}

impl Classifier for NaiveBayes {
    fn num_classes(&self) -> usize {
        self.classes.len()
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        let counts = data.sparse_counts()?;
        let mut best: Option<(usize, i128)> = None;
        for class in 0..self.classes.len() {
            if let Some(score) = self.log_score(class, &counts)? {
                if best.is_none_or(|(_, top)| score > top) {
                    best = Some((class, score));
                }
            }
        }
        Ok(best.map_or(0, |(class, _)| class as u32))
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let counts = data.sparse_counts()?;
        let slot = classification as usize;
        let mut updated = Vec::with_capacity(counts.len());
        let mut added = 0u64;
        for &(index, occurrences) in &counts {
            let count = count_of(&self.counts, index, slot)
                .checked_add(occurrences)
                .ok_or(SampleError::Overflow)?;
            updated.push((index, count));
            added = added
                .checked_add(occurrences)
                .ok_or(SampleError::Overflow)?;
        }
        let totals = &self.classes[slot];
        let new_totals = ClassTotals {
            num_samples: totals
                .num_samples
                .checked_add(1)
                .ok_or(SampleError::Overflow)?,
            total_count: totals
                .total_count
                .checked_add(added)
                .ok_or(SampleError::Overflow)?,
        };
        for (index, count) in updated {
            set_count(&mut self.counts, index, slot, count);
        }
        self.classes[slot] = new_totals;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sparse(indices: &[u32]) -> Features {
        Features::Sparse(indices.to_vec())
    }

    fn model(classes: &[(u64, &[u32])], vocabulary_size: u64) -> NaiveBayes {
        let mut model = NaiveBayes {
            smoothing: Smoothing::new(SCALE as u64, vocabulary_size).unwrap(),
            classes: vec![ClassTotals::default(); classes.len()],
            counts: BTreeMap::new(),
        };
        for (class, &(num_samples, indices)) in classes.iter().enumerate() {
            let counts: Vec<(u32, u64)> = indices.iter().map(|&i| (i, 1)).collect();
            model
                .set_counts(class as u32, num_samples, &counts)
                .unwrap();
        }
        model
    }

    fn reference() -> NaiveBayes {
        model(&[(1, &[0, 1, 2, 3, 4]), (1, &[1, 4, 5, 6, 7, 8, 9])], 10)
    }

    #[test]
    fn spec_reference() {
        let mut nb = reference();
        assert_eq!(nb.predict(&sparse(&[0, 1, 10, 3, 4])).unwrap(), 0);
        assert_eq!(nb.predict(&sparse(&[5, 6, 7, 8, 9, 11])).unwrap(), 1);
        nb.update(&sparse(&[0, 1, 2, 22]), 1).unwrap();
        assert_eq!(nb.predict(&sparse(&[22])).unwrap(), 1);
        assert_eq!(
            nb.classes[1],
            ClassTotals {
                num_samples: 2,
                total_count: 11
            }
        );
        assert_eq!(nb.counts[&1], vec![1, 2]);
        assert_eq!(nb.counts[&22], vec![0, 1]);
    }

    #[test]
    fn repeated_indices_count_again() {
        let mut nb = reference();
        nb.update(&sparse(&[7, 3, 7, 7]), 0).unwrap();
        assert_eq!(nb.counts[&7], vec![3, 1]);
        assert_eq!(
            nb.classes[0],
            ClassTotals {
                num_samples: 2,
                total_count: 9
            }
        );
    }

    #[test]
    fn long_inputs_do_not_underflow() {
        // 500 tokens: multiplying probabilities would underflow to 0 for both classes.
        let words_0: Vec<u32> = (0..50).collect();
        let words_1: Vec<u32> = (50..100).collect();
        let nb = model(&[(10, &words_0), (10, &words_1)], 100);
        let long: Vec<u32> = (0..500).map(|i| 50 + (i % 50)).collect();
        assert_eq!(nb.predict(&sparse(&long)).unwrap(), 1);
        let mostly_zero: Vec<u32> = (0..500)
            .map(|i| if i % 5 == 0 { 60 } else { i % 50 })
            .collect();
        assert_eq!(nb.predict(&sparse(&mostly_zero)).unwrap(), 0);
    }

    #[test]
    fn ties_go_to_the_lowest_class_and_empty_classes_never_win() {
        let mut nb = model(&[(1, &[1]), (1, &[1]), (0, &[])], 10);
        assert_eq!(nb.predict(&sparse(&[1])).unwrap(), 0);
        assert_eq!(nb.predict(&sparse(&[7])).unwrap(), 0);
        nb.update(&sparse(&[7]), 1).unwrap();
        assert_eq!(nb.predict(&sparse(&[7])).unwrap(), 1);
    }

    #[test]
    fn chunks_set_counts_and_keep_totals_consistent() {
        let mut nb = reference();
        let before = nb.clone();
        nb.set_counts(0, 3, &[(3, 5), (40, 2)]).unwrap();
        let once = nb.clone();
        nb.set_counts(0, 3, &[(3, 5), (40, 2)]).unwrap();
        assert_eq!(nb, once, "a retried chunk changes nothing");
        assert_eq!(
            nb.classes[0],
            ClassTotals {
                num_samples: 3,
                total_count: 5 - 1 + 5 + 2
            }
        );
        assert_eq!(
            nb.set_counts(0, 1, &[(3, 1), (3, 2)]),
            Err(ConfigError::DuplicateIndex { index: 3 })
        );
        assert_eq!(
            nb.set_counts(2, 1, &[]),
            Err(ConfigError::UnknownClass {
                class: 2,
                num_classes: 2
            })
        );
        let mut fresh = before;
        assert_eq!(
            fresh.set_counts(0, 0, &[(3, u64::MAX), (50, 9)]),
            Err(ConfigError::Overflow {})
        );
        assert_eq!(fresh, reference(), "a refused chunk changes nothing");
    }

    #[test]
    fn counts_that_would_overflow_are_refused_and_change_nothing() {
        let mut nb = reference();
        nb.set_counts(1, 1, &[(40, u64::MAX - 10)]).unwrap();
        let before = nb.clone();
        assert_eq!(nb.update(&sparse(&[40; 20]), 1), Err(SampleError::Overflow));
        assert_eq!(nb, before);
    }

    #[test]
    fn hyperparameters_are_checked() {
        assert_eq!(
            Smoothing::new(0, 1),
            Err(ConfigError::InvalidHyperparameters {
                smoothing: 0,
                vocabulary_size: 1
            })
        );
    }
}
