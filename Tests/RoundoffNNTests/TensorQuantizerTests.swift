import Roundoff
import Testing
@testable import RoundoffNN

/// Expected values are worked out by hand from the OCP MX v1.0 conversion
/// (X = 2^e, element = round(v / X) clamped to ±xmax, value = X · element)
/// and the element formats' value sets, never by running the quantizer.
@Suite("Tensor quantizer: MX and per-tensor")
struct TensorQuantizerTests {
    func quantized(_ v: [Double], _ format: FloatFormat, _ scaling: TensorScaling, mode: RoundingMode = .nearestEven,
                   rows: Int = 1, blocks: BlockLayout = .alongRows, seed: UInt64 = 0) -> ([Double], QuantizationStatistics) {
        var x = v
        let q = TensorQuantizer(format: format, mode: mode, scaling: scaling)
        let stats = q.quantize(&x, rows: rows, columns: v.count / rows, blocks: blocks, stream: StochasticStream(seed: seed))
        return (x, stats)
    }

    @Test func fp4BlockWithAmax7FloorClampsCeilRoundsToEven() {
        let block = [7, 1, -2.5, 0.3]
        // floor: X = 2^(⌊log2 7⌋ − 2) = 1. 7 > 6 clamps; −2.5 ties to 2 (even);
        // 0.3 is above 0.25, half the subnormal spacing 0.5.
        let (f, fs) = quantized(block, .e2m1, .mx(blockSize: 4, rule: .floor))
        #expect(f == [6, 1, -2, 0.5])
        #expect(fs.clamped == 1 && fs.underflows == 0 && fs.scaleExponents == 0...0 && fs.blocks == 1)
        // ceil: X = 2 (7/2 = 3.5 ≤ 6, 7/1 > 6). 3.5 ties between 3 (1.1b·2)
        // and 4 (1.0b·4): even → 4 → 8. 0.5 → 1; −1.25 ties → 1 → −2; 0.15 → 0.
        let (c, cs) = quantized(block, .e2m1, .mx(blockSize: 4, rule: .ceil))
        #expect(c == [8, 1, -2, 0])
        #expect(cs.clamped == 0 && cs.underflows == 1 && cs.scaleExponents == 1...1)
        // even: 7 = 1.75·4 rounds to 2 bits as 8, so X = 2^(3 − 2) = 2 as well.
        let (e, _) = quantized(block, .e2m1, .mx(blockSize: 4, rule: .even))
        #expect(e == [8, 1, -2, 0])
        // 6.9 stays below 7: even keeps X = 1 and clamps, ceil takes X = 2.
        #expect(quantized([6.9, 1], .e2m1, .mx(blockSize: 2, rule: .even)).1.scaleExponents == 0...0)
        #expect(quantized([6.9, 1], .e2m1, .mx(blockSize: 2, rule: .ceil)).1.scaleExponents == 1...1)
    }

    @Test func fp8E4M3Block() {
        // floor: X = 2^(8 − 8) = 1; 480 clamps to 448; 3.3 → 3.25 (spacing 0.25 in [2, 4)).
        let (f, fs) = quantized([480, 3.3], .e4m3, .mx(blockSize: 2, rule: .floor))
        #expect(f == [448, 3.25] && fs.clamped == 1)
        // ceil: 480/448 > 1 so X = 2: 240 is a value ([128, 256), spacing 16);
        // 1.65 → 1.625 (spacing 0.125) → 3.25.
        let (c, cs) = quantized([480, 3.3], .e4m3, .mx(blockSize: 2, rule: .ceil))
        #expect(c == [480, 3.25] && cs.clamped == 0 && cs.scaleExponents == 1...1)
        // even: 480 = 1.875·2^8 < 1.9375·2^8, so X = 1 and 480 clamps.
        let (e, es) = quantized([480, 3.3], .e4m3, .mx(blockSize: 2, rule: .even))
        #expect(e == [448, 3.25] && es.clamped == 1)
    }

    @Test func fp8E5M2BlockClampsUnderFloorDespiteInfinities() {
        // floor: X = 2^(9 − 15); 1000·64 = 64000 > 57344 clamps (MX saturates
        // even though e5m2 itself overflows to ∞): 57344 / 64 = 896.
        let (f, fs) = quantized([1000, -1], .e5m2, .mx(blockSize: 2, rule: .floor))
        #expect(f == [896, -1] && fs.clamped == 1 && fs.scaleExponents == -6 ... -6)
        // ceil: X = 2^−5; 32000 lies in [16384, 32768) (spacing 4096) above
        // the midpoint 30720 → 32768 → 1024.
        let (c, _) = quantized([1000, -1], .e5m2, .mx(blockSize: 2, rule: .ceil))
        #expect(c == [1024, -1])
    }

    @Test func allZeroBlockKeepsSignedZerosAndGetsTheSmallestScale() {
        let (z, s) = quantized([0, -0.0, 0, 0], .e4m3, .mx(rule: .floor))
        #expect(z == [0, 0, 0, 0] && z[1].sign == .minus)
        #expect(s.scaleExponents == -127 ... -127 && s.underflows == 0 && s.clamped == 0)
    }

    @Test func aNaNOrInfinityMakesItsBlockNaN() {
        // Second block: X = 2^(2 − 8), and 4…7 · 64 are e4m3 values.
        let (y, s) = quantized([1, .nan, 2, 3, 4, 5, 6, 7, -.infinity, 1, 1, 1], .e4m3, .mx(blockSize: 4, rule: .floor))
        #expect(y[0..<4].allSatisfy(\.isNaN) && y[8..<12].allSatisfy(\.isNaN))
        #expect(Array(y[4..<8]) == [4, 5, 6, 7])
        #expect(s.nonFinite == 2 && s.nanScales == 2 && s.blocks == 3 && s.scaleExponents == -6 ... -6)
    }

