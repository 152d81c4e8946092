//! The averaged perceptron's bookkeeping: the perceptron trains its live weights as usual
//! and predicts with the mean of the weights it has had, one per update. A flipped or noisy
//! label moves the live weights at once but the mean only by its share of every update, so
//! an attacker's samples pull an averaged model far less (see the simulator's headline).
//!
//! Lazy form (Daumé's, which averages over every sample seen; here the mean is over the
//! updates, so a call that changes nothing writes nothing): beside each weight `w` keep
//! `u = Σ k·Δw` over its changes, `k` being the update's number (from 1), and the count
//! `c = updates + 1`; the mean is `w − u/c`.
//! In integers the class is that of `c·m(w) − m(u)`, `m` being the margin with the
//! intercept (`u` of the intercept is `intercept_sum`), so nothing is divided.

use cosmwasm_schema::cw_serde;

use crate::features::SampleError;
use crate::fixed_point::SCALE;

/// An averaged perceptron's running totals (its per-weight sums live beside the weights).
#[cw_serde]
pub struct Averaging {
    /// Updates so far plus one: the number of weight vectors the mean is taken over.
    pub count: u64,
    /// `Σ k·Δintercept` (×10^9).
    pub intercept_sum: i128,
}

impl Averaging {
    /// Before any update: the mean is the initial weights.
    pub fn start() -> Self {
        Averaging {
            count: 1,
            intercept_sum: 0,
        }
    }

    /// The margin of the mean (times `count`): `count·live − (intercept_sum·SCALE + Σ terms)`,
    /// `live` being the live weights' margin and `terms` the sums' `uᵢ·xᵢ`.
    pub fn margin(
        &self,
        live: i128,
        terms: impl IntoIterator<Item = Option<i128>>,
    ) -> Result<i128, SampleError> {
        let sums = terms
            .into_iter()
            .fold(
                self.intercept_sum.checked_mul(SCALE as i128),
                |acc, term| acc?.checked_add(term?),
            )
            .ok_or(SampleError::Overflow)?;
        (self.count as i128)
            .checked_mul(live)
            .and_then(|scaled| scaled.checked_sub(sums))
            .ok_or(SampleError::Overflow)
    }

    /// Records one update: weights went from `before` to `after` and the intercept by
    /// `intercept_change`; each sum gains `count·change`, then the count grows. All or
    /// nothing.
    pub fn record(
        &mut self,
        before: &[i64],
        after: &[i64],
        sums: &mut [i128],
        intercept_change: i64,
    ) -> Result<(), SampleError> {
        if sums.len() != before.len() || after.len() != before.len() {
            return Err(SampleError::WrongDimension {
                expected: before.len(),
                got: sums.len().min(after.len()),
            });
        }
        let k = self.count as i128;
        let add = |sum: i128, change: i128| {
            k.checked_mul(change)
                .and_then(|step| sum.checked_add(step))
                .ok_or(SampleError::Overflow)
        };
        let new_sums = sums
            .iter()
            .zip(before.iter().zip(after))
            .map(|(&sum, (&b, &a))| add(sum, a as i128 - b as i128))
            .collect::<Result<Vec<_>, _>>()?;
        let intercept_sum = add(self.intercept_sum, intercept_change as i128)?;
        let count = self.count.checked_add(1).ok_or(SampleError::Overflow)?;
        sums.copy_from_slice(&new_sums);
        *self = Averaging {
            count,
            intercept_sum,
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lazy sums give the mean of the weight vectors: after updates to w₂ = 3, then
    /// w₃ = 1 from w₁ = 1, the mean of (1, 3, 1) is 5/3.
    #[test]
    fn the_lazy_sums_give_the_mean() {
        let mut averaging = Averaging::start();
        let mut sums = [0i128];
        averaging.record(&[1], &[3], &mut sums, 0).unwrap();
        averaging.record(&[3], &[1], &mut sums, 0).unwrap();
        assert_eq!(averaging.count, 3);
        // mean = w − u/c = 1 − (1·2 + 2·(−2))/3 = 5/3; count·mean = 3·1 − (−2) = 5.
        assert_eq!(averaging.margin(1, [Some(sums[0])]).unwrap(), 5);
    }

    #[test]
    fn overflow_is_an_error_and_changes_nothing() {
        let mut averaging = Averaging {
            count: 2,
            intercept_sum: 0,
        };
        let mut sums = [i128::MAX - 1];
        let before = (averaging.clone(), sums);
        assert_eq!(
            averaging.record(&[0], &[1], &mut sums, 0),
            Err(SampleError::Overflow)
        );
        assert_eq!((averaging.clone(), sums), before);
        // Sums that do not match the weights one for one are refused too.
        assert_eq!(
            averaging.record(&[0, 0], &[1, 1], &mut sums, 0),
            Err(SampleError::WrongDimension {
                expected: 2,
                got: 1
            })
        );
        assert_eq!((averaging, sums), before);
    }
}
