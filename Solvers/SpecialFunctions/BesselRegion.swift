/// Which method ``LogBessel`` uses at order `v` and argument `x`.
///
/// The boundaries were chosen by measuring the binary64 error of each
/// method against the 40-digit mpmath table (`scripts/bessel-reference.py`,
/// 17 orders × 45 arguments from `10⁻⁶` to `10⁵`); error is
/// `|computed − ref| / max(|ref|, 1)`:
///
/// | region | `I` | `K` |
/// |---|---|---|
/// | ``debye`` | `v ≥ 20` | `v ≥ 20` |
/// | ``hankel`` | `v < 20`, `x ≥ max(20, v²/2)` | same |
/// | ``series`` | `v < 20`, `x ≤ 20` (otherwise) | — |
/// | ``integral`` | — | `v < 20`, `x ≤ 2` (otherwise) |
/// | ``recurrence`` | the rest (`v < 20`, `20 < x < v²/2`) | the rest (`v < 20`, `2 < x < max(20, v²/2)`) |
///
/// What the measurements of each method over the whole table showed:
/// - Hankel: `v = 0` is off by `1.6·10⁻¹¹` at `x = 10` and exact to
///   `2·10⁻¹⁶` from `x = 31.6`; at `v = 17.3` it is `2·10⁻²` at `x = 56`
///   and `2·10⁻¹⁶` at `x = 178` (`v²/2 = 150`); at `v = 50`, `7·10⁻³` at
///   `x = 316` and `10⁻¹⁶` at `x = 1000` (`v²/2 = 1250`).
/// - Debye: within `2·10⁻¹⁵` already from `v = 10` at every `x`; from
///   `v = 20` it is limited only by the conditioning near `η = 0` (see
///   ``BesselDebyeExpansion``).
/// - Power series: within `10⁻¹⁵` for every `v ≤ 50` up to `x = 100`
///   (the cost grows like `x`, hence the bound 20).
/// - Integral: within `2·10⁻¹⁶` for `v < 20`, `x ≤ 2` (`1.4·10⁻¹⁵` at
///   `v = 50`, `x = 31.6`).
/// - Recurrences: within `4·10⁻¹⁶` where used; the backward recurrence
///   for `I` from order 20 loses up to `3·10⁻¹⁴` at tiny `x` and
///   `v = 0`, where the series is used instead.
public enum BesselRegion: String, CaseIterable, Sendable {
    /// The ascending power series (``BesselPowerSeries``).
    case series
    /// The uniform asymptotic expansion for large order (``BesselDebyeExpansion``).
    case debye
    /// The large-argument expansion (``BesselHankelExpansion``).
    case hankel
    /// The integral representation of `K` (``BesselKIntegral``).
    case integral
    /// The recurrence in the order (``BesselRecurrence``).
    case recurrence

    /// Orders from which the Debye expansion is used (and where the
    /// backward recurrence for `I` starts).
    public static let debyeMinimumOrder = 20.0
    /// The smallest argument of the Hankel expansion (`e^{−2x}` below binary64 precision).
    public static let hankelMinimumArgument = 20.0
    /// The Hankel expansion needs `x ≥ hankelOrderFactor · v²`.
    public static let hankelOrderFactor = 0.5
    /// The largest argument of the power series for `I`.
    public static let seriesMaximumArgument = 20.0
    /// The largest argument of the integral for `K`.
    public static let integralMaximumArgument = 2.0

    /// Whether the Hankel expansion is accurate at order `v` and argument `x`.
    @inlinable
    public static func hankelApplies(order v: Double, _ x: Double) -> Bool {
        x >= Swift.max(hankelMinimumArgument, hankelOrderFactor * v * v)
    }

    /// The region of `log I_v(x)`.
    @inlinable
    public static func forI(order v: Double, _ x: Double) -> BesselRegion {
        if v >= debyeMinimumOrder { return .debye }
        if hankelApplies(order: v, x) { return .hankel }
        if x <= seriesMaximumArgument { return .series }
        return .recurrence
    }

    /// The region of `log K_v(x)`.
    @inlinable
    public static func forK(order v: Double, _ x: Double) -> BesselRegion {
        if v >= debyeMinimumOrder { return .debye }
        if hankelApplies(order: v, x) { return .hankel }
        if x <= integralMaximumArgument { return .integral }
        return .recurrence
    }
}
