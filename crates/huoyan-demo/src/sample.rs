//! Small sampling helpers over a seeded ChaCha8 stream: uniform, normal and log-normal draws,
//! weighted choices and picks from constant pools. None of them panics, whatever the arguments:
//! empty pools give a neutral value and inverted ranges collapse to their lower end.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The generator every function of the crate draws from.
pub(crate) type DemoRng = ChaCha8Rng;

/// Stream numbers, so units, micro stations and crews drawn with the same seed are independent.
pub(crate) const STREAM_UNITS: u64 = 1;
pub(crate) const STREAM_MICRO: u64 = 2;
pub(crate) const STREAM_CREWS: u64 = 3;

/// A generator for `seed` on one of the crate's streams.
pub(crate) fn rng_for(seed: u64, stream: u64) -> DemoRng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Uniform in `[lo, hi)`; `lo` when the range is empty or inverted.
pub(crate) fn uniform(rng: &mut DemoRng, lo: f64, hi: f64) -> f64 {
    if lo.is_nan() || hi.is_nan() || hi <= lo {
        return lo;
    }
    lo + (hi - lo) * rng.random::<f64>()
}

/// Uniform integer in `[lo, hi]`; `lo` when `hi <= lo`.
pub(crate) fn int_between(rng: &mut DemoRng, lo: i64, hi: i64) -> i64 {
    if hi <= lo { lo } else { rng.random_range(lo..=hi) }
}

/// An index in `0..n`; 0 when `n == 0`.
pub(crate) fn index(rng: &mut DemoRng, n: usize) -> usize {
    if n == 0 { 0 } else { rng.random_range(0..n) }
}

/// True with probability `p` (clamped to `[0, 1]`).
pub(crate) fn chance(rng: &mut DemoRng, p: f64) -> bool {
    rng.random::<f64>() < p
}

/// A standard normal draw (Box–Muller).
pub(crate) fn normal(rng: &mut DemoRng) -> f64 {
    // 1 - [0, 1) is (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal draw with the given median and shape `sigma`, clamped to `[lo, hi]`.
pub(crate) fn lognormal(rng: &mut DemoRng, median: f64, sigma: f64, lo: f64, hi: f64) -> f64 {
    let x = median * (sigma * normal(rng)).exp();
    if x.is_finite() { x.clamp(lo, hi.max(lo)) } else { lo }
}

/// A log-normal draw rounded to a whole number.
pub(crate) fn lognormal_int(rng: &mut DemoRng, median: f64, sigma: f64, lo: i64, hi: i64) -> i64 {
    lognormal(rng, median, sigma, lo as f64, hi as f64).round() as i64
}

/// One of the pool's strings; `""` for an empty pool.
pub(crate) fn pick(rng: &mut DemoRng, pool: &[&'static str]) -> &'static str {
    let i = index(rng, pool.len());
    pool.get(i).copied().unwrap_or("")
}

/// A value chosen with the given integer weights; `None` when all weights are zero.
pub(crate) fn weighted<T: Copy>(rng: &mut DemoRng, items: &[(T, u32)]) -> Option<T> {
    let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
    if total == 0 {
        return None;
    }
    let mut r = rng.random_range(0..total);
    for (item, w) in items {
        let w = u64::from(*w);
        if r < w {
            return Some(*item);
        }
        r -= w;
    }
    None
}

/// Rounds to `step` (e.g. 0.1 m, 500 L).
pub(crate) fn round_to(x: f64, step: f64) -> f64 {
    if step > 0.0 { (x / step).round() * step } else { x }
}

/// A string of `n` decimal digits.
pub(crate) fn digits(rng: &mut DemoRng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_arguments_do_not_panic() {
        let mut rng = rng_for(1, 0);
        assert_eq!(uniform(&mut rng, 3.0, 3.0), 3.0);
        assert_eq!(uniform(&mut rng, 3.0, f64::NAN), 3.0);
        assert_eq!(int_between(&mut rng, 5, 2), 5);
        assert_eq!(index(&mut rng, 0), 0);
        assert_eq!(pick(&mut rng, &[]), "");
        assert_eq!(weighted::<u8>(&mut rng, &[(1, 0)]), None);
        assert_eq!(weighted::<u8>(&mut rng, &[]), None);
        assert_eq!(lognormal(&mut rng, f64::NAN, 1.0, 2.0, 1.0), 2.0);
    }

    #[test]
    fn lognormal_median_is_about_right() {
        let mut rng = rng_for(7, 0);
        let mut xs: Vec<f64> = (0..4001).map(|_| lognormal(&mut rng, 100.0, 0.8, 0.0, 1e9)).collect();
        xs.sort_by(f64::total_cmp);
        let median = xs[2000];
        assert!((85.0..115.0).contains(&median), "{median}");
    }
}
