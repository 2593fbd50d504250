import RealModule
import Roundoff

/// The log normaliser of the von Mises–Fisher distribution on the sphere
/// `S^{d−1} ⊂ ℝ^d` with concentration `κ > 0`:
///
/// `log C_d(κ) = (d/2 − 1) log κ − (d/2) log 2π − log I_{d/2−1}(κ)`,
///
/// the density being `C_d(κ) e^{κ μᵀx}`. For the dimensions of neural
/// network features (`d = 2048 … 32768`, Plesner et al. 2024) `I_{d/2−1}(κ)`
/// under- or overflows binary64 for every `κ` of interest, so the
/// normaliser is only computable with ``LogBessel/logI(order:_:)``; the
/// error is that of `log I` plus a few roundings of terms of size
/// `(d/2) log κ` (a condition number of about `(d/2)|log κ| / |log C_d|`
/// relative to the result).
@frozen
public struct VonMisesFisherNormalizer {
    /// The dimension `d ≥ 2` of the ambient space.
    public let dimension: Int

    /// The normaliser for dimension `d ≥ 2`.
    @inlinable
    public init(dimension: Int) {
        precondition(dimension >= 2, "von Mises–Fisher needs dimension ≥ 2")
        self.dimension = dimension
    }

    /// The Bessel order `d/2 − 1`.
    @inlinable
    public var order: Double { Double(dimension) / 2 - 1 }

    /// `log C_d(κ)` in `T`, with `log I` in log space.
    @inlinable
    public func logNormalizer<T: RealScalar>(_ kappa: T) -> T {
        let v = T(order)
        return v * T.log(kappa) - T(Double(dimension) / 2) * T(1.837_877_066_409_345_483_56)
            - LogBessel.logI(order: v, kappa)
    }

    /// `log C_d(κ)` in `T` with the naive `log(I_{d/2−1}(κ))` (infinite or
    /// NaN wherever `I` leaves the range of `T`).
    @inlinable
    public func naiveLogNormalizer<T: RealScalar>(_ kappa: T) -> T {
        let v = T(order)
        return v * T.log(kappa) - T(Double(dimension) / 2) * T(1.837_877_066_409_345_483_56)
            - NaiveBessel.logI(order: v, kappa)
    }
}
