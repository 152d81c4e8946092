//! Nearest centroid over sparse binary features, over plain values.
//!
//! A class keeps its sample count `n`, the squared magnitude of its centroid, and per
//! feature the sum `sᵢ` of that feature over its samples; the centroid is `cᵢ = sᵢ / n`.
//! An update touches only the sample's features: `sᵢ += 10^9` for each of them, and the
//! magnitude is carried over as `(|c|² − Σ_{i∈x} cᵢ²)·n²/(n+1)² + Σ_{i∈x} c'ᵢ²`.
//! Predict: the smallest `|c|² + Σ_{i∈x} (10^9 − 2cᵢ)·10^9` (the `|x|` every class shares is
//! left out). Centroid values of binary features lie in [0, 10^9]; chunks are held to it.

use std::collections::BTreeMap;

use cosmwasm_schema::cw_serde;

use crate::classifier::Classifier;
use crate::config::{ensure_distinct_indices, ConfigError};
use crate::features::{Features, SampleError};
use crate::fixed_point::SCALE;

/// A class's sample count and centroid magnitude.
#[cw_serde]
pub struct SparseClass {
    pub count: u64,
    /// `|c|²`, ×10^18.
    pub squared_magnitude: u128,
}

/// `cᵢ = sᵢ / n` (×10^9); 0 for an empty class.
pub fn centroid_value(sum: u64, count: u64) -> u64 {
    sum.checked_div(count).unwrap_or(0)
}

impl SparseClass {
    /// Squared distance to a binary sample, up to the `|x|` every class shares, where
    /// `sums` are the sample's features' sums in this class. `None` for an empty class.
    pub fn distance(&self, sums: &[u64]) -> Option<i128> {
        if self.count == 0 {
            return None;
        }
        let scale = SCALE as i128;
        let magnitude = i128::try_from(self.squared_magnitude).unwrap_or(i128::MAX);
        Some(sums.iter().fold(magnitude, |acc, &sum| {
            acc.saturating_add((scale - 2 * centroid_value(sum, self.count) as i128) * scale)
        }))
    }

    /// Trains on a binary sample whose features' current sums are `sums`; updates them in
    /// place. On error nothing has changed.
    pub fn update(&mut self, sums: &mut [u64]) -> Result<(), SampleError> {
        let old = self.count as u128;
        let new = old + 1;
        let mut touched_before = 0u128;
        let mut touched_after = 0u128;
        let mut new_sums = Vec::with_capacity(sums.len());
        for &sum in sums.iter() {
            let before = centroid_value(sum, self.count) as u128;
            let sum = sum.checked_add(SCALE as u64).ok_or(SampleError::Overflow)?;
            let after = sum as u128 / new;
            touched_before += before * before;
            touched_after += after * after;
            new_sums.push(sum);
        }
        let untouched = self.squared_magnitude.saturating_sub(touched_before);
        let rescaled = untouched
            .checked_mul(old * old)
            .ok_or(SampleError::Overflow)?
            / (new * new);
        self.squared_magnitude = rescaled
            .checked_add(touched_after)
            .ok_or(SampleError::Overflow)?;
        self.count = self.count.checked_add(1).ok_or(SampleError::Overflow)?;
        sums.copy_from_slice(&new_sums);
        Ok(())
    }
}

/// The nearest class; ties go to the lowest index, empty classes are passed over, and a
/// model none of whose classes has samples answers 0. `sums[k]` are class `k`'s sums of
/// the sample's features.
pub fn nearest(classes: &[SparseClass], sums: &[Vec<u64>]) -> u32 {
    let mut best: Option<(u32, i128)> = None;
    for (index, (class, sums)) in classes.iter().zip(sums).enumerate() {
        if let Some(distance) = class.distance(sums) {
            if best.is_none_or(|(_, nearest)| distance < nearest) {
                best = Some((index as u32, distance));
            }
        }
    }
    best.map_or(0, |(index, _)| index)
}

/// A sparse nearest-centroid model. `sums` maps a feature index to its sum in each class
/// (by class index; missing entries are 0); a contract fills it with the sample's features.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseNearestCentroid {
    pub classes: Vec<SparseClass>,
    pub sums: BTreeMap<u32, Vec<u64>>,
}

