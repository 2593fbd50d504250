import Roundoff

/// The safe-scaling thresholds of LAPACK's `LA_CONSTANTS` module, derived
/// from the scalar type's own format rather than binary64's, so that an
/// emulated binary16 rotation scales where binary16 over- or underflows.
///
/// With Fortran's model numbers (`minexponent = emin + 1`,
/// `maxexponent = emax + 1`, `epsilon = ε = 2^(1−p)`) LAPACK defines
/// `safmin = 2^max(minexponent − 1, 1 − maxexponent) = 2^max(emin, −emax)`
/// and `safmax = 1/safmin`; here `emin` is the exponent of
/// `T.leastNormalMagnitude` and `emax` that of `T.greatestFiniteMagnitude`.
/// For binary64 this gives LAPACK's `2^−1022`; for binary16
/// `safmin = 2^−14`, `safmax = 2^14`.
///
/// The square-root thresholds are computed in binary64 and rounded to the
/// nearest value of `T` (as a Fortran compiler rounds a parameter), whatever
/// `T`'s rounding mode:
/// - LAPACK 3.10.0: `rtmin = √(safmin/ε)`, `rtmax = √(safmax·ε)`
///   (binary16: `2^−2` and `2^2`);
/// - Pereira–Lotfi–Langou 2022: `rtmin = √safmin`, `rtmax = √(safmax/2)`
///   (binary16: `2^−7` and `2^6.5 ≈ 90.5`).
@frozen
public struct GivensScaling<T: RealScalar> {
    /// `safmin = 2^max(emin, −emax)`.
    public let safeMinimum: T
    /// `safmax = 1/safmin`.
    public let safeMaximum: T
    /// LAPACK 3.10.0's `rtmin = √(safmin/ε)`.
    public let rootMinimum310: T
    /// LAPACK 3.10.0's `rtmax = √(safmax·ε)`.
    public let rootMaximum310: T
    /// The 2022 algorithm's `rtmin = √safmin`.
    public let rootMinimum2022: T
    /// The 2022 algorithm's `rtmax = √(safmax/2)`.
    public let rootMaximum2022: T

    /// The constants of `T`'s format.
    @inlinable
    public init() {
        let emin = T.leastNormalMagnitude.doubleValue.exponent
        let emax = T.greatestFiniteMagnitude.doubleValue.exponent
        let e = Swift.max(emin, -emax)
        let safmin = Double(sign: .plus, exponent: e, significand: 1)
        let safmax = 1 / safmin
        let epsilon = T.ulpOfOne.doubleValue
        safeMinimum = Self.nearest(safmin)
        safeMaximum = Self.nearest(safmax)
        rootMinimum310 = Self.nearest((safmin / epsilon).squareRoot())
        rootMaximum310 = Self.nearest((safmax * epsilon).squareRoot())
        rootMinimum2022 = Self.nearest(safmin.squareRoot())
        rootMaximum2022 = Self.nearest((safmax / 2).squareRoot())
    }

    /// The value of `T` nearest to `x` (deterministic under every rounding
    /// mode: `T(x)` is a neighbour of `x`, and the nearer of it and its own
    /// neighbours is kept). The thresholds are never halfway cases.
    @inlinable
    static func nearest(_ x: Double) -> T {
        let t = T(x)
        var best = t
        for candidate in [t.nextDown, t.nextUp] where (candidate.doubleValue - x).magnitude < (best.doubleValue - x).magnitude {
            best = candidate
        }
        return best
    }
}
