import RealModule
import Roundoff

/// The large-argument (Hankel) asymptotic expansions (DLMF 10.40.1–2),
/// with `a_k(v)/x^k = Π_{j=1…k} (4v² − (2j − 1)²)/(8 j x)`:
///
/// `log I_v(x) = x − ½ log(2πx) + log(1 + Σ_{k≥1} (−1)^k a_k(v)/x^k)`
/// `log K_v(x) = ½ log(π/(2x)) − x + log(1 + Σ_{k≥1} a_k(v)/x^k)`
///
/// The `I` expansion drops the exponentially small `e^{−2x}` companion,
/// so it needs `x ≥ ½ log(1/ε)` (`x ≥ 18.4` in binary64). The series is
/// divergent: terms are added while they decrease and until one is below
/// `ε/16` of the sum; the smallest term bounds the error, which is below
/// binary64 precision where ``BesselRegion`` uses it. Each term is the
/// previous one times one ratio, in `T`, so nothing overflows.
public enum BesselHankelExpansion {
    /// `Σ_{k≥1} (±1)^k a_k(v)/x^k` (`−` for `I` when `alternating`).
    @inlinable
    static func tail<T: RealScalar>(order v: T, _ x: T, alternating: Bool) -> T {
        let mu = 4 * v * v
        let tolerance = T.ulpOfOne / 16
        let eightX = 8 * x
        var term = T(1)
        var sum = T.zero
        var previous = T.infinity
        var k = 1
        while k <= 500 {
            let odd = T(Double(2 * k - 1))
            term *= (mu - odd * odd) / (T(Double(k)) * eightX)
            let size = abs(term)
            // The series diverges past its smallest term: stop there.
            if size >= previous { break }
            sum += alternating && k % 2 == 1 ? -term : term
            if size <= tolerance * abs(1 + sum) { break }
            previous = size
            k += 1
        }
        return sum
    }

    /// `log I_v(x)`, `x` large (see ``BesselRegion``).
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T {
        x - (T(1.837_877_066_409_345_483_56) + T.log(x)) / 2 + T.log(onePlus: tail(order: v, x, alternating: true))
    }

    /// `log K_v(x)`, `x` large (see ``BesselRegion``).
    @inlinable
    public static func logK<T: RealScalar>(order v: T, _ x: T) -> T {
        (T(0.451_582_705_289_454_864_73) - T.log(x)) / 2 - x + T.log(onePlus: tail(order: v, x, alternating: false))
    }

    /// `I_v(x) = e^x (2πx)^{−1/2} (1 + Σ)` in linear space (the naive path;
    /// `e^x` overflows binary64 beyond `x ≈ 709.8`).
    @inlinable
    public static func valueI<T: RealScalar>(order v: T, _ x: T) -> T {
        T.exp(x) / (2 * T.pi * x).squareRoot() * (1 + tail(order: v, x, alternating: true))
    }

    /// `K_v(x) = e^{−x} (π/(2x))^{1/2} (1 + Σ)` in linear space (the naive path).
    @inlinable
    public static func valueK<T: RealScalar>(order v: T, _ x: T) -> T {
        T.exp(-x) * (T.pi / (2 * x)).squareRoot() * (1 + tail(order: v, x, alternating: false))
    }
}
