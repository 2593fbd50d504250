import Testing
@testable import Roundoff

// The hardware/compiler-rt formats are independent oracles for round to
// nearest even: Swift's `Float16` and `Float` operations are IEEE 754
// correctly rounded (`Float16` arithmetic is evaluated in binary32 and
// rounded to binary16, which is innocuous double rounding since
// 24 ≥ 2·11 + 2), so `Emulated<FP16, RNE>` and `Emulated<FP32, RNE>` must
// agree with them bit for bit, NaN matching NaN.

#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))

@Suite("Emulated fp16/fp32 (rne) against native Float16 and Float")
struct NativeFloat16Tests {
    typealias Half = Emulated<FP16, RNE>
    typealias Single = Emulated<FP32, RNE>

    enum Op: String, CaseIterable, Sendable { case add, sub, mul, div }

    /// A random binary16 value (any bit pattern but NaN): ±0, subnormals,
    /// normals and ±∞ all occur.
    static func randomHalf(_ rng: inout TestRNG) -> Float16 {
        while true {
            let h = Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next()))
            if !h.isNaN { return h }
        }
    }

    /// 250 000 random pairs per operation, 10^6 in total.
    static let pairsPerOp = 250_000

    @Test("a ∘ b equals Float16's a ∘ b (10^6 pairs over the four ops)", arguments: Op.allCases)
    func basicOperation(op: Op) {
        let seed: UInt64 = switch op { case .add: 0xADD; case .sub: 0x5B; case .mul: 0x3A1; case .div: 0xD1F }
        var rng = TestRNG(seed: seed)
        var failures = 0
        var examples: [String] = []
        for _ in 0..<Self.pairsPerOp {
            let a = Self.randomHalf(&rng), b = Self.randomHalf(&rng)
            let ea = Half(uncheckedValue: Double(a)), eb = Half(uncheckedValue: Double(b))
            let native: Float16, emulated: Half
            switch op {
            case .add: native = a + b; emulated = ea + eb
            case .sub: native = a - b; emulated = ea - eb
            case .mul: native = a * b; emulated = ea * eb
            case .div: native = a / b; emulated = ea / eb
            }
            if !sameValue(emulated.value, Double(native)) {
                failures += 1
                if examples.count < 5 {
                    examples.append("\(a) \(op) \(b): emulated \(hex(emulated.value)), Float16 \(hex(Double(native)))")
                }
            }
        }
        #expect(failures == 0, "\(op): \(failures) mismatches, e.g. \(examples)")
    }

    @Test("√x equals Float16's √x for every nonnegative binary16 value")
    func squareRootExhaustive() {
        var failures: [String] = []
        for bits in UInt16(0)...0x7C00 {  // +0 … +∞
            let h = Float16(bitPattern: bits)
            let got = Half(uncheckedValue: Double(h)).squareRoot().value
            if !sameValue(got, Double(h.squareRoot())) {
                failures.append("√\(h): \(hex(got)), Float16 \(hex(Double(h.squareRoot())))")
            }
        }
        // −0 keeps its sign; negative values give NaN.
        #expect(Half(uncheckedValue: -0.0).squareRoot().value.bitPattern == (-0.0).bitPattern)
        #expect(Half(uncheckedValue: -1).squareRoot().value.isNaN)
        #expect(failures.isEmpty, "\(failures.count) mismatches, e.g. \(failures.prefix(5))")
    }

    /// `Float16(Double)` must itself round directly from binary64: a value
    /// just above a binary16 midpoint that binary32 would round onto the
    /// midpoint (1 + 2^−11 + 2^−40) must go up to 1 + 2^−10. It does on
    /// this toolchain (Linux x86_64, Swift 6.3): the conversion is direct,
    /// not a trip through `Float`, so arbitrary Doubles can be used below.
    /// This test guards that assumption about the oracle.
    @Test("Float16(Double) rounds once (oracle sanity check)")
    func nativeConversionIsDirect() {
        let x = 1 + 0x1p-11 + 0x1p-40
        #expect(Double(Float16(x)) == 1 + 0x1p-10)
        #expect(Double(Float16(-x)) == -(1 + 0x1p-10))
        #expect(Double(Float16(Float(x))) == 1)  // what a trip through Float would give
    }

    @Test("binary64 → fp16 rounding (rne) equals Float16(Double)")
    func conversionFromDouble() {
        let kernel = RoundingKernel(format: .fp16, mode: .nearestEven)
        var rng = TestRNG(seed: 0xC0_4F16)
        var inputs: [Double] = []
        // Random binary64 values across fp16's range and beyond (2^−28 … 2^17).
        for _ in 0..<100_000 {
            let e = Int.random(in: -28...17, using: &rng)
            let sig = 1 + Double(rng.next() >> 12) * 0x1p-52
            inputs.append(Double(sign: rng.next() & 1 == 0 ? .plus : .minus, exponent: e, significand: sig))
        }
        // Exact midpoints between consecutive binary16 values and their
        // binary64 neighbours (the cases where a double rounding would show).
        for _ in 0..<30_000 {
            let h = Self.randomHalf(&rng)
            guard h.isFinite, h.nextUp.isFinite else { continue }
            let mid = (Double(h) + Double(h.nextUp)) / 2  // exact: one more bit than binary16
            inputs += [mid, mid.nextUp, mid.nextDown]
        }
        // Arbitrary binary64 bit patterns (binary64 subnormals, huge values, ∞).
        for _ in 0..<20_000 {
            let x = Double(bitPattern: rng.next())
            if !x.isNaN { inputs.append(x) }
        }
        inputs += [0, -0.0, .infinity, -.infinity, 65504, 65519.99, 65520, -65520, 0x1p-25, 0x1p-25.nextUp, -0x1p-25]
        var failures: [String] = []
        for x in inputs {
            let got = kernel.round(x)
            let expected = Double(Float16(x))
            if !sameValue(got, expected) { failures.append("\(hex(x)) → \(hex(got)), Float16 \(hex(expected))") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(inputs.count) mismatches, e.g. \(failures.prefix(5))")
    }

    @Test("Emulated<FP16, RNE>(Double) equals Float16(Double)")
    func emulatedInitFromDouble() {
        var rng = TestRNG(seed: 0x1417)
        var failures: [String] = []
        for _ in 0..<20_000 {
            let x = Double(sign: rng.next() & 1 == 0 ? .plus : .minus, exponent: Int.random(in: -27...16, using: &rng),
                           significand: 1 + Double(rng.next() >> 12) * 0x1p-52)
            let got = Half(x).value
            if !sameValue(got, Double(Float16(x))) { failures.append("\(hex(x)) → \(hex(got))") }
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches, e.g. \(failures.prefix(5))")
    }

    // MARK: binary32

    /// Random `Float` pairs: half with independent random bit patterns (any
    /// exponents: overflow, underflow, subnormals), half with the second
    /// operand within a few binades of the first (cancellation and carries).
    static func randomFloatPair(_ rng: inout TestRNG) -> (Float, Float) {
        func anyFloat() -> Float {
            while true {
                let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
                if !f.isNaN { return f }
            }
        }
        let a = anyFloat()
        if rng.next() & 1 == 0 || !a.isFinite || a == 0 { return (a, anyFloat()) }
        let sig = Float(sign: rng.next() & 1 == 0 ? .plus : .minus, exponent: 0,
                        significand: 1 + Float(rng.next() >> 41) * 0x1p-23)
        return (a, Float(sign: .plus, exponent: a.exponent + Int.random(in: -30...30, using: &rng), significand: sig))
    }

    @Test("Emulated<FP32, RNE> + − × ÷ √ fma equal Float's on 10^5 random pairs")
    func binary32Arithmetic() {
        var rng = TestRNG(seed: 0xF32)
        var failures: [String] = []
        func check(_ what: String, _ a: Float, _ b: Float, _ got: Single, _ expected: Float) {
            if !sameValue(got.value, Double(expected)) {
                failures.append("\(a) \(what) \(b): emulated \(hex(got.value)), Float \(hex(Double(expected)))")
            }
        }
        for _ in 0..<100_000 {
            let (a, b) = Self.randomFloatPair(&rng)
            let ea = Single(uncheckedValue: Double(a)), eb = Single(uncheckedValue: Double(b))
            check("+", a, b, ea + eb, a + b)
            check("-", a, b, ea - eb, a - b)
            check("*", a, b, ea * eb, a * b)
            check("/", a, b, ea / eb, a / b)
            check("sqrt", a.magnitude, 0, ea.magnitude.squareRoot(), a.magnitude.squareRoot())
            // Float.addingProduct is the C library's fmaf (correctly rounded).
            // The addend: arbitrary, or close to −a·b (cancellation).
            var c = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            if c.isNaN || rng.next() & 1 == 0 { c = -(a * b) * (1 + Float(Int.random(in: -64...64, using: &rng)) * 0x1p-20) }
            if c.isNaN { c = 1 }
            check("fma(·,·,\(c))", a, b, Single(uncheckedValue: Double(c)).addingProduct(ea, eb), c.addingProduct(a, b))
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches, e.g. \(failures.prefix(5))")
    }

    @Test("binary64 → fp32 rounding (rne) equals Float(Double)")
    func binary32Conversion() {
        let kernel = RoundingKernel(format: .fp32, mode: .nearestEven)
        var rng = TestRNG(seed: 0xF32C)
        var failures: [String] = []
        for i in 0..<100_000 {
            var x = Double(bitPattern: rng.next())
            if i % 2 == 0 {  // concentrate on binary32's range, subnormals included
                x = Double(sign: .plus, exponent: Int.random(in: -152...129, using: &rng),
                           significand: 1 + Double(rng.next() >> 12) * 0x1p-52)
            } else if i % 4 == 1, x.isFinite {  // a binary32 midpoint or its neighbour
                let f = Float(x)
                if f.isFinite && f.nextUp.isFinite {
                    let mid = (Double(f) + Double(f.nextUp)) / 2
                    x = [mid, mid.nextUp, mid.nextDown][Int(rng.next() % 3)]
                }
            }
            if x.isNaN { continue }
            let got = kernel.round(x)
            if !sameValue(got, Double(Float(x))) { failures.append("\(hex(x)) → \(hex(got)), Float \(hex(Double(Float(x))))") }
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches, e.g. \(failures.prefix(5))")
    }
}

#endif
