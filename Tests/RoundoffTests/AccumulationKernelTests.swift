import Testing
@testable import Roundoff

/// `RoundingKernel.accumulate` (the inner loop of an emulated matrix product)
/// against the reference rounding of the exact `y + α·x`, whose head and tail
/// the test computes itself by TwoSum and binary64's FMA.
@Suite("Accumulation kernel")
struct AccumulationKernelTests {
    static let formats: [FloatFormat] = [.fp32, .tf32, .fp16, .bf16, .e4m3, .e5m2, .e2m1]

    /// Inputs of every kind in the format: random magnitudes over its range,
    /// exact cancellations, terms far below the accumulator (sticky only),
    /// values near xmax and in the subnormal range.
    static func inputs(_ f: FloatFormat, count: Int, seed: UInt64) -> (alpha: Double, x: [Double], y: [Double]) {
        let ref = ReferenceRounding(f)
        var rng = TestRNG(seed: seed)
        let emin = f.minExponent, emax = f.maxExponent
        func value() -> Double {
            let e = Int.random(in: (emin - f.precision)...emax, using: &rng)
            let m = Double.random(in: 1..<2, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)
            return ref.round(m * pow2(e), .nearestEven)
        }
        let alpha = ref.round(Double.random(in: 0.5..<4, using: &rng) * (Bool.random(using: &rng) ? 1 : -1), .nearestEven)
        var x: [Double] = [], y: [Double] = []
        for i in 0..<count {
            var xi = value(), yi = value()
            switch i % 5 {
            case 1: yi = -alpha * xi                                   // exact cancellation (if representable)
                if ref.round(yi, .nearestEven) != yi { yi = value() }
            case 2: yi = ref.round(Double(Int.random(in: 1...3, using: &rng)), .nearestEven)   // tiny term
                xi = ref.round(pow2(max(emin - f.precision + 1, -f.precision - 8)), .nearestEven)
            case 3: yi = ref.round(f.greatestFiniteMagnitude * 0.75, .nearestEven)             // near overflow
            default: break
            }
            x.append(xi); y.append(yi)
        }
        return (alpha, x, y)
    }

    @Test("every deterministic mode: y + α·x rounded once", arguments: formats)
    func deterministicModesRoundOnce(_ f: FloatFormat) {
        let ref = ReferenceRounding(f)
        for mode in deterministicModes {
            for seed in 1...4 as ClosedRange<UInt64> {
                let (alpha, x, y0) = Self.inputs(f, count: 203, seed: seed)  // odd count: lanes and tail
                var y = y0
                RoundingKernel(format: f, mode: mode).accumulate(alpha, x, into: &y, count: x.count)
                for j in x.indices {
                    let p = alpha * x[j]
                    let s = y0[j] + p
                    let bb = s - y0[j]
                    let tail = (y0[j] - (s - bb)) + (p - bb) + (-p).addingProduct(alpha, x[j])
                    var expected = ref.round(head: s, tail: tail, mode)
                    if s == 0 && tail == 0 {  // exact zero sum: IEEE 754 §6.3 sign
                        expected = mode == .down && (y0[j].bitPattern | p.bitPattern) != 0 ? -0.0 : (y0[j] + p)
                    }
                    #expect(sameValue(y[j], expected),
                            "\(f.spec) \(mode.spec): \(hex(y0[j])) + \(alpha)·\(hex(x[j])) → \(hex(y[j])), expected \(hex(expected))")
                }
            }
        }
    }

    @Test("a term below the accumulator's last bit moves it in directed modes")
    func stickyFromTheSum() {
        var y = [1.0, 1.0, -1.0, 1.0, 1.0]
        let x = [0x1p-60, -0x1p-60, 0x1p-60, 0x1p-60, 0x1p-60]
        RoundingKernel(format: .fp32, mode: .up).accumulate(1, x, into: &y, count: 5)
        let up = Double(Float(1).nextUp)
        #expect(y == [up, 1, -Double(Float(1).nextDown.magnitude), up, up])
    }

    @Test("inexact products: the product's error is carried too")
    func inexactProducts() {
        let f = FloatFormat.fp32
        let ref = ReferenceRounding(f)
        var rng = TestRNG(seed: 9)
        let alpha = 1 + Double.random(in: 0..<1, using: &rng)  // 53-bit significand
        let x = (0..<101).map { _ in Double.random(in: -1..<1, using: &rng) }
        let y0 = (0..<101).map { _ in Double(Float(Double.random(in: -1..<1, using: &rng))) }
        for mode in deterministicModes {
            var y = y0
            RoundingKernel(format: f, mode: mode).accumulate(alpha, x, into: &y, count: x.count, productsExact: false)
            for j in x.indices {
                let p = alpha * x[j], s = y0[j] + p, bb = s - y0[j]
                let tail = (y0[j] - (s - bb)) + (p - bb) + (-p).addingProduct(alpha, x[j])
                #expect(sameValue(y[j], ref.round(head: s, tail: tail, mode)))
            }
        }
    }

    @Test("sr: only the two neighbours, up with probability (v − lo)/(hi − lo), same bits for the same stream")
    func stochastic() {
        let f = FloatFormat.bf16
        let ref = ReferenceRounding(f)
        let n = 4000
        let x = [Double](repeating: 0x1p-10, count: n)  // 1 + 2^-10 lies 1/8 of a gap above 1
        var y = [Double](repeating: 1, count: n)
        let kernel = RoundingKernel(format: f, mode: .stochastic)
        kernel.accumulate(1, x, into: &y, count: n, stream: StochasticStream(seed: 3))
        let (lo, hi, _) = ref.bracket(1 + 0x1p-10)
        #expect(y.allSatisfy { $0 == lo || $0 == hi })
        let upFraction = Double(y.filter { $0 == hi }.count) / Double(n)
        // Binomial(4000, 1/8): σ ≈ 0.0052; 5σ.
        #expect(abs(upFraction - 0.125) < 0.027)
        var again = [Double](repeating: 1, count: n)
        kernel.accumulate(1, x, into: &again, count: n, stream: StochasticStream(seed: 3))
        #expect(again == y)
    }
}
