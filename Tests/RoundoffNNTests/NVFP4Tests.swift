import Roundoff
import Testing
@testable import RoundoffNN

/// NVFP4 on a hand-worked tensor, following the published recipe (NVIDIA,
/// "Pretraining large language models with NVFP4", 2025): tensor encode
/// scale S_enc = 448·6 / amax_t in fp32, decode S_dec = fp32(1/S_enc), block
/// scale s_b = e4m3(amax_b / 6 · S_enc), element = e2m1(v / (s_b · S_dec)).
@Suite("Tensor quantizer: NVFP4")
struct NVFP4Tests {
    @Test func twoLevelScalesOnAHandWorkedTensor() {
        var v = [Double](repeating: 0, count: 48)
        v[0] = 7; v[1] = 3.5; v[2] = -1; v[3] = 0.2             // block 1, amax 7
        v[16] = 0.5; v[17] = 0.1; v[18] = 0.3; v[19] = -0.2; v[20] = 0.02   // block 2, amax 0.5
        v[32] = 1.3; v[33] = 0.65                              // block 3, amax 1.3
        // amax_t = 7: S_enc = 2688/7 = 384 exactly; S_dec = fp32(1/384) =
        // fp32(1/3)·2^−7 = (1 + δ)/384 with δ ≈ 3e−8.
        let sDec = Double(Float(1.0 / 384.0))
        #expect(sDec > 1.0 / 384)
        // Block 1: s_b = e4m3(7/6·384 = 448) = 448. v/X = 6/(1+δ), 3/(1+δ),
        // −(6/7)/(1+δ), 0.171: → 6, 3, −1 (above 0.75), 0 (below 0.25).
        // Block 2: s_b = e4m3(0.5/6·384 = 32) = 32: v/X ≈ 6, 1.2, 3.6, −2.4,
        // 0.24 → 6, 1, 4, −2, 0.
        // Block 3: 1.3/6·384 = 83.2 → e4m3 80 ([64, 128), spacing 8):
        // 1.3/X ≈ 6.24 clamps to 6; 0.65/X ≈ 3.12 → 3.
        var expected = [Double](repeating: 0, count: 48)
        expected[0] = 6 * 448 * sDec; expected[1] = 3 * 448 * sDec; expected[2] = -448 * sDec
        expected[16] = 6 * 32 * sDec; expected[17] = 32 * sDec; expected[18] = 4 * 32 * sDec; expected[19] = -2 * 32 * sDec
        expected[32] = 6 * 80 * sDec; expected[33] = 3 * 80 * sDec
        let q = TensorQuantizer(format: .e2m1, mode: .nearestEven, scaling: .nvfp4)
        let s = q.quantize(&v, rows: 1, columns: 48)
        #expect(v == expected)
        #expect(v[0] != 7)   // the fp32 decode scale is not exactly 1/384
        #expect(s.tensorEncodeScale == 384 && s.blockScales == 32...448 && s.blocks == 3)
        #expect(s.clamped == 1 && s.underflows == 2 && s.nonFinite == 0)
    }

    @Test func stochasticElementsStayBetweenNeighbours() {
        // amax_t = 6·448/384 = 7 again; one block, s_b = 448, X = 448·S_dec.
        let sDec = Double(Float(1.0 / 384.0))
        let x = 448 * sDec
        var sum = 0.0
        for seed in 1...500 {
            var v = [7, 2.5 * x] + [Double](repeating: 0, count: 14)
            TensorQuantizer(format: .e2m1, mode: .stochastic, scaling: .nvfp4)
                .quantize(&v, rows: 1, columns: 16, stream: StochasticStream(seed: UInt64(seed)))
            #expect(v[1] == 2 * x || v[1] == 3 * x)   // 2.5·X lies between e2m1 2 and 3
            sum += v[1]
        }
        #expect(abs(sum / 500 / x - 2.5) < 4 * 0.5 / 500.0.squareRoot())
    }
}
