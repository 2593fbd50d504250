import RealModule
import Testing
@testable import Roundoff

// `Emulated<Format, Mode>` must behave like a built-in floating-point type
// of its format: literals, printing, comparisons, neighbours, constants,
// conversions that round once, arithmetic that rounds the exact result once
// in every mode (design §4), fma, the `Real` protocol, and event counting
// (design §6). Native `Float16`/`Float` and `ReferenceRounding` are the oracles.

@Suite("Emulated scalar behaves like a built-in float")
struct EmulatedScalarTests {
    typealias Half = Emulated<FP16, RNE>
    typealias Single = Emulated<FP32, RNE>
    typealias BFloat = Emulated<BF16, RNE>

    // MARK: Literals

    @Test("literals round into the format")
    func literals() {
        let x: Half = 0.1
        #expect(x.value == 0x1.998p-4)
        #expect(x.value == Double(Float16(0.1)))
        let n: Half = 2049  // tie between 2048 and 2050 → even
        #expect(n.value == 2048)
        let b: BFloat = 0.1
        #expect(b.value == ReferenceRounding(.bf16).round(0.1, .nearestEven))
        #expect(b.value == 0x1.9ap-4)
        let big: Half = 1e6
        #expect(big.value == .infinity)
        let d: Emulated<FP16, RD> = 0.1
        #expect(d.value == 0x1.998p-4)  // 0.1 is above its fp16 rne neighbour
        let u: Emulated<FP16, RU> = 0.1
        #expect(u.value == 0x1.99cp-4)
    }

    // MARK: description

