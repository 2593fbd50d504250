import Testing
import Roundoff
import RoundoffReference
@testable import SolverWorkloads

/// The exact rotation the `givens` workload measures against.
@Suite struct ExactGivensRotationTests {
    /// `(f, g) = ±(a, b)·2^k` for Pythagorean triples: `c = a/h`, `s = ±b/h`
    /// and `r = ±h·2^k` exactly; the double-double values agree to ~2^−100
    /// even where `f² + g²` or `g/f` leave binary64's range.
    @Test func pythagoreanRotationsAreExact() {
        for (i, t) in pythagoreanTriples(upTo: 30).enumerated() {
            for k in [-1070, -600, 0, 600, 1000] {
                let sf = i % 2 == 0 ? 1.0 : -1.0
                let f = sf * Double(sign: .plus, exponent: k, significand: t.a)
                let g = Double(sign: .plus, exponent: k, significand: t.b)
                let exact = ExactGivensRotation(f: f, g: g)
                // h·c − a, h·s − sign(f)·b and r/2^k − sign(f)·h, with the products exact by FMA.
                let c = exact.c, s = exact.s
                let cValue = (-t.a * Double(sign: .plus, exponent: -c.exponent, significand: 1))
                    .addingProduct(t.h, c.mantissa.hi) + t.h * c.mantissa.lo
                let sValue = (-sf * t.b * Double(sign: .plus, exponent: -s.exponent, significand: 1))
                    .addingProduct(t.h, s.mantissa.hi) + t.h * s.mantissa.lo
                #expect(cValue.magnitude <= 0x1p-98 * t.a * Double(sign: .plus, exponent: -c.exponent, significand: 1))
                #expect(sValue.magnitude <= 0x1p-98 * t.b * Double(sign: .plus, exponent: -s.exponent, significand: 1))
                let rScale = Double(sign: .plus, exponent: exact.r.exponent - k, significand: 1)
                let rValue = (exact.r.mantissa.hi * rScale - sf * t.h) + exact.r.mantissa.lo * rScale
                #expect(rValue.magnitude <= 0x1p-98 * t.h)
            }
        }
    }

    /// Against LAPACK's binary64 `DLARTG` over the whole range (including
    /// sines far below binary64's): the library's errors are within the
    /// 2022 algorithm's first-order bounds (≤ 4.25 ulps) under this measure.
    @Test func lapackIsWithinAFewUlpsOfIt() {
        var worst = 0.0
        for (f, g) in randomPairs(3000, log2Range: -1022...1022, seed: 12) {
            let exact = ExactGivensRotation(f: f, g: g)
            let lapack = LAPACKGivens.rotation(f: f, g: g)
            for (x, e) in [(lapack.c, exact.c), (lapack.s, exact.s), (lapack.r, exact.r)] {
                worst = max(worst, FloatFormat.fp64.ulpError(x, exact: e))
            }
        }
        #expect(worst <= 4.25 * 1.001 && worst > 0.25, "worst \(worst) ulps")
    }

    /// The ulp measure itself: spacing of the format at the exact value,
    /// subnormal spacing below 2^emin, and the binade below for a power of
    /// two approached from beneath.
    @Test func ulpErrorUsesTheSpacingAtTheExactValue() {
        let one = ExactGivensRotation.Scaled(mantissa: DoubleDouble(1), exponent: 0)
        #expect(FloatFormat.fp16.ulpError(1 + 0x1p-10, exact: one) == 1)
        let belowOne = ExactGivensRotation.Scaled(mantissa: DoubleDouble(hi: 1, lo: -0x1p-80), exponent: 0)
        #expect(abs(FloatFormat.fp16.ulpError(1 - 0x1p-11, exact: belowOne) - 1) < 1e-12)
        let tiny = ExactGivensRotation.Scaled(mantissa: DoubleDouble(1), exponent: -20)
        #expect(FloatFormat.fp16.ulpError(0, exact: tiny) == 0x1p-20 / 0x1p-24)
        #expect(FloatFormat.fp16.ulpError(.infinity, exact: one) == .infinity)
    }
}