    @Test func e8m0ClampsTinyAndHugeBlocks() {
        // 2^−135: e = −143 → −127. 2^−135 / 2^−127 = 2^−8 is an e4m3 subnormal
        // (spacing 2^−9); 2^−140 → 2^−13 is below 2^−10 and flushes.
        let (t, ts) = quantized([0x1p-140, 0x1p-135], .e4m3, .mx(rule: .floor))
        #expect(t == [0, 0x1p-135] && ts.underflows == 1 && ts.scaleExponents == -127 ... -127)
        // 2^200: e = 192 → 127; 2^73 clamps to 448; 1 → 2^−127 flushes.
        let (h, hs) = quantized([0x1p200, 1], .e4m3, .mx(rule: .ceil))
        #expect(h == [448 * 0x1p127, 0] && hs.clamped == 1 && hs.underflows == 1 && hs.scaleExponents == 127...127)
    }

    @Test func perTensorScaleIsAnExactPowerOfTwo() {
        // amax 10: ⌊log2(448/10)⌋ = 5, X = 2^−5. 320 is a value; 3.936 → 4;
        // −105.6 → −104 ([64, 128), spacing 8); 0.0032 → 2·2^−9 (subnormals
        // 2^−9 apart). Non-finite values are left alone.
        let (y, s) = quantized([10, 0.123, -3.3, 0.0001, .infinity, .nan], .e4m3, .perTensor, rows: 2)
        #expect(Array(y[0..<5]) == [10, 0.125, -3.25, 0x1p-13, .infinity] && y[5].isNaN)
        #expect(s.scaleExponents == -5 ... -5 && s.nonFinite == 2 && s.clamped == 0 && s.blocks == 1)
        // Only element rounding errs: quantizing equals rounding v·2^k in the
        // format and dividing by 2^k (binary64 scaling by 2^±5 is exact here).
        let v = (0..<64).map { Double(($0 * 37) % 101 - 50) / 7.3 }
        let (q, _) = quantized(v, .e5m2, .perTensor)
        let amax = v.map(\.magnitude).max()!
        var k = 0
        while amax * Double(sign: .plus, exponent: k + 1, significand: 1) <= 57344 { k += 1 }
        let scale = Double(sign: .plus, exponent: k, significand: 1)
        #expect(q == v.map { $0 * scale }.rounded(to: .e5m2, mode: .nearestEven).map { $0 / scale })
    }

    @Test func noScalingUsesTheFormatsOwnOverflow() {
        let (y, s) = quantized([1e6, 1e-9, 1.3], .e5m2, .none)
        #expect(y == [.infinity, 0, 1.25] && s.clamped == 1 && s.underflows == 1 && s.blocks == 0)
    }

    @Test func stochasticRoundingIsUnbiasedAndReproducible() {
        // X = 1 (amax 6, an e2m1 value). Neighbours in e2m1: 1.2 ∈ (1, 1.5), −0.7 ∈ (−1, −0.5),
        // 2.6 ∈ (2, 3), 0.1 ∈ (0, 0.5).
        let v = [6, 1.2, -0.7, 2.6, 0.1]
        let neighbours: [(Double, Double)] = [(6, 6), (1, 1.5), (-1, -0.5), (2, 3), (0, 0.5)]
        let seeds = 2000
        var sums = [Double](repeating: 0, count: v.count)
        for seed in 1...seeds {
            let (y, _) = quantized(v, .e2m1, .mx(blockSize: 8, rule: .floor), mode: .stochastic, seed: UInt64(seed))
            for i in v.indices {
                #expect(y[i] == neighbours[i].0 || y[i] == neighbours[i].1)
                sums[i] += y[i]
            }
        }
        for i in v.indices {
            let (lo, hi) = neighbours[i]
            let p = hi == lo ? 0 : (v[i] - lo) / (hi - lo)
            let sigma = (hi - lo) * (p * (1 - p) / Double(seeds)).squareRoot()
            #expect(abs(sums[i] / Double(seeds) - v[i]) <= 4 * sigma + 1e-12, "value \(v[i])")
        }
        let a = quantized(v, .e2m1, .mx(rule: .floor), mode: .stochastic, seed: 99).0
        #expect(a == quantized(v, .e2m1, .mx(rule: .floor), mode: .stochastic, seed: 99).0)
    }

    @Test func columnBlocksGiveTheTransposesResult() {
        let rows = 5, columns = 70
        let a = (0..<(rows * columns)).map { i in
            Double((i * 37) % 101 - 50) / 7.3 * Double(sign: .plus, exponent: i % 9 - 4, significand: 1)
        }
        let at = (0..<(rows * columns)).map { i in a[(i % rows) * columns + i / rows] }
        for (format, scaling) in [(FloatFormat.e4m3, TensorScaling.mx(rule: .floor)), (.e2m1, .mx(blockSize: 3, rule: .even)),
                                  (.e2m1, .nvfp4), (.e5m2, .mx(blockSize: 16, rule: .ceil))] {
            let (byRows, s1) = quantized(a, format, scaling, rows: rows, blocks: .alongRows)
            let (byColumns, s2) = quantized(at, format, scaling, rows: columns, blocks: .alongColumns)
            let back = (0..<(rows * columns)).map { i in byColumns[(i % columns) * rows + i / columns] }
            #expect(back == byRows, "\(scaling)")
            #expect(s1 == s2)
        }
    }
}
