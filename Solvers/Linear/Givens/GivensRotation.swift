import Roundoff

/// A plane rotation `G = [c s; −s c]` with `G·(f, g)ᵀ = (r, 0)ᵀ`, the
/// convention of LAPACK's `xLARTG`: `c = |f|/√(f² + g²) ≥ 0`,
/// `s = sign(f)·g/√(f² + g²)`, `r = sign(f)·√(f² + g²)`.
@frozen
public struct GivensRotation<T: RealScalar> {
    /// The cosine `c`.
    public var c: T
    /// The sine `s`.
    public var s: T
    /// The nonzero component `r` of the rotated vector.
    public var r: T

    /// A rotation from its parts.
    @inlinable
    public init(c: T, s: T, r: T) {
        self.c = c
        self.s = s
        self.r = r
    }

    /// `G·(x, y)ᵀ` as BLAS `xROT` computes it: `(fl(fl(c·x) + fl(s·y)), fl(fl(c·y) − fl(s·x)))`.
    @inlinable
    public func apply(_ x: T, _ y: T) -> (T, T) {
        (c * x + s * y, c * y - s * x)
    }
}

/// Computes Givens rotations in `T` by one ``GivensAlgorithm``, with the
/// scaling thresholds of `T`'s format (``GivensScaling``) computed once.
///
/// Every operation below is one rounding in `T` (`sign(a, b)` is `|a|`
/// with the sign of `b`, exact). The two LAPACK algorithms return
/// `(1, 0, f)` for `g = 0` and `(0, sign(g), |g|)` for `f = 0` without
/// arithmetic; otherwise, with `f₁ = |f|`, `g₁ = |g|`:
///
/// - ``GivensAlgorithm/naive``: `d = √(f·f + g·g)`, `c = f₁/d`,
///   `r = sign(d, f)`, `s = g/r` (no special cases).
/// - ``GivensAlgorithm/lapack310`` (LAPACK 3.10.0 `dlartg.f90`): if
///   `rtmin < f₁, g₁ < rtmax`: `d = √(f·f + g·g)`, `p = 1/d`, `c = f₁·p`,
///   `s = g·sign(p, f)`, `r = sign(d, f)`; else
///   `u = min(safmax, max(safmin, f₁, g₁))`, `uu = 1/u`, `fs = f·uu`,
///   `gs = g·uu`, `d = √(fs·fs + gs·gs)`, `p = 1/d`, `c = |fs|·p`,
///   `s = gs·sign(p, f)`, `r = sign(d, f)·u`.
/// - ``GivensAlgorithm/pereiraLotfiLangou2022`` (LAPACK ≥ 3.10.1
///   `dlartg.f90`): if `rtmin < f₁, g₁ < rtmax`: `d = √(f·f + g·g)`,
///   `c = f₁/d`, `r = sign(d, f)`, `s = g/r`; else `u` as above,
///   `fs = f/u`, `gs = g/u`, `d = √(fs·fs + gs·gs)`, `c = |fs|/d`,
///   `r = sign(d, f)`, `s = gs/r`, `r = r·u`.
///
/// In binary64 and binary32 the 2022 algorithm reproduces LAPACK's
/// `dlartg`/`slartg` bit for bit (the tests check this against OpenBLAS).
/// Its error in the unscaled range is at most about 3 units of `u` in each
/// of `c`, `s` and `r` (each is a quotient or a square root of a sum of two
/// rounded squares); the reciprocal of 3.10.0 adds one rounding to `c` and `s`.
@frozen
public struct GivensGenerator<T: RealScalar> {
    /// The algorithm.
    public let algorithm: GivensAlgorithm
    /// The thresholds of `T`'s format.
    public let scaling: GivensScaling<T>

    /// A generator for `algorithm` in `T`.
    @inlinable
    public init(_ algorithm: GivensAlgorithm) {
        self.algorithm = algorithm
        scaling = GivensScaling()
    }

    /// The rotation taking `(f, g)` to `(r, 0)` (see the type).
    @inlinable
    public func rotation(f: T, g: T) -> GivensRotation<T> {
        switch algorithm {
        case .naive: return naive(f, g)
        case .lapack310: return lapack310(f, g)
        case .pereiraLotfiLangou2022: return pereiraLotfiLangou2022(f, g)
        }
    }

    @inlinable
    func naive(_ f: T, _ g: T) -> GivensRotation<T> {
        let d = (f * f + g * g).squareRoot()
        let r = T(signOf: f, magnitudeOf: d)
        return GivensRotation(c: f.magnitude / d, s: g / r, r: r)
    }

    @inlinable
    func lapack310(_ f: T, _ g: T) -> GivensRotation<T> {
        let f1 = f.magnitude, g1 = g.magnitude
        if g == 0 { return GivensRotation(c: 1, s: 0, r: f) }
        if f == 0 { return GivensRotation(c: 0, s: T(signOf: g, magnitudeOf: 1), r: g1) }
        let k = scaling
        if f1 > k.rootMinimum310 && f1 < k.rootMaximum310 && g1 > k.rootMinimum310 && g1 < k.rootMaximum310 {
            let d = (f * f + g * g).squareRoot()
            let p = 1 / d
            return GivensRotation(c: f1 * p, s: g * T(signOf: f, magnitudeOf: p), r: T(signOf: f, magnitudeOf: d))
        }
        let u = Swift.min(k.safeMaximum, Swift.max(k.safeMinimum, f1, g1))
        let uu = 1 / u
        let fs = f * uu, gs = g * uu
        let d = (fs * fs + gs * gs).squareRoot()
        let p = 1 / d
        return GivensRotation(c: fs.magnitude * p, s: gs * T(signOf: f, magnitudeOf: p),
                              r: T(signOf: f, magnitudeOf: d) * u)
    }

    @inlinable
    func pereiraLotfiLangou2022(_ f: T, _ g: T) -> GivensRotation<T> {
        let f1 = f.magnitude, g1 = g.magnitude
        if g == 0 { return GivensRotation(c: 1, s: 0, r: f) }
        if f == 0 { return GivensRotation(c: 0, s: T(signOf: g, magnitudeOf: 1), r: g1) }
        let k = scaling
        if f1 > k.rootMinimum2022 && f1 < k.rootMaximum2022 && g1 > k.rootMinimum2022 && g1 < k.rootMaximum2022 {
            let d = (f * f + g * g).squareRoot()
            let r = T(signOf: f, magnitudeOf: d)
            return GivensRotation(c: f1 / d, s: g / r, r: r)
        }
        let u = Swift.min(k.safeMaximum, Swift.max(k.safeMinimum, f1, g1))
        let fs = f / u, gs = g / u
        let d = (fs * fs + gs * gs).squareRoot()
        let r = T(signOf: f, magnitudeOf: d)
        return GivensRotation(c: fs.magnitude / d, s: gs / r, r: r * u)
    }
}
