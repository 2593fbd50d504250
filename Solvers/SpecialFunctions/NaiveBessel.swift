import RealModule
import Roundoff

/// The naive path: `I_v(x)` and `K_v(x)` computed as values in `T` by the
/// same methods and regions as ``LogBessel`` but in linear space (as a
/// library without exponent scaling does), then logged.
///
/// Where the function or an intermediate (`e^x`, `e^{vη}`, `Γ(v + 1)`,
/// `(x/2)^v`, `cosh(vt)`) leaves the range of `T`, the value is `∞`, `0`
/// or NaN and its logarithm `+∞`, `−∞` or NaN: binary64 overflows for
/// `log f > 709.8`, binary32 for `log f > 88.7`, fp16 for `log f > 11.1`.
/// Where everything stays in range the accuracy matches ``LogBessel``.
public enum NaiveBessel {
    /// `I_v(x)` in linear space.
    @inlinable
    public static func valueI<T: RealScalar>(order v: T, _ x: T) -> T {
        guard v >= 0, x > 0 else { return .nan }
        switch BesselRegion.forI(order: v.doubleValue, x.doubleValue) {
        case .debye: return BesselDebyeExpansion.valueI(order: v, x)
        case .hankel: return BesselHankelExpansion.valueI(order: v, x)
        case .series: return BesselPowerSeries.valueI(order: v, x)
        case .recurrence, .integral: return BesselRecurrence.valueI(order: v, x)
        }
    }

    /// `K_v(x)` in linear space.
    @inlinable
    public static func valueK<T: RealScalar>(order v: T, _ x: T) -> T {
        guard v >= 0, x > 0 else { return .nan }
        switch BesselRegion.forK(order: v.doubleValue, x.doubleValue) {
        case .debye: return BesselDebyeExpansion.valueK(order: v, x)
        case .hankel: return BesselHankelExpansion.valueK(order: v, x)
        case .integral: return BesselKIntegral.valueK(order: v, x)
        case .recurrence, .series: return BesselRecurrence.valueK(order: v, x)
        }
    }

    /// `log(I_v(x))` of the linear-space value (`log 0 = −∞`, `log ∞ = ∞`).
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T { T.log(valueI(order: v, x)) }

    /// `log(K_v(x))` of the linear-space value.
    @inlinable
    public static func logK<T: RealScalar>(order v: T, _ x: T) -> T { T.log(valueK(order: v, x)) }
}
