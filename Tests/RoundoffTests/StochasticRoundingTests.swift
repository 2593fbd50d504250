import Foundation
import Testing
@testable import Roundoff

// Stochastic rounding (design §2 and §5): outputs are only the two
// neighbours, representable values are never moved, the rounding-up
// frequency matches the definition of each mode within a 5-sigma binomial
// bound, full SR is unbiased, and results are reproducible from the seed
// regardless of thread count.

@Suite("Stochastic rounding: distribution and reproducibility")
struct StochasticRoundingTests {
    /// Draws per case (each at a different stream position).
    static let draws = 20_000

    /// A value to round and the format it is rounded into.
    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let x: Double
        let label: String
        var testDescription: String { "\(format.spec) \(label) (\(x))" }
    }

    /// Values of several kinds for a format: a generic normal value,
    /// values just below and just above a power of two, a negative value,
    /// a subnormal value, a value below the smallest subnormal, and values
    /// whose fraction has few bits (so that few-bit SR is exact).
    static func cases(_ f: FloatFormat) -> [Case] {
        let p = f.precision
        let q1 = pow2(1 - p)  // spacing in [1, 2)
        let s = f.leastNonzeroMagnitude
        var list: [Case] = [
            Case(format: f, x: 1 + 0.3 * q1, label: "1 + 0.3 ulp"),
            Case(format: f, x: 1 + 0.8125 * q1, label: "1 + 13/16 ulp"),
            Case(format: f, x: 1 + 0.5 * q1, label: "midpoint above 1"),
            Case(format: f, x: 2 - 0.7 * q1 / 2, label: "just below 2"),
            Case(format: f, x: -(4 + 0.1 * q1 * 4), label: "just above −4 in magnitude"),
            Case(format: f, x: -(1 + 0.6 * q1), label: "negative"),
            Case(format: f, x: s * 0.37, label: "below the smallest subnormal"),
            Case(format: f, x: -s * 0.9, label: "negative, below the smallest subnormal"),
        ]
        if f.minExponent - p + 1 < f.minExponent - 2 {  // at least a few subnormals
            list.append(Case(format: f, x: s * 5.4375, label: "subnormal (5 + 7/16)"))
            list.append(Case(format: f, x: f.leastNormalMagnitude - s * 0.2, label: "just below xmin"))
        }
        return list
    }

    static let formats: [FloatFormat] = [.fp32, .tf32, .fp16, .bf16, .e5m2, .e4m3, .e2m1]
    static let allCases: [Case] = formats.flatMap(cases)
    static let modes: [RoundingMode] = [.stochastic, .stochastic(bits: 3), .stochasticHalf]

    /// Probability that the magnitude rounds up, from the definitions in design §2.
    static func expectedUpProbability(_ mode: RoundingMode, fraction: Double) -> Double {
        switch mode {
        case .stochastic(nil): return fraction
        case .stochastic(let r?): return (fraction * pow2(r)).rounded(.down) / pow2(r)
        default: return fraction == 0 ? 0 : 0.5
        }
    }

    /// |observed − p| within 5 binomial standard deviations (plus one count
    /// of discreteness). A correct kernel fails this about once in 10^6 runs.
    static func withinFiveSigma(ups: Int, n: Int, p: Double) -> Bool {
        let observed = Double(ups) / Double(n)
        return abs(observed - p) <= 5 * (p * (1 - p) / Double(n)).squareRoot() + 1 / Double(n)
    }

    @Test("only the neighbours occur, with the defined frequency", arguments: allCases, modes)
    func frequency(c: Case, mode: RoundingMode) {
        let kernel = RoundingKernel(format: c.format, mode: mode)
        let ref = ReferenceRounding(c.format)
        let (loMag, hiMag, q) = ref.bracket(c.x.magnitude)
        let fraction = (c.x.magnitude - loMag) / q  // exact (power-of-two division)
        let p = Self.expectedUpProbability(mode, fraction: fraction)
        // The neighbours, also as the library's directed roundings.
        let lo = c.x < 0 ? -hiMag : loMag, hi = c.x < 0 ? -loMag : hiMag
        #expect(RoundingKernel(format: c.format, mode: .down).round(c.x) == lo)
        #expect(RoundingKernel(format: c.format, mode: .up).round(c.x) == hi)

        let stream = StochasticStream(seed: 0x5EED ^ c.x.bitPattern, stream: 1)
        var upsInMagnitude = 0, others: [Double] = []
        var sumOfErrors = 0.0
        for i in 0..<Self.draws {
            let y = kernel.round(c.x, random: stream.bits(at: UInt64(i)))
            if y.magnitude == hiMag && y.sign == c.x.sign {
                upsInMagnitude += 1
            } else if !(y.magnitude == loMag && y.sign == c.x.sign) {
                others.append(y)
            }
            sumOfErrors += y - c.x
        }
        #expect(others.isEmpty, "results other than \(lo) and \(hi): \(others.prefix(5))")
        #expect(Self.withinFiveSigma(ups: upsInMagnitude, n: Self.draws, p: p),
                "\(mode): rounded up \(upsInMagnitude) of \(Self.draws) times, expected p = \(p)")
        // Mean: E[y] = x for full SR; few-bit SR is biased toward zero by the
        // discarded bits; sr-half is centred on the midpoint.
        let signedP = p
        let expectedMeanError = (c.x < 0 ? -1.0 : 1.0) * (loMag + signedP * q - c.x.magnitude)
        let meanError = sumOfErrors / Double(Self.draws)
        let bound = 5 * q * (p * (1 - p) / Double(Self.draws)).squareRoot() + q / Double(Self.draws)
        #expect(abs(meanError - expectedMeanError) <= bound, "\(mode): mean error \(meanError), expected \(expectedMeanError) ± \(bound)")
        if case .stochastic(nil) = mode {
            #expect(abs(meanError) <= bound, "sr is biased: mean error \(meanError) (bound \(bound))")
        }
    }

    @Test("representable values are never moved", arguments: formats + [.fp64], modes)
    func representableUnchanged(format f: FloatFormat, mode: RoundingMode) {
        let kernel = RoundingKernel(format: f, mode: mode)
        let stream = StochasticStream(seed: 77)
        let ref = ReferenceRounding(f)
        let values = Samples.batch(f, count: 300, seed: 3).map { ref.round($0, .nearestEven) }.filter(\.isFinite)
            + [f.greatestFiniteMagnitude, f.leastNormalMagnitude, f.leastNonzeroMagnitude, 1, 0, -0.0]
        var moved: [String] = []
        for v in values {
            for i in 0..<200 {
                let y = kernel.round(v, random: stream.bits(at: UInt64(i)))
                if !sameValue(y, v) { moved.append("\(hex(v)) → \(hex(y))"); break }
            }
        }
        #expect(moved.isEmpty, "\(f.spec) \(mode): \(moved.prefix(5))")
    }

    @Test("binary64 precision (p = 53): an exact value x + r rounds stochastically", arguments: modes)
    func fullPrecisionResidual(mode: RoundingMode) {
        // 1 + r with r = 0.40625 ulp(1): roundExact with the residual is the
        // only way to give fp64 an inexact value.
        let kernel = RoundingKernel(format: .fp64, mode: mode)
        let r = 0.40625 * 0x1p-52
        let p = Self.expectedUpProbability(mode, fraction: 0.40625)
        let stream = StochasticStream(seed: 53)
        var ups = 0
        for i in 0..<Self.draws {
            let y = kernel.roundExact(1, residual: r, random: stream.bits(at: UInt64(i))).value
            #expect(y == 1 || y == 1 + 0x1p-52)
            if y != 1 { ups += 1 }
        }
        #expect(Self.withinFiveSigma(ups: ups, n: Self.draws, p: p), "\(mode): \(ups) ups, p = \(p)")
    }

    @Test("sr overflows to ∞ when it rounds past xmax (ieee), and clamps with saturate")
    func stochasticOverflow() {
        // fp16: 65519 lies 15/32 of the way from xmax = 65504 to 65536.
        let stream = StochasticStream(seed: 65519)
        for (format, high) in [(FloatFormat.fp16, Double.infinity), (FloatFormat.fp16.overflow(.saturate), 65504)] {
            let kernel = RoundingKernel(format: format, mode: .stochastic)
            var ups = 0, others: Set<Double> = []
            for i in 0..<Self.draws {
                let y = kernel.round(65519, random: stream.bits(at: UInt64(i)))
                if y == high && high != 65504 { ups += 1 } else if y != 65504 { others.insert(y) }
                if RoundingKernel(format: format, mode: .stochastic).round(-65519, random: stream.bits(at: UInt64(i))) != -y {
                    others.insert(-y)
                }
            }
            #expect(others.isEmpty, "\(format.spec): unexpected results \(others)")
            if high == .infinity {
                #expect(Self.withinFiveSigma(ups: ups, n: Self.draws, p: 15.0 / 32), "\(ups) overflows")
            }
        }
    }

    // MARK: Emulated arithmetic

    @Test("Emulated<BF16, SR>: 1 + 2^−10 rounds up with probability 1/8")
    func emulatedSum() {
        typealias B = Emulated<BF16, SR>
        let one = B(uncheckedValue: 1), small = B(uncheckedValue: 0x1p-10)
        var ups = 0
        RoundingContext.withStream(StochasticStream(seed: 2024)) {
            for _ in 0..<Self.draws {
                let s = (one + small).value
                #expect(s == 1 || s == 1 + 0x1p-7)
                if s != 1 { ups += 1 }
            }
        }
        #expect(Self.withinFiveSigma(ups: ups, n: Self.draws, p: 1.0 / 8), "\(ups) ups of \(Self.draws)")
    }

    @Test("Emulated<BF16, SRHalf> and Emulated<FP64, SR> sums")
    func emulatedSumOtherModes() {
        var ups = 0
        RoundingContext.withStream(StochasticStream(seed: 11)) {
            for _ in 0..<Self.draws {
                let s = (Emulated<BF16, SRHalf>(uncheckedValue: 1) + Emulated<BF16, SRHalf>(uncheckedValue: 0x1p-10)).value
                if s != 1 { ups += 1 }
            }
        }
        #expect(Self.withinFiveSigma(ups: ups, n: Self.draws, p: 0.5), "sr-half: \(ups) ups")
        // fp64: 1 + 3·2^−54 is 3/4 of the way from 1 to 1 + 2^−52.
        ups = 0
        RoundingContext.withStream(StochasticStream(seed: 12)) {
            for _ in 0..<Self.draws {
                let s = (Emulated<FP64, SR>(uncheckedValue: 1) + Emulated<FP64, SR>(uncheckedValue: 3 * 0x1p-54)).value
                #expect(s == 1 || s == 1 + 0x1p-52)
                if s != 1 { ups += 1 }
            }
        }
        #expect(Self.withinFiveSigma(ups: ups, n: Self.draws, p: 0.75), "fp64 sr: \(ups) ups")
    }

    @Test("emulated operations draw consecutive positions of the installed stream")
    func emulatedDrawsStreamPositions() {
        let stream = StochasticStream(seed: 31, stream: 4)
        let kernel = RoundingKernel(format: .bf16, mode: .stochastic)
        var rng = TestRNG(seed: 8)
        let xs = (0..<500).map { _ in 1 + Double(rng.next() >> 11) * 0x1p-53 }
        let got = RoundingContext.withStream(stream) { xs.map { Emulated<BF16, SR>($0).value } }
        let expected = xs.enumerated().map { kernel.round($0.element, random: stream.bits(at: UInt64($0.offset))) }
        #expect(got == expected)
    }

    // MARK: Reproducibility

    @Test("streams: same seed same bits, different seed or stream different bits")
    func streams() {
        let a = (0..<1000).map { StochasticStream(seed: 42, stream: 3).bits(at: UInt64($0)) }
        let b = (0..<1000).map { StochasticStream(seed: 42, stream: 3).bits(at: UInt64($0)) }
        let c = (0..<1000).map { StochasticStream(seed: 43, stream: 3).bits(at: UInt64($0)) }
        let d = (0..<1000).map { StochasticStream(seed: 42, stream: 4).bits(at: UInt64($0)) }
        #expect(a == b)
        #expect(zip(a, c).filter { $0 == $1 }.count == 0)
        #expect(zip(a, d).filter { $0 == $1 }.count == 0)
        #expect(Set(a).count == 1000)
    }

    /// More than 4 × 65536 elements, so that 2 and 3 threads split the
    /// buffer into several chunks with a ragged last one.
    static let bufferCount = 4 * 65536 + 12_345

    static let buffer: [Double] = {
        var rng = TestRNG(seed: 0xB0FF)
        return (0..<bufferCount).map { _ in
            Double(sign: rng.next() & 1 == 0 ? .plus : .minus, exponent: Int.random(in: -140...20, using: &rng),
                   significand: 1 + Double(rng.next() >> 12) * 0x1p-52)
        }
    }()

    @Test("array rounding: threads 1, 2, 3 give the same bits, element i uses stream position i",
          arguments: [RoundingMode.stochastic, .stochasticHalf, .stochastic(bits: 4)])
    func arrayThreads(mode: RoundingMode) {
        let f = FloatFormat.bf16
        let one = Self.buffer.rounded(to: f, mode: mode, seed: 9, stream: 2, threads: 1)
        let two = Self.buffer.rounded(to: f, mode: mode, seed: 9, stream: 2, threads: 2)
        let three = Self.buffer.rounded(to: f, mode: mode, seed: 9, stream: 2, threads: 3)
        #expect(one.map(\.bitPattern) == two.map(\.bitPattern))
        #expect(one.map(\.bitPattern) == three.map(\.bitPattern))
        // The documented stream rule, element by element.
        let stream = StochasticStream(seed: 9, stream: 2)
        let kernel = RoundingKernel(format: f, mode: mode)
        let mismatches = Self.buffer.indices.filter {
            kernel.round(Self.buffer[$0], random: stream.bits(at: UInt64($0))).bitPattern != one[$0].bitPattern
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) elements differ from stream position i, e.g. index \(mismatches.first ?? -1)")
        // Another seed changes the result.
        let other = Self.buffer.rounded(to: f, mode: mode, seed: 10, stream: 2, threads: 2)
        let differing = zip(one, other).filter { $0 != $1 }.count
        #expect(differing > Self.bufferCount / 20, "only \(differing) elements changed with the seed")
    }

    @Test("[Float] rounding with threads matches [Double] rounding with the same seed")
    func floatArrayThreads() {
        let floats = Self.buffer.map { Float($0) }
        let widened = floats.map { Double($0) }
        for mode: RoundingMode in [.stochastic, .stochasticHalf] {
            let one = floats.rounded(to: .bf16, mode: mode, seed: 5, threads: 1)
            let three = floats.rounded(to: .bf16, mode: mode, seed: 5, threads: 3)
            #expect(one.map(\.bitPattern) == three.map(\.bitPattern), "\(mode)")
            let viaDouble = widened.rounded(to: .bf16, mode: mode, seed: 5, threads: 2)
            #expect(one.map { Double($0).bitPattern } == viaDouble.map(\.bitPattern), "\(mode)")
        }
    }

    @Test("pointer API: rounding in pieces with firstIndex equals rounding the whole buffer")
    func pieces() {
        let kernel = RoundingKernel(format: .fp16, mode: .stochastic)
        let stream = StochasticStream(seed: 17)
        let n = Self.bufferCount, cut = 100_003
        var whole = [Double](repeating: 0, count: n), pieces = [Double](repeating: 0, count: n)
        Self.buffer.withUnsafeBufferPointer { src in
            whole.withUnsafeMutableBufferPointer { dst in
                kernel.round(src.baseAddress!, into: dst.baseAddress!, count: n, stream: stream, threads: 2)
            }
            pieces.withUnsafeMutableBufferPointer { dst in
                kernel.round(src.baseAddress!, into: dst.baseAddress!, count: cut, stream: stream, firstIndex: 0, threads: 1)
                kernel.round(src.baseAddress! + cut, into: dst.baseAddress! + cut, count: n - cut, stream: stream,
                             firstIndex: UInt64(cut), threads: 3)
            }
        }
        #expect(whole.map(\.bitPattern) == pieces.map(\.bitPattern))
    }

    /// A small SR computation in a run-time format: a running sum.
    static func runningSum(seed: UInt64) -> [Double] {
        RoundingContext.with(format: .bf16, mode: .stochastic, seed: seed) {
            var acc = RuntimeEmulated(uncheckedValue: 0)
            let step = RuntimeEmulated(0.01)
            var out: [Double] = []
            for _ in 0..<3000 {
                acc = acc + step
                out.append(acc.value)
            }
            return out
        }
    }

    final class ResultBox: @unchecked Sendable {
        var values: [Double] = []
    }

    @Test("RoundingContext.with: same seed same results, also on concurrent threads")
    func contextReproducible() {
        let a1 = Self.runningSum(seed: 1), a2 = Self.runningSum(seed: 1)
        let b = Self.runningSum(seed: 2)
        #expect(a1 == a2)
        #expect(a1 != b)
        // Two threads at once, each with its own seed.
        let boxA = ResultBox(), boxB = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let threads = [Thread { boxA.values = Self.runningSum(seed: 1); done.signal() },
                       Thread { boxB.values = Self.runningSum(seed: 2); done.signal() }]
        threads.forEach { $0.start() }
        done.wait()
        done.wait()
        #expect(boxA.values == a1)
        #expect(boxB.values == b)
        // And with another computation running on this thread in between.
        let c = RoundingContext.with(format: .fp16, mode: .stochasticHalf, seed: 1) {
            Self.runningSum(seed: 1)  // nested scope: its own stream from position 0
        }
        #expect(c == a1)
    }
}