    /// The significant digits of a decimal string (no sign, point, exponent,
    /// leading or trailing zeros): "65504.0" → "65504", "6.55e+04" → "655".
    static func significantDigits(_ text: String) -> String {
        var t = Substring(text)
        if t.first == "-" { t = t.dropFirst() }
        if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) { t = t[..<e] }
        var digits = t.filter { $0 != "." }
        while digits.first == "0" { digits.removeFirst() }
        while digits.last == "0" { digits.removeLast() }
        return String(digits)
    }

    static let allFiniteHalves: [Float16] = (UInt16(0)...UInt16.max).map { Float16(bitPattern: $0) }.filter(\.isFinite)

    @Test("description: named cases")
    func descriptionNamed() {
        #expect(Half(0.1).description == "0.1")
        #expect(Half.greatestFiniteMagnitude.description == "65504.0")
        // 2^−6: the round-trip interval is lopsided (the gap below is half the
        // gap above), so the shortest is 0.01563, not the 4-digit rounding 0.01562.
        #expect(Half(uncheckedValue: 0x1p-6).description == "0.01563")
        #expect(Float16(0x1p-6).description == "0.01563")
        #expect(Half(1).description == "1.0")
        #expect(Half(-2.5).description == "-2.5")
        #expect(Half(uncheckedValue: 0).description == "0.0")
        #expect(Half(uncheckedValue: -0.0).description == "-0.0")
        #expect(Half.infinity.description == "inf")
        #expect((-Half.infinity).description == "-inf")
        #expect(Half.nan.description == "nan")
        #expect(BFloat(0.1).description == "0.1")
        #expect(Single(0.1).description == Float(0.1).description)
    }

    /// Every finite binary16 value: the description must parse back (with
    /// `Float16`'s own correctly rounded parser) to the same value.
    @Test("description round-trips for every finite fp16 value")
    func descriptionRoundTrips() {
        var failures: [String] = []
        for h in Self.allFiniteHalves {
            let text = Half(uncheckedValue: Double(h)).description
            guard let back = Float16(text), back.bitPattern == h.bitPattern else {
                failures.append("\(h): '\(text)'")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.count) do not round-trip, e.g. \(failures.prefix(5))")
    }

    /// `Float16.description` is Swift's shortest-round-trip algorithm
    /// (closest among the shortest; stdlib FloatingPointToString.swift),
    /// except that it prints integral values in full rather than shortest.
    /// Below 2048 every integral binary16 value needs all its digits anyway,
    /// so there Float16's digits are the shortest ones. The notation may
    /// legitimately differ (the emulated type need not use Swift's exponent
    /// thresholds), so this compares the parsed value and the significant
    /// digits rather than the strings.
    @Test("description digits equal Float16's (shortest, closest) for |x| < 2048")
    func descriptionDigitsMatchFloat16() {
        var failures: [String] = []
        for h in Self.allFiniteHalves where h.magnitude < 2048 && h != 0 {
            let mine = Half(uncheckedValue: Double(h)).description
            let native = h.description
            if Self.significantDigits(mine) != Self.significantDigits(native) || Double(mine) != Double(native) {
                failures.append("\(Double(h)): '\(mine)' vs Float16 '\(native)'")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(6))")
    }

    /// A built-in float never prints an integral value in exponent notation
    /// (stdlib: "We do not use exponential form for integral numbers in this
    /// range"), and Float16 prints its integral values in full: 65504.0,
    /// 1000.0, 2048.0. This is the "65504.0 for xmax" expectation.
    @Test("description of integral fp16 values is Swift's (e.g. 1000.0, 65504.0)")
    func descriptionIntegralValues() {
        var failures: [String] = []
        for h in Self.allFiniteHalves where h.magnitude >= 1 && h == h.rounded() {
            let mine = Half(uncheckedValue: Double(h)).description
            if mine != h.description { failures.append("'\(mine)' vs Float16 '\(h.description)'") }
        }
        #expect(failures.isEmpty, "\(failures.count) of the integral values differ, e.g. \(failures.prefix(6))")
    }

    @Test("description of fp32 values: round-trips through Float, same digits as Float where those are shortest")
    func descriptionSingle() {
        var rng = TestRNG(seed: 0xDE5C)
        var failures: [String] = []
        // Random values, and every power of two (where the round-trip
        // interval is lopsided, so the correctly rounded n-digit decimal may
        // miss it while another n-digit decimal hits it).
        let powers = (-149...127).map { Float(sign: .plus, exponent: $0, significand: 1) }
        let randoms = (0..<3000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
        for f in powers + randoms {
            guard f.isFinite, f != 0 else { continue }
            let mine = Single(uncheckedValue: Double(f)).description
            if Float(mine)?.bitPattern != f.bitPattern { failures.append("\(f): '\(mine)' does not round-trip") }
            // Float prints shortest digits except for integers below 2^24,
            // which it prints in full — also shortest there (spacing ≤ 1).
            if Self.significantDigits(mine) != Self.significantDigits(f.description) {
                failures.append("\(f): '\(mine)' vs Float '\(f.description)'")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
    }

    // MARK: Comparisons

    @Test("comparisons agree with Float16's, NaN and signed zeros included")
    func comparisons() {
        var rng = TestRNG(seed: 0xC0A1)
        let specials: [Float16] = [0, -0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var failures: [String] = []
        for i in 0..<40_000 {
            let a = i < 49 ? specials[i / 7] : Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next()))
            let b = i < 49 ? specials[i % 7] : (i % 3 == 0 ? a.nextUp : Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next())))
            let ea = Half(uncheckedValue: Double(a)), eb = Half(uncheckedValue: Double(b))
            // (totalOrder is compared for non-NaN operands only: widening a
            // binary16 NaN to binary64 quiets it, which changes its total order.)
            let mine = [ea == eb, ea != eb, ea < eb, ea <= eb, ea > eb, ea >= eb,
                        a.isNaN || b.isNaN || ea.isTotallyOrdered(belowOrEqualTo: eb), ea.isNaN, ea.isZero, ea.isSubnormal, ea.isNormal,
                        ea.isFinite, ea.isInfinite]
            let native = [a == b, a != b, a < b, a <= b, a > b, a >= b,
                          a.isNaN || b.isNaN || a.isTotallyOrdered(belowOrEqualTo: b), a.isNaN, a.isZero, a.isSubnormal, a.isNormal,
                          a.isFinite, a.isInfinite]
            if mine != native { failures.append("\(a) vs \(b): \(mine) ≠ \(native)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(4))")
        #expect(Half(uncheckedValue: 0) == Half(uncheckedValue: -0.0))
        #expect(Half(uncheckedValue: 0).hashValue == Half(uncheckedValue: -0.0).hashValue)
        let nan = Half(uncheckedValue: .nan)
        #expect(!(nan == nan) && !(nan < nan) && !(nan <= Half(1)))
    }

    // MARK: Neighbours and constants

    @Test("nextUp, nextDown and ulp equal Float16's for every binary16 value")
    func neighboursFP16() {
        var failures: [String] = []
        for bits in UInt16(0)...UInt16.max {
            let h = Float16(bitPattern: bits)
            let e = Half(uncheckedValue: Double(h))
            let checks: [(String, Double, Float16)] = [("nextUp", e.nextUp.value, h.nextUp),
                                                       ("nextDown", e.nextDown.value, h.nextDown),
                                                       ("ulp", e.ulp.value, h.ulp)]
            for (name, mine, native) in checks where !sameValue(mine, Double(native)) {
                failures.append("\(name)(\(h) [0x\(String(bits, radix: 16))]) = \(hex(mine)), Float16 \(hex(Double(native)))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(6))")
    }

    @Test("nextUp, nextDown and ulp equal Float's")
    func neighboursFP32() {
        var rng = TestRNG(seed: 0x32)
        var values: [Float] = [0, -0.0, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                               .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
                               1, -1, 2, 0.5]
        for _ in 0..<20_000 { values.append(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))) }
        var failures: [String] = []
        for f in values where !f.isNaN {
            let e = Single(uncheckedValue: Double(f))
            for (name, mine, native) in [("nextUp", e.nextUp.value, f.nextUp), ("nextDown", e.nextDown.value, f.nextDown),
                                         ("ulp", e.ulp.value, f.ulp)] where !sameValue(mine, Double(native)) {
                failures.append("\(name)(\(f)) = \(hex(mine)), Float \(hex(Double(native)))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(6))")
    }

    @Test("nextUp in formats without a native type is the reference's next value", arguments: [FloatFormat.bf16, .e4m3, .e2m1])
    func neighboursOtherFormats(format f: FloatFormat) {
        // The next value up from v: the ru rounding, in the ieee variant of
        // the format (nextUp(xmax) = ∞ even for saturating formats), of the
        // binary64 value just above v.
        let ref = ReferenceRounding(f.overflow(.ieee))
        let values = Samples.batch(f, count: 2000, seed: 0x4E7).map { ReferenceRounding(f).round($0, .nearestEven) }
            .filter { $0.isFinite } + [0, -0.0, f.greatestFiniteMagnitude, -f.greatestFiniteMagnitude]
        var failures: [String] = []
        for v in values {
            let expected = ref.round(v.nextUp, .up)
            let got = RoundingContext.with(format: f, mode: .nearestEven) { RuntimeEmulated(uncheckedValue: v).nextUp.value }
            if !sameValue(got, expected) { failures.append("nextUp(\(hex(v))) = \(hex(got)), expected \(hex(expected))") }
        }
        #expect(failures.isEmpty, "\(f.spec): \(failures.count) differ, e.g. \(failures.prefix(5))")
    }

    @Test("greatestFiniteMagnitude, leastNormalMagnitude, leastNonzeroMagnitude, ulpOfOne")
    func constants() {
        #expect(Half.greatestFiniteMagnitude.value == Double(Float16.greatestFiniteMagnitude))
        #expect(Half.leastNormalMagnitude.value == Double(Float16.leastNormalMagnitude))
        #expect(Half.leastNonzeroMagnitude.value == Double(Float16.leastNonzeroMagnitude))
        #expect(Half.ulpOfOne.value == Double(Float16.ulpOfOne))
        #expect(Single.greatestFiniteMagnitude.value == Double(Float.greatestFiniteMagnitude))
        #expect(Single.leastNormalMagnitude.value == Double(Float.leastNormalMagnitude))
        #expect(Single.leastNonzeroMagnitude.value == Double(Float.leastNonzeroMagnitude))
        #expect(Single.ulpOfOne.value == Double(Float.ulpOfOne))
        #expect(Emulated<FP64, RNE>.greatestFiniteMagnitude.value == .greatestFiniteMagnitude)
        #expect(Emulated<FP64, RNE>.leastNonzeroMagnitude.value == .leastNonzeroMagnitude)
        #expect(BFloat.greatestFiniteMagnitude.value == 0x1.fep127)
        #expect(BFloat.leastNonzeroMagnitude.value == 0x1p-133)
        #expect(Emulated<E4M3, RNE>.greatestFiniteMagnitude.value == 448)
        #expect(Emulated<E4M3, RNE>.leastNonzeroMagnitude.value == 0x1p-9)
        #expect(Emulated<E2M1, RNE>.greatestFiniteMagnitude.value == 6)
        #expect(Emulated<E2M1, RNE>.leastNonzeroMagnitude.value == 0.5)
        #expect(Half.radix == 2)
    }

    // MARK: Conversions

    @Test("conversions round exactly once")
    func conversions() {
        // design §7: binary64 → bf16 directly gives 0x1.e6p+101 (a trip
        // through binary32 would round up to 0x1.e7p+101 and then, a tie,
        // to 0x1.e8p+101).
        let x = 0x1.e6fffffffffffp+101
        #expect(BFloat(x).value == 0x1.e6p+101)
        #expect(BFloat(x).value == ReferenceRounding(.bf16).round(x, .nearestEven))
        // The binary32 value of x is 0x1.e7p+101 (Float's own conversion);
        // converting that emulated value to bf16 rounds it once: a tie, to even.
        let single = Single(x)
        #expect(single.value == Double(Float(x)))
        #expect(single.value == 0x1.e7p+101)
        #expect(BFloat(single).value == 0x1.e8p+101)
        // Between emulated types in other modes: one rounding of the source value.
        var rng = TestRNG(seed: 0xC0)
        var failures: [String] = []
        for _ in 0..<5000 {
            let h = Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next()))
            guard !h.isNaN else { continue }
            let source = Half(uncheckedValue: Double(h))
            let pairs: [(String, Double, Double)] = [
                ("e4m3 rd", Emulated<E4M3, RD>(source).value, ReferenceRounding(.e4m3).round(Double(h), .down)),
                ("e5m2 ru", Emulated<E5M2, RU>(source).value, ReferenceRounding(.e5m2).round(Double(h), .up)),
                ("bf16 rz", Emulated<BF16, RZ>(source).value, ReferenceRounding(.bf16).round(Double(h), .towardZero)),
                ("fp32 rne", Single(source).value, Double(h)),
            ]
            for (name, got, expected) in pairs where !sameValue(got, expected) {
                failures.append("\(name)(\(h)) = \(hex(got)), expected \(hex(expected))")
            }
            // bf16 values back to fp16: Float16's own conversion.
            let b = BFloat(Double(h))
            if !sameValue(Half(b).value, Double(Float16(b.value))) { failures.append("fp16(bf16 \(b.value))") }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(5))")
        // From Float (widened exactly, then rounded once).
        let f: Float = 0x1.0101p0  // 1 + 2^−8 + 2^−16: just above the bf16 midpoint 1 + 2^−8
        #expect(BFloat(f).value == 1 + 0x1p-7)
        // From integers: 2^60 + 2^36 + 1 is just above a binary32 midpoint;
        // its binary64 value 2^60 + 2^36 is exactly on it.
        let n: Int64 = (1 << 60) + (1 << 36) + 1
        #expect(Single(n).value == 0x1p60 + 0x1p37)
        #expect(Single(n).value == Double(Float(n)))
        #expect(Single(-n).value == -(0x1p60 + 0x1p37))
        #expect(Single(UInt64.max).value == 0x1p64)
        #expect(Emulated<FP32, RD>(UInt64.max).value == 0x1.fffffep63)
        #expect(Half(Int.max).value == .infinity)
        #expect(Half(exactly: 2049) == nil)
        #expect(Half(exactly: 2050)?.value == 2050)
    }

    // MARK: Arithmetic in every mode

    @Test("directed modes and round-to-odd where binary64-then-round is wrong")
    func directedArithmetic() {
        typealias U64 = Emulated<FP64, RU>
        typealias D64 = Emulated<FP64, RD>
        typealias Z64 = Emulated<FP64, RZ>
        // 2^100 + 2^−100: binary64 returns 2^100; ru must step to the next value.
        #expect((U64(uncheckedValue: 0x1p100) + U64(uncheckedValue: 0x1p-100)).value == (0x1p100).nextUp)
        #expect((D64(uncheckedValue: 0x1p100) + D64(uncheckedValue: 0x1p-100)).value == 0x1p100)
        #expect((D64(uncheckedValue: -0x1p100) - D64(uncheckedValue: 0x1p-100)).value == -(0x1p100).nextUp)
        #expect((Z64(uncheckedValue: 0x1p100) - Z64(uncheckedValue: 0x1p-100)).value == (0x1p100).nextDown)
        #expect((Emulated<FP64, RO>(uncheckedValue: 0x1p100) + Emulated<FP64, RO>(uncheckedValue: 0x1p-100)).value == (0x1p100).nextUp)
        // (1 + 2^−52)² = 1 + 2^−51 + 2^−104.
        let a = 1 + 0x1p-52
        #expect((U64(uncheckedValue: a) * U64(uncheckedValue: a)).value == (1 + 0x1p-51).nextUp)
        #expect((D64(uncheckedValue: a) * D64(uncheckedValue: a)).value == 1 + 0x1p-51)
        // 1/3: binary64's nearest 0x1.5555555555555p-2 lies below 1/3.
        #expect((U64(uncheckedValue: 1) / U64(uncheckedValue: 3)).value == (0x1.5555555555555p-2).nextUp)
        #expect((D64(uncheckedValue: 1) / D64(uncheckedValue: 3)).value == 0x1.5555555555555p-2)
        // √2: binary64's nearest 0x1.6a09e667f3bcdp+0 lies above √2.
        #expect(U64(uncheckedValue: 2).squareRoot().value == 0x1.6a09e667f3bcdp+0)
        #expect(D64(uncheckedValue: 2).squareRoot().value == (0x1.6a09e667f3bcdp+0).nextDown)
        // binary32: 1 − 2^−60 rounds down to the predecessor of 1, 1 − 2^−24.
        let one = Emulated<FP32, RD>(uncheckedValue: 1), t = Emulated<FP32, RD>(uncheckedValue: 0x1p-60)
        #expect((one - t).value == 1 - 0x1p-24)
        #expect((one - t).value == Double(Float(1).nextDown))
        #expect((Emulated<FP32, RU>(uncheckedValue: 1) - Emulated<FP32, RU>(uncheckedValue: 0x1p-60)).value == 1)
        // Round to odd: 1 + 2^−60 → 1 + 2^−23, whose last significand bit is 1.
        let odd = Emulated<FP32, RO>(uncheckedValue: 1) + Emulated<FP32, RO>(uncheckedValue: 0x1p-60)
        #expect(odd.value == 1 + 0x1p-23)
        #expect(Float(odd.value).bitPattern & 1 == 1)
        // Overflow of the arithmetic follows design §3, also where binary64
        // itself overflows.
        #expect((Z64(uncheckedValue: 1e308) * Z64(uncheckedValue: 10)).value == .greatestFiniteMagnitude)
        #expect((U64(uncheckedValue: 1e308) * U64(uncheckedValue: -10)).value == -.greatestFiniteMagnitude)
        #expect((D64(uncheckedValue: 1e308) + D64(uncheckedValue: 1e308)).value == .greatestFiniteMagnitude)
        #expect((D64(uncheckedValue: -1e308) - D64(uncheckedValue: 1e308)).value == -.infinity)
        #expect((Emulated<FP64, RNE>(uncheckedValue: 1e308) * Emulated<FP64, RNE>(uncheckedValue: 10)).value == .infinity)
        #expect((Emulated<FP64, RO>(uncheckedValue: 1e308) / Emulated<FP64, RO>(uncheckedValue: 1e-10)).value == .greatestFiniteMagnitude)
        #expect((Emulated<FP32, RZ>(uncheckedValue: 3e38) * Emulated<FP32, RZ>(uncheckedValue: 2)).value == Double(Float.greatestFiniteMagnitude))
        #expect((Emulated<E4M3, RNE>(uncheckedValue: 400) + Emulated<E4M3, RNE>(uncheckedValue: 96)).value == 448)
        #expect((Emulated<FP16, RU>(uncheckedValue: -65504) - Emulated<FP16, RU>(uncheckedValue: 1)).value == -65504)
        // Exact zero sums: +0 except under rd (IEEE 754 §6.3).
        #expect((Emulated<FP32, RD>(uncheckedValue: 1) - Emulated<FP32, RD>(uncheckedValue: 1)).value.bitPattern == (-0.0).bitPattern)
        #expect((Emulated<FP32, RU>(uncheckedValue: 1) - Emulated<FP32, RU>(uncheckedValue: 1)).value.bitPattern == (0.0).bitPattern)
    }

    @Test("p = 30 (rne): no double rounding through binary64")
    func customPrecision30() throws {
        let f = try FloatFormat(spec: "custom:p=30,emax=127")
        RoundingContext.with(format: f, mode: .nearestEven) {
            // 1 + (2^−30 + 2^−59): exactly just above the p = 30 midpoint 1 + 2^−30.
            // binary64 rounds the sum to 1 + 2^−30 (the midpoint), whose tie
            // would go to the even 1; the correct result is 1 + 2^−29.
            let a = RuntimeEmulated(uncheckedValue: 1), b = RuntimeEmulated(uncheckedValue: 0x1p-30 + 0x1p-59)
            #expect(1 + 0x1p-30 + 0x1p-59 == 1 + 0x1p-30)  // the binary64 sum lands on the midpoint
            #expect((a + b).value == 1 + 0x1p-29)
            // 1 + 2^−29 (odd) plus 2^−30 − 2^−59: just below the midpoint
            // between 1 + 2^−29 and 1 + 2^−28; binary64 lands on it and the
            // tie would go to the even 1 + 2^−28.
            let c = RuntimeEmulated(uncheckedValue: 1 + 0x1p-29), d = RuntimeEmulated(uncheckedValue: 0x1p-30 - 0x1p-59)
            #expect((c + d).value == 1 + 0x1p-29)
            #expect((c - (-d)).value == 1 + 0x1p-29)
        }
    }

    /// Operands of the format from a seeded generator.
    static func operands(_ f: FloatFormat, count: Int, seed: UInt64) -> [Double] {
        Samples.batch(f, count: count, seed: seed).map { ReferenceRounding(f).round($0, .nearestEven) }.filter { !$0.isNaN }
    }

    @Test("+ − × ÷ √ in every deterministic mode equal the reference on the exact result",
          arguments: [FloatFormat.fp16, .bf16, .e5m2, .e4m3, .e2m1])
    func arithmeticAllModes(format f: FloatFormat) {
        let ref = ReferenceRounding(f)
        let xs = Self.operands(f, count: 1500, seed: 0xA1), ys = Self.operands(f, count: 1500, seed: 0xB2)
        for mode in deterministicModes {
            var failures: [String] = []
            RoundingContext.with(format: f, mode: mode) {
                for (x, y) in zip(xs, ys) {
                    let a = RuntimeEmulated(uncheckedValue: x), b = RuntimeEmulated(uncheckedValue: y)
                    // Sums and differences: TwoSum tail; products of values with
                    // p ≤ 11 are exact in binary64 (no overflow or underflow here).
                    func twoSum(_ u: Double, _ v: Double) -> Double {
                        let s = u + v, bb = s - u
                        return s.isFinite ? (u - (s - bb)) + (v - bb) : 0
                    }
                    let exact: [(String, RuntimeEmulated, Double, Double)] = [
                        ("+", a + b, x + y, twoSum(x, y)), ("-", a - b, x - y, twoSum(x, -y)), ("*", a * b, x * y, 0),
                        // Quotient and root: binary64 head, sign of the exact remainder as tail.
                        ("/", a / b, x / y, y == 0 || !x.isFinite || !y.isFinite ? 0 : x.addingProduct(-(x / y), y) * (y < 0 ? -1 : 1)),
                        ("sqrt", a.squareRoot(), x.squareRoot(), x.addingProduct(-x.squareRoot(), x.squareRoot())),
                    ]
                    for (op, got, head, tail) in exact {
                        var expected = ref.round(head: head, tail: head.isFinite ? tail : 0, mode)
                        if expected == 0 && head == 0 && (op == "+" || op == "-") {
                            // Exact zero sum: IEEE 754 §6.3 sign.
                            let bb = op == "-" ? -y : y
                            expected = (x.sign == bb.sign && x == 0) ? x : (mode == .down ? -0.0 : 0.0)
                        }
                        if !sameValue(got.value, expected) {
                            failures.append("\(hex(x)) \(op) \(hex(y)) → \(hex(got.value)), expected \(hex(expected))")
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(f.spec) \(mode): \(failures.count) wrong, e.g. \(failures.prefix(4))")
        }
    }

    @Test("fma: Emulated<FP16, ·>.addingProduct is the exactly rounded a·b + c", arguments: deterministicModes)
    func fusedMultiplyAdd(mode: RoundingMode) {
        // Oracle: a·b is exact in binary64 (22 bits); TwoSum(a·b, c) gives the
        // exact a·b + c as head + tail, which ReferenceRounding rounds once.
        // For rne, Float16(binary64 fma) is a second, native oracle.
        var rng = TestRNG(seed: 0xF3A)
        func half() -> Float16 {
            while true {
                let h = Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next()))
                if !h.isNaN { return h }
            }
        }
        let ref = ReferenceRounding(.fp16)
        var failures: [String] = []
        RoundingContext.with(format: .fp16, mode: mode) {
            for i in 0..<30_000 {
                let a = half(), b = half()
                // c: arbitrary, close to −a·b (cancellation), or tiny next to a large a·b.
                let c: Float16 = switch i % 3 {
                case 0: half()
                case 1: -Float16(Double(a) * Double(b)).nextUp
                default: Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next()) & 0x83FF)
                }
                guard !c.isNaN else { continue }
                let x = Double(a), y = Double(b), z = Double(c)
                let product = x * y
                let head = product + z
                var expected: Double
                if !head.isFinite {
                    expected = ref.round(head, mode)  // ∞ or NaN (a·b is finite unless a or b is)
                } else if head == 0 {
                    // Exact zero (TwoSum is exact, so head = 0 iff a·b + c = 0):
                    // the common sign of two zeros, else +0, −0 under rd (IEEE 754 §6.3).
                    expected = (product == 0 && z == 0 && product.sign == z.sign) ? z : (mode == .down ? -0.0 : 0.0)
                } else {
                    let bb = head - product
                    let tail = (product - (head - bb)) + (z - bb)  // TwoSum
                    expected = ref.round(head: head, tail: tail, mode)
                }
                let got = RuntimeEmulated(uncheckedValue: z).addingProduct(RuntimeEmulated(uncheckedValue: x), RuntimeEmulated(uncheckedValue: y))
                if !sameValue(got.value, expected) {
                    failures.append("fma(\(a), \(b), \(c)) → \(hex(got.value)), expected \(hex(expected))")
                }
                if mode == .nearestEven {
                    // Float16(binary64 fma) is correctly rounded for binary16
                    // operands: binary64's fma is exact unless a·b is tiny
                    // (bits below 2^−38 need |a·b| < 2^−16) next to a c ≥ 2^5;
                    // the rne result is then c whichever way binary64 rounded.
                    let native = Double(Float16(z.addingProduct(x, y)))
                    if !sameValue(got.value, native) {
                        failures.append("fma(\(a), \(b), \(c)) → \(hex(got.value)), Float16(binary64 fma) \(hex(native))")
                    }
                    // The compile-time type takes the same operation.
                    let fixed = Half(uncheckedValue: z).addingProduct(Half(uncheckedValue: x), Half(uncheckedValue: y))
                    if !sameValue(fixed.value, expected) {
                        failures.append("Emulated<FP16, RNE>: fma(\(a), \(b), \(c)) → \(hex(fixed.value)), expected \(hex(expected))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(mode): \(failures.count) wrong, e.g. \(failures.prefix(5))")
    }

    @Test("fma: compile-time Emulated<FP16, RNE>.addingProduct and _mulAdd")
    func fusedMultiplyAddStatic() {
        // Cancellation: (1 + 2^−10)·(1 − 2^−10) − 1 = −2^−20 exactly (a subnormal of fp16).
        let a = Half(uncheckedValue: 1 + 0x1p-10), b = Half(uncheckedValue: 1 - 0x1p-10), c = Half(uncheckedValue: -1)
        #expect(c.addingProduct(a, b).value == -0x1p-20)
        #expect((a * b + c).value == 0)  // unfused: a·b rounds to 1 first
        #expect(Half._mulAdd(a, b, c).value == -0x1p-20)
    }

    // MARK: Real

    static func generic<T: Real>(_ x: T) -> T { T.exp(x) + T.sqrt(x) }

    @Test("Real conformance: generic code runs and returns values of the format")
    func realConformance() {
        let y = Self.generic(Half(2))
        let native = Float16(Double.exp(2)) + Float16(2).squareRoot()
        #expect(y.value == Double(native))
        #expect(ReferenceRounding(.fp16).round(y.value, .nearestEven) == y.value)
        let z = Self.generic(BFloat(0.75))
        #expect(ReferenceRounding(.bf16).round(z.value, .nearestEven) == z.value)
        #expect(abs(z.value - (Double.exp(0.75) + 0.75.squareRoot())) <= 2 * 0x1p-7 * 4)
        let w = RoundingContext.with(format: .e4m3, mode: .towardZero) { Self.generic(RuntimeEmulated(3)).value }
        #expect(ReferenceRounding(.e4m3).round(w, .towardZero) == w)
        #expect(w <= Double.exp(3) + 3.squareRoot())
        #expect(Half.pi.value == 0x1.92p1)  // rz(π) in fp16 (π = 0x1.921fb…p1)
    }

    // MARK: Events

    @Test("countingEvents counts operations, overflow, underflow, subnormal and NaN results per format")
    func events() {
        let big = Half(60000), two = Half(2), tiny = Half(1e-4), small = Half(0x1p-10), inf = Half.infinity
        let bfOne = BFloat(1)
        #expect(RoundingContext.eventRecorder == nil)
        let (_, counted) = RoundingContext.countingEvents {
            _ = big * two  // 120000: overflow to ∞
            _ = tiny * tiny  // ≈ 1e-8 < 2^−25: underflow to 0
            _ = small * small  // 2^−20: subnormal
            _ = inf - inf  // NaN
            _ = two + two  // nothing special
            _ = Half(1e-8)  // conversion underflowing to 0
            _ = bfOne + bfOne  // another format
        }
        #expect(RoundingContext.eventRecorder == nil)
        let e = counted[.fp16] ?? RoundingEvents()
        #expect(e.operations == 6)
        #expect(e.overflows == 1)
        #expect(e.underflowsToZero == 2)
        #expect(e.subnormals == 1)
        #expect(e.nans == 1)
        #expect(counted[.bf16]?.operations == 1)
        #expect(counted[.bf16]?.overflows == 0)
        #expect(counted.count == 2)
        // Outside a scope nothing is recorded; an empty scope counts nothing.
        _ = big * two
        let (_, none) = RoundingContext.countingEvents { () }
        #expect(none.isEmpty)
        // Nested scopes restore the outer recorder.
        let (_, outer) = RoundingContext.countingEvents {
            _ = two * two
            let (_, inner) = RoundingContext.countingEvents { _ = big * two }
            #expect(inner[.fp16]?.overflows == 1)
            _ = two * two
        }
        #expect((outer[.fp16]?.operations ?? 0) >= 2)  // the outer scope counts again after the inner one
    }
}
