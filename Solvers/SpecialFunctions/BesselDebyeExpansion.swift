import RealModule
import Roundoff

/// The uniform asymptotic (Debye) expansions for large order (DLMF
/// 10.41.3–4), with `z = x/v`, `w = √(1 + z²)`, `p = 1/w`,
/// `η = w + log(z/(1 + w))`:
///
/// `log I_v(x) = −½ log(2πv) + vη − ½ log w + log(1 + Σ_{k≥1} u_k(p)/v^k)`
/// `log K_v(x) = ½ log(π/(2v)) − vη − ½ log w + log(1 + Σ_{k≥1} (−1)^k u_k(p)/v^k)`
///
/// uniformly in `x > 0`; the truncation error after ``DebyePolynomials``'s
/// 20 terms is below binary64 precision for `v ≥ 20`. Everything is
/// computed in log space in `T`: nothing overflows while `vη` and the
/// result are in range.
///
/// Conditioning: `vη` is a sum of terms of size up to `v·(w + |log z|)`
/// whose rounding errors (about `ε v` in absolute terms) cannot be avoided
/// without a more accurate `log`; where `log I` is small compared with `v`
/// (near `η = 0`, `z ≈ 0.66`), the error of `log I` is up to about `ε v`
/// absolute. That is also the condition of the function: `∂ log I/∂ log x
/// = v w` to first order, so a relative change `ε` of `x` moves `log I` by
/// `ε v w`.
public enum BesselDebyeExpansion {
    /// `(vη, ½ log w, p)` for the order `v` and argument `x`.
    @inlinable
    static func parts<T: RealScalar>(order v: T, _ x: T) -> (veta: T, halfLogW: T, p: T) {
        let z = x / v
        let w = (1 + z * z).squareRoot()
        let eta = w + T.log(z / (1 + w))
        return (v * eta, T.log(w) / 2, 1 / w)
    }

    /// `log I_v(x)` for `v > 0`, `x > 0` (accurate to binary64 for `v ≥ 20`).
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T {
        let (veta, halfLogW, p) = parts(order: v, x)
        let tail = DebyePolynomials.tail(p: p, order: v, alternating: false)
        return veta - (T(1.837_877_066_409_345_483_56) + T.log(v)) / 2 - halfLogW + T.log(onePlus: tail)
    }

    /// `log K_v(x)` for `v > 0`, `x > 0` (accurate to binary64 for `v ≥ 20`).
    @inlinable
    public static func logK<T: RealScalar>(order v: T, _ x: T) -> T {
        let (veta, halfLogW, p) = parts(order: v, x)
        let tail = DebyePolynomials.tail(p: p, order: v, alternating: true)
        return (T(0.451_582_705_289_454_864_73) - T.log(v)) / 2 - veta - halfLogW + T.log(onePlus: tail)
    }

    /// `I_v(x)` from the same expansion in linear space,
    /// `e^{vη} (2πv)^{−1/2} w^{−1/2} (1 + Σ)`: overflows once `vη` exceeds
    /// the range of `T` (the naive path).
    @inlinable
    public static func valueI<T: RealScalar>(order v: T, _ x: T) -> T {
        let (veta, _, p) = parts(order: v, x)
        let tail = DebyePolynomials.tail(p: p, order: v, alternating: false)
        return T.exp(veta) / (2 * T.pi * v).squareRoot() * p.squareRoot() * (1 + tail)
    }

    /// `K_v(x)` from the same expansion in linear space,
    /// `e^{−vη} (π/(2v))^{1/2} w^{−1/2} (1 + Σ)` (the naive path).
    @inlinable
    public static func valueK<T: RealScalar>(order v: T, _ x: T) -> T {
        let (veta, _, p) = parts(order: v, x)
        let tail = DebyePolynomials.tail(p: p, order: v, alternating: true)
        return T.exp(-veta) * (T.pi / (2 * v)).squareRoot() * p.squareRoot() * (1 + tail)
    }
}