impl SparseNearestCentroid {
    fn sum(&self, index: u32, class: usize) -> u64 {
        self.sums
            .get(&index)
            .and_then(|per_class| per_class.get(class))
            .copied()
            .unwrap_or(0)
    }

    /// Class `k`'s sums of the given features, for every class.
    fn sums_by_class(&self, indices: &[u32]) -> Vec<Vec<u64>> {
        (0..self.classes.len())
            .map(|k| indices.iter().map(|&i| self.sum(i, k)).collect())
            .collect()
    }

    /// Sets class `slot` (appending it when `slot` is the number of classes) to stand for
    /// `count` samples with the given centroid values (×10^9, at most 10^9 each); an
    /// existing class keeps its count. A chunk: sending it twice changes nothing.
    pub fn set_class(
        &mut self,
        name: &str,
        slot: usize,
        count: u64,
        values: &[(u32, u64)],
    ) -> Result<(), ConfigError> {
        if slot > self.classes.len() {
            return Err(ConfigError::UnknownClass {
                class: slot as u32,
                num_classes: self.classes.len(),
            });
        }
        ensure_distinct_indices(values.iter().map(|&(index, _)| index))?;
        if let Some(&(index, value)) = values.iter().find(|&&(_, v)| v > SCALE as u64) {
            return Err(ConfigError::CentroidValueOutOfRange {
                index,
                value: value as i128,
                max: SCALE as i128,
            });
        }
        if count == 0 && !values.is_empty() {
            return Err(ConfigError::ValuesWithoutSamples { class: name.into() });
        }
        let mut class = match self.classes.get(slot) {
            Some(class) if class.count != count => {
                return Err(ConfigError::CountChanged {
                    class: name.into(),
                    stored: class.count,
                    got: count,
                })
            }
            Some(class) => class.clone(),
            None => SparseClass {
                count,
                squared_magnitude: 0,
            },
        };
        for &(index, value) in values {
            let old = centroid_value(self.sum(index, slot), count) as u128;
            class.squared_magnitude = class
                .squared_magnitude
                .saturating_sub(old * old)
                .checked_add(value as u128 * value as u128)
                .ok_or(ConfigError::Overflow {})?;
        }
        let sums = values
            .iter()
            .map(|&(index, value)| {
                Ok((
                    index,
                    value.checked_mul(count).ok_or(ConfigError::Overflow {})?,
                ))
            })
            .collect::<Result<Vec<_>, ConfigError>>()?;
        if slot == self.classes.len() {
            self.classes.push(class);
        } else {
            self.classes[slot] = class;
        }
        for (index, sum) in sums {
            let per_class = self.sums.entry(index).or_default();
            if per_class.len() <= slot {
                per_class.resize(slot + 1, 0);
            }
            per_class[slot] = sum;
        }
        Ok(())
    }
}

impl Classifier for SparseNearestCentroid {
    fn num_classes(&self) -> usize {
        self.classes.len()
    }

    fn predict(&self, data: &Features) -> Result<u32, SampleError> {
        let indices = data.distinct_sparse()?;
        Ok(nearest(&self.classes, &self.sums_by_class(indices)))
    }

