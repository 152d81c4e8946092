//! The sparse nearest-centroid rule (SPEC §3), over plain values.
//!
//! A class keeps its sample count `n`, the squared magnitude of its centroid, and per
//! feature the sum `sᵢ` of that feature over its samples; the centroid is `cᵢ = sᵢ / n`.
//! An update touches only the sample's features: `sᵢ += 10^9` for each of them, and the
//! magnitude is carried over as `(|c|² − Σ_{i∈x} cᵢ²)·n²/(n+1)² + Σ_{i∈x} c'ᵢ²`.

use cosmwasm_schema::cw_serde;
use sum_common::{SampleError, SCALE};

/// A class's name, sample count and centroid magnitude.
#[cw_serde]
pub struct SparseClass {
    pub name: String,
    pub count: u64,
    /// `|c|²`, ×10^18.
    pub squared_magnitude: u128,
}

/// `cᵢ = sᵢ / n` (×10^9); 0 for an empty class.
pub fn centroid_value(sum: u64, count: u64) -> u64 {
    sum.checked_div(count).unwrap_or(0)
}

impl SparseClass {
    /// Squared distance to a binary sample, up to the `|x|` every class shares:
    /// `|c|² + Σ_{i∈x} (10^9 − 2cᵢ)·10^9`, where `sums` are the sample's features' sums.
    /// `None` for an empty class.
    pub fn distance(&self, sums: &[u64]) -> Option<i128> {
        if self.count == 0 {
            return None;
        }
        let scale = SCALE as i128;
        Some(
            sums.iter()
                .fold(self.squared_magnitude as i128, |acc, &sum| {
                    acc + (scale - 2 * centroid_value(sum, self.count) as i128) * scale
                }),
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = SCALE as u64;

    fn class(name: &str, count: u64, squared_magnitude: u128) -> SparseClass {
        SparseClass {
            name: name.into(),
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
    fn overflow_changes_nothing() {
        let mut c = class("C", 1, 0);
        let mut sums = [5, u64::MAX];
        assert_eq!(c.update(&mut sums), Err(SampleError::Overflow));
        assert_eq!(sums, [5, u64::MAX]);
        assert_eq!(c.count, 1);
    }
}
