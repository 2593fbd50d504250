import Foundation
import Testing
import Roundoff
import RoundoffReference
import Solvers

/// Random pairs `(f, g)` with `log₂|f|`, `log₂|g|` uniform in `range` and random signs.
func randomPairs(_ count: Int, log2Range range: ClosedRange<Double>, seed: UInt64) -> [(Double, Double)] {
    let s = StochasticStream(seed: seed, stream: 77)
    func value(_ k: Int) -> Double {
        let e = range.lowerBound + (range.upperBound - range.lowerBound) * s.unitInterval(at: UInt64(2 * k))
        let m = Foundation.exp2(e)
        return s.unitInterval(at: UInt64(2 * k + 1)) < 0.5 ? -m : m
    }
    return (0..<count).map { (value(2 * $0), value(2 * $0 + 1)) }
}

/// Pythagorean triples `(a, b, h)`, `a² + b² = h²`, from `m > n ≥ 1`, `m ≤ mMax`.
func pythagoreanTriples(upTo mMax: Int) -> [(a: Double, b: Double, h: Double)] {
    var out: [(Double, Double, Double)] = []
    for m in 2...mMax {
        for n in 1..<m {
            out.append((Double(m * m - n * n), Double(2 * m * n), Double(m * m + n * n)))
        }
    }
    return out
}

/// `|x̂ − num/den|` in units of the spacing of a `p`-bit format at `x̂`
/// (normal range), with `den·x̂ − num` exact by FMA: an exact oracle for
/// rational `c` and `s`.
func ulpsFromRational(_ computed: Double, _ num: Double, _ den: Double, bits p: Int) -> Double {
    let difference = (-num).addingProduct(den, computed)
    let ulp = Double(sign: .plus, exponent: computed.exponent - p + 1, significand: 1)
    return (difference / den).magnitude / ulp
}

/// First-order error bounds in ulps of `(c, s, r)` per algorithm and branch
/// (derived in the tests' comments from one rounding of at most `u` per
/// operation; `δ/u` bounds ulps for a relative error `δ`).
///
/// - 2022, unscaled: `f²+g²` carries `2u`, `d` `2u` (half of it plus the
///   root's own), `c = f₁/d` and `s = g/r` `3u`, `r` `2u`.
/// - 2022, scaled: one of `fs, gs` is exactly ±1, the other carries `u`;
///   `d` carries at most `2.25u`; `c`, `s` at most `4.25u`, `r = d·u` `3.25u`.
/// - 3.10, unscaled: `p = 1/d` carries `3u`, so `c = f₁·p` and `s` `4u`, `r` `2u`.
/// - 3.10, scaled: `fs = f·(1/u)` carries `2u`, `d` `3u`, `p` `4u`, `c` and
///   `s` `6u`, `r = d·u` `5u`.
func givensBounds(_ algorithm: GivensAlgorithm, scaled: Bool) -> (c: Double, s: Double, r: Double) {
    let slack = 1.001
    switch (algorithm, scaled) {
    case (.pereiraLotfiLangou2022, false), (.naive, _): return (3 * slack, 3 * slack, 2 * slack)
    case (.pereiraLotfiLangou2022, true): return (4.25 * slack, 4.25 * slack, 3.25 * slack)
    case (.lapack310, false): return (4 * slack, 4 * slack, 2 * slack)
    case (.lapack310, true): return (6 * slack, 6 * slack, 5 * slack)
    }
}

/// Whether `(f, g)` takes `algorithm`'s scaled branch in `T`.
func takesScaledBranch<T: RealScalar>(_ f: T, _ g: T, _ algorithm: GivensAlgorithm, _ k: GivensScaling<T>) -> Bool {
    let (lo, hi) = algorithm == .lapack310 ? (k.rootMinimum310, k.rootMaximum310) : (k.rootMinimum2022, k.rootMaximum2022)
    return !(f.magnitude > lo && f.magnitude < hi && g.magnitude > lo && g.magnitude < hi)
}

@Suite struct GivensRotationTests {
    /// LAPACK's `LA_CONSTANTS` formulas, evaluated here by hand for
    /// binary64 (safmin = 2^−1022) and binary16 (emin = −14, emax = 15).
    @Test func scalingConstantsFollowTheFormat() {
        let d = GivensScaling<Double>()
        #expect(d.safeMinimum == 0x1p-1022 && d.safeMaximum == 0x1p1022)
        #expect(d.rootMinimum2022 == 0x1p-511)
        #expect(d.rootMaximum2022 == (0x1p1021 as Double).squareRoot())
        #expect(d.rootMinimum310 == (0x1p-970 as Double).squareRoot())   // √(2^−1022 / 2^−52)
        #expect(d.rootMaximum310 == (0x1p970 as Double).squareRoot())
        typealias Half = Emulated<FP16, RNE>
        let h = GivensScaling<Half>()
        #expect(h.safeMinimum.value == 0x1p-14 && h.safeMaximum.value == 0x1p14)
        #expect(h.rootMinimum310.value == 0.25 && h.rootMaximum310.value == 4)
        #expect(h.rootMinimum2022.value == 0x1p-7)
        #expect(h.rootMaximum2022.value == 90.5)   // √(2^13) = 90.51 → spacing 1/16 at 64…128
        // Deterministic under stochastic rounding, and the same for native binary16.
        let sr = GivensScaling<Emulated<FP16, SR>>()
        #expect(sr.rootMaximum2022.value == 90.5 && sr.rootMinimum310.value == 0.25)
        let native = GivensScaling<Float16>()
        #expect(Double(native.rootMaximum2022) == 90.5 && Double(native.safeMinimum) == 0x1p-14)
    }

