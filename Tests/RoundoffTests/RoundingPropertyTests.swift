import PropertyBased
import Testing
@testable import Roundoff

// Properties of rounding a binary64 value into every preset format with
// every deterministic mode (design §2–§3), checked with generated inputs
// that cover the whole range of each format: binary64 values from below the
// format's smallest subnormal to beyond xmax, the format's own values,
// midpoints and their binary64 neighbours, arbitrary bit patterns (binary64
// subnormals, ∞, NaN) and named specials (see `Samples`).
//
// Besides the algebraic properties, every result is compared with
// `ReferenceRounding`, an independent implementation of the definitions.

@Suite("Rounding properties (every preset × every deterministic mode)")
struct RoundingPropertyTests {
    /// Iterations per (format, mode); each checks two inputs.
    static let iterations = 400

    static func doubles(_ f: FloatFormat) -> Generator<Double, some SendableSequenceType> {
        zip(Gen.int(in: 0...7), Gen.bool, Gen.int(in: Samples.exponentRange(f)), Gen<UInt64>.value(in: 0...UInt64.max))
            .map { input in
                Samples.make(f, kind: input.0, negative: input.1, exponent: input.2, fraction: input.3)
            }
    }

    @Test("properties hold for generated inputs", arguments: FloatFormat.presets, deterministicModes)
    func properties(format f: FloatFormat, mode: RoundingMode) async {
        let kernel = RoundingKernel(format: f, mode: mode)
        let down = RoundingKernel(format: f, mode: .down)
        let up = RoundingKernel(format: f, mode: .up)
        let ref = ReferenceRounding(f)
        let xmax = f.greatestFiniteMagnitude
        let everyMode = deterministicModes + [.stochastic, .stochastic(bits: 3), .stochasticHalf]

        await propertyCheck(count: Self.iterations, input: Self.doubles(f), Self.doubles(f)) { x, y in
            let r = kernel.round(x)

            // The independent reference.
            #expect(sameValue(r, ref.round(x, mode)), "\(f.spec) \(mode): \(hex(x)) → \(hex(r)), reference \(hex(ref.round(x, mode)))")

            // NaN stays NaN; otherwise the sign is kept (zeros included).
            if x.isNaN {
                #expect(r.isNaN)
                return
            }
            #expect(r.sign == x.sign, "sign of \(hex(x)) → \(hex(r))")

            // Idempotent.
            #expect(sameValue(kernel.round(r), r), "round(round(\(hex(x)))) ≠ round(\(hex(x)))")

            // A value of the format is returned unchanged by every mode,
            // stochastic ones included (whatever the random bits).
            if r.isFinite {
                for m in everyMode {
                    for bits: UInt64 in [0, .max, 0x8000_0000_0000_0000, 0x5555_5555_5555_5555] {
                        let again = RoundingKernel(format: f, mode: m).round(r, random: bits)
                        #expect(sameValue(again, r), "\(m) moved the format value \(hex(r)) to \(hex(again))")
                    }
                }
            }

            // Monotone.
            if !y.isNaN {
                let (a, b) = x <= y ? (x, y) : (y, x)
                #expect(kernel.round(a) <= kernel.round(b), "not monotone: \(hex(a)) ≤ \(hex(b))")
            }

            guard x.isFinite else { return }
            let d = down.round(x), u = up.round(x)

            // Every deterministic mode returns one of the two directed results.
            #expect(sameValue(r, d) || sameValue(r, u), "\(hex(x)) → \(hex(r)) is neither rd \(hex(d)) nor ru \(hex(u))")

            // Directed results bracket x (unless saturation clamps a value beyond xmax).
            if f.overflow == .ieee || x.magnitude <= xmax {
                #expect(d <= x && x <= u, "rd \(hex(d)) ≤ \(hex(x)) ≤ ru \(hex(u)) fails")
            }
            // rz never increases the magnitude.
            if mode == .towardZero {
                #expect(r.magnitude <= x.magnitude)
            }
            // Nearest is nearest (when neither neighbour overflowed).
            if mode.isNearest && d.magnitude <= xmax && u.magnitude <= xmax {
                #expect((r - x).magnitude <= (d - x).magnitude && (r - x).magnitude <= (u - x).magnitude,
                        "\(hex(x)) → \(hex(r)) is not nearest of \(hex(d)), \(hex(u))")
            }
            // Round to odd: exact, or the last significand bit is 1.
            if mode == .odd && x.magnitude <= xmax && r != x {
                #expect(r != 0 && ref.isOdd(r.magnitude), "ro(\(hex(x))) = \(hex(r)) is even")
            }
        }
    }

    /// The same reference comparison in bulk through the array API (a
    /// separate, vectorizable code path) — also for the nosub variants and
    /// the other overflow policy. e4m3 is left out of the flipped-policy
    /// list: its xmax (448) is not the top of its binade, so the unbounded
    /// rounding of §3 and its "xmax + ulp/2" shorthand disagree at 464.
    static let variants: [FloatFormat] = FloatFormat.presets
        + FloatFormat.presets.map { $0.subnormals(false) }
        + FloatFormat.presets.filter { $0 != .e4m3 }.map { $0.overflow($0.overflow == .ieee ? .saturate : .ieee) }

    @Test("[Double].rounded and the scalar kernel equal the reference", arguments: variants)
    func bulkAgainstReference(format f: FloatFormat) {
        let ref = ReferenceRounding(f)
        let samples = Samples.batch(f, count: 3000, seed: UInt64(f.precision * 1000 + f.maxExponent))
        for mode in deterministicModes {
            let kernel = RoundingKernel(format: f, mode: mode)
            let array = samples.rounded(to: f, mode: mode)
            var failures: [String] = []
            for (i, x) in samples.enumerated() {
                let expected = ref.round(x, mode)
                if !sameValue(kernel.round(x), expected) || !sameValue(array[i], expected) {
                    failures.append("\(hex(x)) → scalar \(hex(kernel.round(x))), array \(hex(array[i])), reference \(hex(expected))")
                }
            }
            #expect(failures.isEmpty, "\(f.spec) \(mode): \(failures.count) wrong, e.g. \(failures.prefix(4))")
        }
    }

    @Test("[Float].rounded equals the reference", arguments: FloatFormat.presets.filter(\.fitsInBinary32))
    func floatArrays(format f: FloatFormat) {
        let ref = ReferenceRounding(f)
        let samples = Samples.batch(f, count: 2000, seed: 0xF10A7 &+ UInt64(f.precision)).map { Float($0) }
        for mode in deterministicModes {
            let rounded = samples.rounded(to: f, mode: mode)
            let bad = zip(samples, rounded).filter { !sameValue(Double($0.1), ref.round(Double($0.0), mode)) }
            #expect(bad.isEmpty, "\(f.spec) \(mode): e.g. \(bad.prefix(4).map { "\($0.0) → \($0.1)" })")
        }
    }

    // MARK: Named cases

    @Test("±0 are kept bit-exact in every mode", arguments: FloatFormat.presets)
    func signedZeros(format f: FloatFormat) {
        for mode in deterministicModes + [.stochastic, .stochasticHalf] {
            let k = RoundingKernel(format: f, mode: mode)
            #expect(k.round(0.0, random: .max).bitPattern == (0.0).bitPattern, "\(mode)")
            #expect(k.round(-0.0, random: .max).bitPattern == (-0.0).bitPattern, "\(mode)")
        }
    }

    @Test("tiny values round to a zero of their own sign", arguments: FloatFormat.presets)
    func tinyValues(format f: FloatFormat) {
        let s = f.leastNonzeroMagnitude
        for tiny in [s / 4, s / 2, .leastNonzeroMagnitude] where tiny > 0 && tiny < s {
            for mode: RoundingMode in [.towardZero, .up, .nearestEven, .nearestTowardZero] {
                let got = RoundingKernel(format: f, mode: mode).round(-tiny)
                #expect(got.bitPattern == (-0.0).bitPattern, "\(f.spec) \(mode)(\(-tiny)) = \(hex(got)), expected -0")
            }
            for mode: RoundingMode in [.towardZero, .down, .nearestEven, .nearestTowardZero] {
                let got = RoundingKernel(format: f, mode: mode).round(tiny)
                #expect(got.bitPattern == (0.0).bitPattern, "\(f.spec) \(mode)(\(tiny)) = \(hex(got)), expected +0")
            }
            #expect(RoundingKernel(format: f, mode: .down).round(-tiny) == -s)
            #expect(RoundingKernel(format: f, mode: .up).round(tiny) == s)
            #expect(RoundingKernel(format: f, mode: .odd).round(-tiny) == -s)
        }
        // Half the smallest subnormal is a tie: rne goes to the even 0, rna away.
        if f.precision < 53 {
            #expect(RoundingKernel(format: f, mode: .nearestEven).round(-s / 2).bitPattern == (-0.0).bitPattern)
            #expect(RoundingKernel(format: f, mode: .nearestAway).round(-s / 2) == -s)
        }
    }

    @Test("xmax, xmin and the smallest subnormal are values of the format", arguments: FloatFormat.presets)
    func namedValuesAreRepresentable(format f: FloatFormat) {
        // Their definitions (design §1), written out independently of the library.
        let p = f.precision, emin = f.minExponent, emax = f.maxExponent
        let xmax = f == .e4m3 ? 448 : pow2(emax) * (2 - pow2(1 - p))
        #expect(f.greatestFiniteMagnitude == xmax)
        #expect(f.leastNormalMagnitude == pow2(emin))
        #expect(f.leastNonzeroMagnitude == pow2(emin - p + 1))
        #expect(f.subnormals(false).leastNonzeroMagnitude == pow2(emin))
        #expect(f.unitRoundoff == pow2(-p))
        for v in [xmax, pow2(emin), pow2(emin - p + 1), pow2(emin) - pow2(emin - p + 1), 1] {
            for mode in deterministicModes + [.stochastic, .stochasticHalf] {
                let k = RoundingKernel(format: f, mode: mode)
                #expect(k.round(v, random: .max) == v, "\(f.spec) \(mode) moved \(v)")
                #expect(k.round(-v, random: .max) == -v, "\(f.spec) \(mode) moved \(-v)")
            }
        }
    }

    @Test("the preset table of design §1")
    func presetTable() {
        let table: [(FloatFormat, Int, Int, Int, Double)] = [
            (.fp64, 53, -1022, 1023, .greatestFiniteMagnitude), (.fp32, 24, -126, 127, Double(Float.greatestFiniteMagnitude)),
            (.tf32, 11, -126, 127, 0x1.ffcp127), (.fp16, 11, -14, 15, 65504), (.bf16, 8, -126, 127, 0x1.fep127),
            (.e5m2, 3, -14, 15, 57344), (.e4m3, 4, -6, 8, 448), (.e3m2, 3, -2, 4, 28), (.e2m3, 4, 0, 2, 7.5),
            (.e2m1, 2, 0, 2, 6),
        ]
        for (f, p, emin, emax, xmax) in table {
            #expect(f.precision == p && f.minExponent == emin && f.maxExponent == emax && f.greatestFiniteMagnitude == xmax,
                    "\(f.spec)")
        }
        let saturating: [FloatFormat] = [.e4m3, .e3m2, .e2m3, .e2m1]
        for f in FloatFormat.presets {
            #expect(f.overflow == (saturating.contains(f) ? .saturate : .ieee), "\(f.spec) overflow default")
            #expect(f.hasSubnormals)
        }
    }

    @Test("NaN stays NaN in every format, mode and policy")
    func nanStaysNaN() {
        for f in Self.variants {
            for mode in deterministicModes + [.stochastic, .stochastic(bits: 4), .stochasticHalf] {
                #expect(RoundingKernel(format: f, mode: mode).round(.nan, random: 12345).isNaN, "\(f.spec) \(mode)")
                #expect(RoundingKernel(format: f, mode: mode).round(-.nan, random: 12345).isNaN, "\(f.spec) \(mode)")
            }
        }
    }

    @Test("overflow follows design §3")
    func overflow() {
        func r(_ f: FloatFormat, _ m: RoundingMode, _ x: Double) -> Double { RoundingKernel(format: f, mode: m).round(x) }
        let inf = Double.infinity
        // fp16 (ieee): rne/rna overflow from xmax + ulp/2 = 65520 on, rnz only above it.
        #expect(r(.fp16, .nearestEven, 70000) == inf)
        #expect(r(.fp16, .nearestEven, 65520) == inf)
        #expect(r(.fp16, .nearestEven, Double(65520).nextDown) == 65504)
        #expect(r(.fp16, .nearestAway, 65520) == inf)
        #expect(r(.fp16, .nearestTowardZero, 65520) == 65504)
        #expect(r(.fp16, .nearestTowardZero, Double(65520).nextUp) == inf)
        #expect(r(.fp16, .nearestEven, -70000) == -inf)
        #expect(r(.fp16, .towardZero, 70000) == 65504)
        #expect(r(.fp16, .towardZero, -70000) == -65504)
        #expect(r(.fp16, .odd, 70000) == 65504)
        #expect(r(.fp16, .odd, -1e300) == -65504)
        #expect(r(.fp16, .up, 65504.5) == inf)
        #expect(r(.fp16, .up, -70000) == -65504)
        #expect(r(.fp16, .down, 70000) == 65504)
        #expect(r(.fp16, .down, -65504.5) == -inf)
        #expect(r(.fp16, .nearestEven, inf) == inf)
        #expect(r(.fp16, .towardZero, -inf) == -inf)
        // ieee keeps ∞ inputs; saturate clamps everything, ∞ included.
        let sat = FloatFormat.fp16.overflow(.saturate)
        for m in deterministicModes {
            #expect(r(sat, m, inf) == 65504, "fp16:saturate \(m)")
            #expect(r(sat, m, -inf) == -65504, "fp16:saturate \(m)")
            #expect(r(sat, m, 1e10) == 65504, "fp16:saturate \(m)")
            #expect(r(sat, m, -1e10) == -65504, "fp16:saturate \(m)")
        }
        // e4m3 saturates by default: xmax is 448 (1.75·2^8), not 480.
        for m in deterministicModes {
            #expect(r(.e4m3, m, 1000) == 448, "e4m3 \(m)")
            #expect(r(.e4m3, m, -1000) == -448, "e4m3 \(m)")
            #expect(r(.e4m3, m, inf) == 448, "e4m3 \(m)")
        }
        #expect(r(.e4m3, .nearestEven, 460) == 448)
        #expect(r(.e4m3.overflow(.ieee), .nearestEven, 1000) == inf)
        #expect(r(.e4m3.overflow(.ieee), .towardZero, 1000) == 448)
        // The OCP fp6/fp4 formats saturate too.
        #expect(r(.e2m1, .nearestEven, 7) == 6)
        #expect(r(.e2m1, .up, 6.5) == 6)
        #expect(r(.e3m2, .nearestEven, 100) == 28)
        #expect(r(.e2m3, .nearestEven, -9) == -7.5)
        // bf16: just below xmax + ulp/2 stays, at it overflows.
        let bfTie = 0x1.fep127 + 0x1p119
        #expect(r(.bf16, .nearestEven, bfTie.nextDown) == 0x1.fep127)
        #expect(r(.bf16, .nearestEven, bfTie) == inf)
        // fp64: values are their own rounding; ∞ is kept (ieee), clamped (saturate).
        #expect(r(.fp64, .up, .greatestFiniteMagnitude) == .greatestFiniteMagnitude)
        #expect(r(.fp64.overflow(.saturate), .nearestEven, -inf) == -.greatestFiniteMagnitude)
    }

    @Test("subnormals off: (0, xmin) is one gap")
    func subnormalsOff() {
        let f = FloatFormat.fp16.subnormals(false)
        let xmin = 0x1p-14
        func r(_ m: RoundingMode, _ x: Double) -> Double { RoundingKernel(format: f, mode: m).round(x) }
        #expect(r(.nearestEven, 0.75 * xmin) == xmin)
        #expect(r(.nearestEven, 0.25 * xmin) == 0)
        #expect(r(.nearestEven, 0.5 * xmin) == 0)  // tie → even (0)
        #expect(r(.nearestAway, 0.5 * xmin) == xmin)
        #expect(r(.towardZero, 0.99 * xmin) == 0)
        #expect(r(.up, 0x1p-40) == xmin)
        #expect(r(.down, -0x1p-40) == -xmin)
        #expect(r(.up, -0x1p-40).bitPattern == (-0.0).bitPattern)
        #expect(r(.nearestEven, 1.5 * xmin) == 1.5 * xmin)  // normal range unchanged
    }
}