    fn learn(&mut self, data: &Features, classification: u32) -> Result<bool, SampleError> {
        let indices = data.distinct_sparse()?;
        let slot = classification as usize;
        let mut sums: Vec<u64> = indices.iter().map(|&i| self.sum(i, slot)).collect();
        self.classes[slot].update(&mut sums)?;
        for (&index, sum) in indices.iter().zip(sums) {
            let per_class = self.sums.entry(index).or_default();
            if per_class.len() <= slot {
                per_class.resize(slot + 1, 0);
            }
            per_class[slot] = sum;
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = SCALE as u64;

    fn class(_name: &str, count: u64, squared_magnitude: u128) -> SparseClass {
        SparseClass {
            count,
            squared_magnitude,
        }
    }

    #[test]
    fn spec_reference() {
        // A = {0: 1}, W = {1: 1}, two samples each: sums are value × count.
        let classes = [
            class("A", 2, (S * S) as u128),
            class("W", 2, (S * S) as u128),
        ];
        // predict([0]): sums of feature 0 in A and W.
        assert_eq!(nearest(&classes, &[vec![2 * S], vec![0]]), 0);
        assert_eq!(nearest(&classes, &[vec![0], vec![2 * S]]), 1);

        let mut w = classes[1].clone();
        let mut sums = [2 * S, 0]; // W's sums of features 1 and 2
        w.update(&mut sums).unwrap();
        assert_eq!(w.count, 3);
        assert_eq!(centroid_value(sums[0], w.count), 1_000_000_000);
        assert_eq!(centroid_value(sums[1], w.count), 333_333_333);
        assert_eq!(w.squared_magnitude, 1_111_111_110_888_888_889);
    }

    #[test]
    fn empty_classes_do_not_divide_by_zero() {
        let mut empty = class("E", 0, 0);
        assert_eq!(empty.distance(&[0, 0]), None);
        let mut sums = [0, 0];
        empty.update(&mut sums).unwrap();
        assert_eq!(empty.count, 1);
        assert_eq!(sums, [S, S]);
        assert_eq!(empty.squared_magnitude, 2 * (S * S) as u128);
        let classes = [class("E", 0, 0), empty];
        assert_eq!(nearest(&classes, &[vec![0], vec![S]]), 1);
    }

    #[test]
    fn chunks_set_classes_once() {
        let mut model = SparseNearestCentroid {
            classes: vec![],
            sums: BTreeMap::new(),
        };
        model.set_class("A", 0, 2, &[(0, S)]).unwrap();
        let once = model.clone();
        model.set_class("A", 0, 2, &[(0, S)]).unwrap();
        assert_eq!(model, once, "a retried chunk changes nothing");
        assert_eq!(model.classes[0].squared_magnitude, (S * S) as u128);
        model.set_class("A", 0, 2, &[(0, S / 2)]).unwrap();
        assert_eq!(model.classes[0].squared_magnitude, (S * S / 4) as u128);
        assert_eq!(
            model.set_class("A", 0, 3, &[]),
            Err(ConfigError::CountChanged {
                class: "A".into(),
                stored: 2,
                got: 3
            })
        );
        assert_eq!(
            model.set_class("B", 1, 0, &[(1, 1)]),
            Err(ConfigError::ValuesWithoutSamples { class: "B".into() })
        );
        assert_eq!(
            model.set_class("B", 1, 1, &[(1, S + 1)]),
            Err(ConfigError::CentroidValueOutOfRange {
                index: 1,
                value: S as i128 + 1,
                max: S as i128
            })
        );
        assert_eq!(
            model.set_class("B", 1, 1, &[(1, 1), (1, 2)]),
            Err(ConfigError::DuplicateIndex { index: 1 })
        );
        assert_eq!(model.classes.len(), 1);
    }

    #[test]
    fn samples_take_any_order_and_refuse_duplicates() {
        let mut model = SparseNearestCentroid {
            classes: vec![],
            sums: BTreeMap::new(),
        };
        model.set_class("A", 0, 2, &[(0, S)]).unwrap();
        model.set_class("W", 1, 2, &[(1, S)]).unwrap();
        assert_eq!(model.predict(&Features::Sparse(vec![1])).unwrap(), 1);
        model.update(&Features::Sparse(vec![2, 1]), 1).unwrap();
        assert_eq!(
            model.classes[1].squared_magnitude,
            1_111_111_110_888_888_889
        );
        assert_eq!(
            model.update(&Features::Sparse(vec![2, 2]), 1),
            Err(SampleError::DuplicateIndex { index: 2 })
        );
    }

    #[test]
    fn overflow_changes_nothing() {
        let mut c = class("C", 1, 0);
        let mut sums = [5, u64::MAX];
        assert_eq!(c.update(&mut sums), Err(SampleError::Overflow));
        assert_eq!(sums, [5, u64::MAX]);
        assert_eq!(c.count, 1);
    }
}