    /// The 2022 algorithm is what OpenBLAS's LAPACK runs: `DLARTG` bit for
    /// bit over binary64's range, both branches and the zero cases.
    @Test func pereiraLotfiLangouMatchesDlartg() {
        let generator = GivensGenerator<Double>(.pereiraLotfiLangou2022)
        var pairs = randomPairs(3000, log2Range: -1020...1020, seed: 3)
        pairs += [(0, 3), (0, -3), (2, 0), (-2, 0), (0x1p-1074, 1), (1e300, 1e-300), (-0x1p1023, 0x1p1023)]
        var scaled = 0
        for (f, g) in pairs {
            let mine = generator.rotation(f: f, g: g)
            let lapack = LAPACKGivens.rotation(f: f, g: g)
            #expect(mine.c.bitPattern == lapack.c.bitPattern && mine.s.bitPattern == lapack.s.bitPattern
                    && mine.r.bitPattern == lapack.r.bitPattern, "f = \(f), g = \(g)")
            if takesScaledBranch(f, g, .pereiraLotfiLangou2022, generator.scaling) { scaled += 1 }
        }
        #expect(scaled > 500 && scaled < pairs.count - 500, "both branches exercised (\(scaled) scaled)")
    }

    /// The same in binary32 against `SLARTG`: native `Float` and the
    /// emulated binary32 type.
    @Test func pereiraLotfiLangouMatchesSlartg() {
        let native = GivensGenerator<Float>(.pereiraLotfiLangou2022)
        let emulated = GivensGenerator<Emulated<FP32, RNE>>(.pereiraLotfiLangou2022)
        for (f64, g64) in randomPairs(3000, log2Range: -125...125, seed: 4) {
            let f = Float(f64), g = Float(g64)
            let lapack = LAPACKGivens.rotation(f: f, g: g)
            let a = native.rotation(f: f, g: g)
            let b = emulated.rotation(f: Emulated(Double(f)), g: Emulated(Double(g)))
            #expect(a.c == lapack.c && a.s == lapack.s && a.r == lapack.r, "f = \(f), g = \(g)")
            #expect(b.c.value == Double(lapack.c) && b.s.value == Double(lapack.s) && b.r.value == Double(lapack.r),
                    "f = \(f), g = \(g)")
        }
    }

    /// Errors in binary64 against exact rationals: `(f, g) = ±(a, b)·2^k`
    /// for Pythagorean triples gives `c = a/h`, `s = ±b/h`, `r = ±h·2^k`
    /// exactly; `k` spans binary64's range so both branches are measured.
    @Test(arguments: GivensAlgorithm.allCases.filter { $0 != .naive })
    func binary64ErrorsWithinBounds(algorithm: GivensAlgorithm) {
        let generator = GivensGenerator<Double>(algorithm)
        let stream = StochasticStream(seed: 5, stream: 1)
        var worst = [false: [0.0, 0.0, 0.0], true: [0.0, 0.0, 0.0]]
        for (i, t) in pythagoreanTriples(upTo: 60).enumerated() {
            let k = Int(stream.unitInterval(at: UInt64(i)) * 2000) - 1000
            let swap = i % 2 == 1, sf = i % 3 == 0 ? -1.0 : 1.0, sg = i % 5 == 0 ? -1.0 : 1.0
            let (a, b) = swap ? (t.b, t.a) : (t.a, t.b)
            let f = sf * Double(sign: .plus, exponent: k, significand: a)
            let g = sg * Double(sign: .plus, exponent: k, significand: b)
            let rotation = generator.rotation(f: f, g: g)
            let exactR = sf * Double(sign: .plus, exponent: k, significand: t.h)
            let errors = [
                ulpsFromRational(rotation.c, a, t.h, bits: 53),
                ulpsFromRational(rotation.s, sf * sg * b, t.h, bits: 53),
                (rotation.r - exactR).magnitude / exactR.ulp,
            ]
            let scaled = takesScaledBranch(f, g, algorithm, generator.scaling)
            for j in 0..<3 { worst[scaled]![j] = max(worst[scaled]![j], errors[j]) }
        }
        for scaled in [false, true] {
            let bound = givensBounds(algorithm, scaled: scaled)
            let w = worst[scaled]!
            #expect(w[0] <= bound.c && w[1] <= bound.s && w[2] <= bound.r, "\(algorithm) scaled=\(scaled): \(w) ulps")
            #expect(w[0] > 0, "the test measures something")
        }
    }

    /// In binary16 and binary32 (emulated, round to nearest) against
    /// LAPACK's binary64 `DLARTG` of the same inputs rounded to the format
    /// (by the native `Float16`/`Float` conversions): within the bound plus
    /// the reference's own half ulp.
    @Test func lowPrecisionErrorsAgainstRoundedBinary64() {
        func check<T: RealScalar>(_: T.Type, bits p: Int, emin: Int, log2Range: ClosedRange<Double>, round: (Double) -> Double) {
            for algorithm in [GivensAlgorithm.lapack310, .pereiraLotfiLangou2022] {
                let generator = GivensGenerator<T>(algorithm)
                var worst = 0.0
                for (f64, g64) in randomPairs(3000, log2Range: log2Range, seed: 6) {
                    let f = round(f64), g = round(g64)
                    let rotation = generator.rotation(f: T(f), g: T(g))
                    let lapack = LAPACKGivens.rotation(f: f, g: g)
                    let bound = givensBounds(algorithm, scaled: takesScaledBranch(T(f), T(g), algorithm, generator.scaling))
                    for (x, reference, b) in [(rotation.c, lapack.c, bound.c), (rotation.s, lapack.s, bound.s), (rotation.r, lapack.r, bound.r)] {
                        let rounded = round(reference)
                        // The larger of the two spacings, for a pair straddling a
                        // binade; subnormal spacing below 2^emin.
                        let e = max(max(x.doubleValue.magnitude, rounded.magnitude).exponent, emin)
                        let ulp = Double(sign: .plus, exponent: e - p + 1, significand: 1)
                        let error = (x.doubleValue - rounded).magnitude / ulp
                        worst = max(worst, error / (b + 0.5))
                    }
                }
                #expect(worst <= 1, "\(T.self) \(algorithm): error / (bound + ½) reaches \(worst)")
            }
        }
        // r must stay below xmax: inputs up to a quarter of it.
        check(Emulated<FP16, RNE>.self, bits: 11, emin: -14, log2Range: -13...13, round: { Double(Float16($0)) })
        check(Emulated<FP32, RNE>.self, bits: 24, emin: -126, log2Range: -120...120, round: { Double(Float($0)) })
    }

    /// Binary16 with entries past √xmax ≈ 256: the naive formulas overflow
    /// (`384² > 65504`), the LAPACK algorithms scale and return the 3-4-5
    /// rotation `(c, s, r) = (0.6, 0.8, 640)` to within their bounds.
    @Test func binary16OverflowOnlyHitsTheNaiveFormulas() {
        typealias Half = Emulated<FP16, RNE>
        let f = Half(384), g = Half(512)
        let naive = GivensGenerator<Half>(.naive).rotation(f: f, g: g)
        #expect(naive.r.value == .infinity && naive.c.value == 0)
        for algorithm in [GivensAlgorithm.lapack310, .pereiraLotfiLangou2022] {
            let rotation = GivensGenerator<Half>(algorithm).rotation(f: f, g: g)
            let bound = givensBounds(algorithm, scaled: true)
            #expect(ulpsFromRational(rotation.c.value, 3, 5, bits: 11) <= bound.c)
            #expect(ulpsFromRational(rotation.s.value, 4, 5, bits: 11) <= bound.s)
            #expect((rotation.r.value - 640).magnitude / 0.5 <= bound.r)   // spacing 0.5 at 512…1024
        }
    }

    /// Emulated binary16 with round to nearest is IEEE binary16: every
    /// algorithm gives the native `Float16` bits.
    @Test func emulatedBinary16MatchesNativeFloat16() {
        for algorithm in GivensAlgorithm.allCases {
            let emulated = GivensGenerator<Emulated<FP16, RNE>>(algorithm)
            let native = GivensGenerator<Float16>(algorithm)
            for (f64, g64) in randomPairs(2000, log2Range: -14...14, seed: 8) {
                let f = Float16(f64), g = Float16(g64)
                let a = emulated.rotation(f: Emulated(Double(f)), g: Emulated(Double(g)))
                let b = native.rotation(f: f, g: g)
                #expect(a.c.value.bitPattern == Double(b.c).bitPattern && a.s.value.bitPattern == Double(b.s).bitPattern
                        && a.r.value.bitPattern == Double(b.r).bitPattern, "\(algorithm) f = \(f), g = \(g)")
            }
        }
    }

    /// `apply` is BLAS `xROT`: `(c·x + s·y, c·y − s·x)`; the rotation maps
    /// `(f, g)` to `(r, ≈0)`.
    @Test func applyRotatesOntoTheFirstAxis() {
        let generator = GivensGenerator<Double>(.pereiraLotfiLangou2022)
        for (f, g) in randomPairs(200, log2Range: -20...20, seed: 9) {
            let rotation = generator.rotation(f: f, g: g)
            let (x, y) = rotation.apply(f, g)
            let scale = max(f.magnitude, g.magnitude)
            #expect((x - rotation.r).magnitude <= 8 * 0x1p-53 * scale)
            #expect(y.magnitude <= 8 * 0x1p-53 * scale)
        }
    }
}
