//! Natural logarithm in integer fixed point, for models that score in log space.

/// Scale of [`ln`]'s result: 10^18, finer than `SCALE` so that sums over many terms keep
/// their precision.
pub const LN_SCALE: i128 = 1_000_000_000_000_000_000;

/// ln 2 × [`LN_SCALE`].
const LN_2: i128 = 693_147_180_559_945_309;

/// ln(n) × [`LN_SCALE`] for a positive integer `n` (0 has no logarithm: `None`).
///
/// Writes `n = 2^k · m` with `m` in [1, 2), then `ln m = 2·atanh((m−1)/(m+1))` by its
/// series, whose ratio (≤ 1/9) makes 20 terms more than enough. Error below 10^-15.
pub fn ln(n: u128) -> Option<i128> {
    if n == 0 {
        return None;
    }
    let k = 127 - n.leading_zeros() as i128;
    let scale = LN_SCALE as u128;
    // m = n / 2^k, in fixed point: keep at most 60 significant bits before multiplying.
    let m = if k <= 60 {
        (n * scale) >> k
    } else {
        ((n >> (k - 60)) * scale) >> 60
    } as i128;
    let z = (m - LN_SCALE) * LN_SCALE / (m + LN_SCALE);
    let z_squared = z * z / LN_SCALE;
    let mut term = z;
    let mut sum = 0i128;
    for j in 0..20 {
        sum += term / (2 * j + 1);
        term = term * z_squared / LN_SCALE;
        if term == 0 {
            break;
        }
    }
    Some(k * LN_2 + 2 * sum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        assert_eq!(ln(0), None);
        assert_eq!(ln(1), Some(0));
        assert!((ln(2).unwrap() - LN_2).abs() <= 10);
        let e_ish = ln(1_000_000_000).unwrap();
        // ln(10^9) = 20.723265836946411156…
        assert!((e_ish - 20_723_265_836_946_411_156).abs() < 1_000);
        let big = ln(u128::MAX).unwrap();
        // ln(2^128 − 1) ≈ 88.722839111672999628
        assert!((big - 88_722_839_111_672_999_628).abs() < 100_000);
    }

    proptest! {
        #[test]
        fn matches_floating_point(n in 1u128..u128::MAX) {
            let exact = (n as f64).ln();
            let ours = ln(n).unwrap() as f64 / LN_SCALE as f64;
            prop_assert!((ours - exact).abs() < 1e-9, "ln({n}): {ours} vs {exact}");
        }

        #[test]
        fn is_monotonic(a in 1u128..1 << 100, b in 1u128..1 << 100) {
            if a < b {
                prop_assert!(ln(a).unwrap() <= ln(b).unwrap());
            }
        }
    }
}
