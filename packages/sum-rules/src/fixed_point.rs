//! Fixed-point conventions: real values are integers scaled by [`SCALE`].

use crate::features::SampleError;

/// Real values are stored and sent as integers multiplied by this scale (10^9).
pub const SCALE: i64 = 1_000_000_000;

/// The squared L2 norm of a normalised dense vector, `SCALE²` (10^18).
pub const NORM_SQUARED: i128 = (SCALE as i128) * (SCALE as i128);

/// How far the squared L2 norm of a "normalised" vector may be from [`NORM_SQUARED`]
/// (10^11, enough for the rounding of every component to the nearest integer).
pub const NORM_SQUARED_TOLERANCE: i128 = 100_000_000_000;

/// Sum of squares of the components, checked.
pub fn squared_norm(x: &[i64]) -> Result<i128, SampleError> {
    x.iter().try_fold(0i128, |acc, &v| {
        let square = (v as i128)
            .checked_mul(v as i128)
            .ok_or(SampleError::Overflow)?;
        acc.checked_add(square).ok_or(SampleError::Overflow)
    })
}

/// Rejects a dense vector whose squared L2 norm is not within
/// [`NORM_SQUARED_TOLERANCE`] of [`NORM_SQUARED`].
pub fn ensure_normalised(x: &[i64]) -> Result<(), SampleError> {
    let norm_squared = squared_norm(x)?;
    if (norm_squared - NORM_SQUARED).abs() > NORM_SQUARED_TOLERANCE {
        return Err(SampleError::NotNormalised { norm_squared });
    }
    Ok(())
}

/// `value · factor / SCALE`, rounded toward zero, checked.
pub fn scaled_mul(value: i64, factor: i64) -> Result<i64, SampleError> {
    let product = (value as i128) * (factor as i128) / (SCALE as i128);
    i64::try_from(product).map_err(|_| SampleError::Overflow)
}

/// Rounds a real vector, L2-normalised, to fixed point (tests' client-side encoding).
#[cfg(test)]
pub(crate) fn normalised(x: &[f64]) -> Vec<i64> {
    let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    x.iter()
        .map(|v| (v / norm * SCALE as f64).round() as i64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_vectors_are_normalised() {
        assert!(ensure_normalised(&[SCALE, 0, 0]).is_ok());
        // 1/sqrt(3) in each of three dimensions, rounded.
        assert!(ensure_normalised(&[577350269, 577350269, 577350269]).is_ok());
    }

    #[test]
    fn rejects_vectors_outside_the_tolerance() {
        let err = ensure_normalised(&[SCALE, 1_000_000]).unwrap_err();
        assert_eq!(
            err,
            SampleError::NotNormalised {
                norm_squared: NORM_SQUARED + 1_000_000_000_000
            }
        );
        assert!(ensure_normalised(&[2 * SCALE]).is_err());
        assert!(ensure_normalised(&[]).is_err());
    }

    #[test]
    fn squared_norm_overflow_is_an_error() {
        let huge = vec![i64::MAX; 4];
        assert_eq!(squared_norm(&huge), Err(SampleError::Overflow));
    }

    #[test]
    fn scaled_mul_rounds_toward_zero() {
        assert_eq!(scaled_mul(577350259, SCALE).unwrap(), 577350259);
        assert_eq!(scaled_mul(3, SCALE / 2).unwrap(), 1);
        assert_eq!(scaled_mul(-3, SCALE / 2).unwrap(), -1);
        assert_eq!(scaled_mul(i64::MAX, 2 * SCALE), Err(SampleError::Overflow));
    }
}
