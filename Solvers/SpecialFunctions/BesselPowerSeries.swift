import RealModule
import Roundoff

/// The ascending series `I_v(x) = (x/2)^v Σ_{k≥0} (x²/4)^k / (k! Γ(v + k + 1))`
/// (DLMF 10.25.2), in log space:
///
/// `log I_v(x) = v log(x/2) − log Γ(v + 1) + log S`,
/// `S = Σ t_k`, `t₀ = 1`, `t_k = t_{k−1} · (x²/4)/(k(v + k))`.
///
/// Every term is positive, so the sum has no cancellation: its relative
/// error grows like the number of terms that matter (about `x`) times `ε`.
/// `S` and the current term are rescaled together by an exact power of two
/// (``BinaryRescaling``) whenever `S` passes `2^s`, so nothing overflows;
/// with no rescaling `log S = log(1 + Σ_{k≥1} t_k)` is formed by
/// `log(onePlus:)`, accurate when `S ≈ 1` (tiny `x`). Terms are added
/// until the ratio is below ½ and the term is below `ε/16` of the sum.
public enum BesselPowerSeries {
    /// The most terms summed (`x ≤ 10⁴` needs about `x/2 + 20`).
    public static let maxTerms = 100_000

    /// `log I_v(x)` for `v ≥ 0`, `x > 0`.
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T {
        let scaling = BinaryRescaling<T>()
        let half = x / 2
        let q = half * half
        let tolerance = T.ulpOfOne / 16
        var lead = T(1)          // t₀ in the current scale
        var tail = T.zero        // Σ_{k≥1} t_k in the current scale
        var term = T(1)
        var count = 0
        var k = 1
        while k <= maxTerms {
            let kk = T(Double(k))
            let denominator = kk * (v + kk)
            term *= q / denominator
            tail += term
            if lead + tail > scaling.bound {
                lead *= scaling.inverse
                tail *= scaling.inverse
                term *= scaling.inverse
                count += 1
            }
            if denominator >= 2 * q && term <= tolerance * (lead + tail) { break }
            k += 1
        }
        let logSum = count == 0 ? T.log(onePlus: tail) : T.log(lead + tail) + scaling.logScale(count)
        let prefactor = v == 0 ? T.zero : v * T.log(half) - T.logGamma(v + 1)
        return prefactor + logSum
    }

    /// `I_v(x) = (x/2)^v / Γ(v + 1) · S` in linear space, no rescaling: the
    /// textbook series (the naive path, and the baseline of the bench).
    /// `(x/2)^v` underflows for large `v` and small `x`, `Γ(v + 1)`
    /// overflows binary64 for `v > 170.6`, and `S` overflows for large `x`.
    @inlinable
    public static func valueI<T: RealScalar>(order v: T, _ x: T) -> T {
        let half = x / 2
        let q = half * half
        let tolerance = T.ulpOfOne / 16
        var sum = T(1)
        var term = T(1)
        var k = 1
        while k <= maxTerms {
            let kk = T(Double(k))
            let denominator = kk * (v + kk)
            term *= q / denominator
            sum += term
            if !sum.isFinite || (denominator >= 2 * q && term <= tolerance * sum) { break }
            k += 1
        }
        return T.pow(half, v) / T.gamma(v + 1) * sum
    }
}
