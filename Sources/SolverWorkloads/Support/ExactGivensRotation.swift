import Roundoff

/// The exact Givens rotation of two nonzero finite binary64 values, to
/// about 104 bits: the reference against which rotations computed in any
/// format — binary64 included — are measured in ulps.
///
/// No library computes `c`, `s`, `r` beyond binary64, so the defining
/// formulas of LAPACK's convention are evaluated in ``DoubleDouble``:
/// `d = √(f² + g²)`, `c = |f|/d`, `s = sign(f)·g/d`, `r = sign(f)·d`. Each
/// value is kept as `M·2^E` with `M` a double-double in `[2^−2, 2]`, so
/// neither `f² + g²` nor a sine far below binary64's range (`|g/f| < 2^−1074`)
/// loses accuracy: with `k` the larger exponent of `f` and `g`, the sum of
/// squares is taken of `f·2^−k` and `g·2^−k` (a square below `2^−120` of the
/// other is dropped: it changes `d` by less than `2^−121` relatively), and
/// `c = (|f|·2^−e_f)/D · 2^(e_f − k)`, `s = ±(g·2^−e_g)/D · 2^(e_g − k)`,
/// `r = ±D·2^k` with `D = d·2^−k ∈ [1, 2√2)`.
/// The tests check it against LAPACK's `dlartg`.
struct ExactGivensRotation {
    /// A value `mantissa·2^exponent`.
    struct Scaled {
        var mantissa: DoubleDouble
        var exponent: Int
    }

    var c: Scaled
    var s: Scaled
    var r: Scaled

    /// The rotation of `(f, g)`, both nonzero and finite.
    init(f: Double, g: Double) {
        precondition(f != 0 && g != 0 && f.isFinite && g.isFinite, "ExactGivensRotation needs nonzero finite f, g")
        let ef = f.exponent, eg = g.exponent
        let k = Swift.max(ef, eg)
        var sumOfSquares = DoubleDouble(0)
        for (x, e) in [(f, ef), (g, eg)] where e - k >= -60 {
            let scaled = Double(sign: .plus, exponent: -k, significand: x)
            sumOfSquares = sumOfSquares + DoubleDouble.product(scaled, scaled)
        }
        let d = sumOfSquares.squareRoot()
        let sign = f < 0 ? -1.0 : 1.0
        let fm = Double(sign: .plus, exponent: -ef, significand: f.magnitude)
        let gm = Double(sign: .plus, exponent: -eg, significand: sign * g)
        c = Scaled(mantissa: DoubleDouble(fm) / d, exponent: ef - k)
        s = Scaled(mantissa: DoubleDouble(gm) / d, exponent: eg - k)
        r = Scaled(mantissa: DoubleDouble(hi: sign * d.hi, lo: sign * d.lo), exponent: k)
    }
}

extension FloatFormat {
    /// `|x̂ − x| / ulp(x)` for a computed value `x̂` and an exact nonzero
    /// `x = M·2^E`, with `ulp(x) = 2^(max(⌊log₂|x|⌋, emin) − p + 1)` the
    /// spacing of this format at `x` (subnormal spacing below `2^emin`).
    /// `x̂` is scaled by `2^−E` (exactly) so the difference keeps all of
    /// `M`'s bits; +∞ for a non-finite `x̂`.
    func ulpError(_ computed: Double, exact x: ExactGivensRotation.Scaled) -> Double {
        guard computed.isFinite else { return .infinity }
        let m = x.mantissa
        var floorLog2 = m.hi.exponent
        // A power-of-two head with a tail toward zero lies in the binade below.
        if m.hi.significandBitPattern == 0 && m.lo != 0 && (m.lo < 0) != (m.hi < 0) { floorLog2 -= 1 }
        let e = Swift.max(floorLog2 + x.exponent, minExponent)
        let ulpScaled = Double(sign: .plus, exponent: e - precision + 1 - x.exponent, significand: 1)
        let scaled = Double(sign: .plus, exponent: -x.exponent, significand: computed)
        return ((scaled - m.hi) - m.lo).magnitude / ulpScaled
    }
}
