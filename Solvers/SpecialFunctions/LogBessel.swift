import RealModule
import Roundoff

/// `log I_v(x)` and `log K_v(x)` of the modified Bessel functions for real
/// order `v ≥ 0` and argument `x > 0`, computed entirely in log space in
/// `T` (Plesner, Sørensen & Hauberg, ICS 2024): every method sums or
/// multiplies scaled quantities and adds logarithms, so the result is
/// finite wherever the logarithm itself is in range of `T`, even where
/// `I_v(x)` or `K_v(x)` overflow or underflow (`log I₀(10⁵) ≈ 10⁵`,
/// `log K_{10⁴}(10⁻⁶) ≈ 2.3·10⁵`).
///
/// The method is chosen by ``BesselRegion`` from `v` and `x` (as binary64
/// values). Measured binary64 error against the 40-digit table over `v`
/// in `[0, 16383]`, `x` in `[10⁻⁶, 10⁵]`: see ``BesselRegion`` and the
/// `bessel` workload; the error measure is `|computed − ref| / max(|ref|, 1)`,
/// the relative error of `log f` where `|log f| ≥ 1`, else the absolute
/// error of `log f` (the relative error of `f`).
///
/// Invalid arguments (`v < 0`, `x ≤ 0`, NaN) give NaN.
public enum LogBessel {
    /// `log I_v(x)`.
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T {
        guard v >= 0, x > 0 else { return .nan }
        switch BesselRegion.forI(order: v.doubleValue, x.doubleValue) {
        case .debye: return BesselDebyeExpansion.logI(order: v, x)
        case .hankel: return BesselHankelExpansion.logI(order: v, x)
        case .series: return BesselPowerSeries.logI(order: v, x)
        case .recurrence, .integral: return BesselRecurrence.logI(order: v, x)
        }
    }

    /// `log K_v(x)`.
    @inlinable
    public static func logK<T: RealScalar>(order v: T, _ x: T) -> T {
        guard v >= 0, x > 0 else { return .nan }
        switch BesselRegion.forK(order: v.doubleValue, x.doubleValue) {
        case .debye: return BesselDebyeExpansion.logK(order: v, x)
        case .hankel: return BesselHankelExpansion.logK(order: v, x)
        case .integral: return BesselKIntegral.logK(order: v, x)
        case .recurrence, .series: return BesselRecurrence.logK(order: v, x)
        }
    }
}
