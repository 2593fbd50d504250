import Foundation
import Testing
import Roundoff
import Solvers

/// Forward Euler on y′ = −y/τ: first order in binary64, stagnation under
/// round-to-nearest, none under stochastic rounding.
struct EulerDecayTests {
    /// Forward Euler is first order: doubling n halves the error (the
    /// global error is (t·y(t)/(2τ²))·h + O(h²)). Both published set-ups.
    @Test(arguments: [(1.0 / 64, 1.0, 1.0), (1.0, 20.0, 1.0 / 64)])
    func binary64IsFirstOrder(y0: Double, tau: Double, tEnd: Double) {
        func error(_ n: Int) -> Double {
            var d = ExponentialDecay<Double>(y0: y0, tau: tau, h: tEnd / Double(n))
            d.run(steps: n)
            return abs(d.y - y0 * exp(-tEnd / tau))
        }
        let ratio = error(1000) / error(2000)
        #expect(abs(ratio - 2) < 0.01, "error ratio \(ratio) when n doubles")
    }

    /// Set-up 1 (y′ = −y, y0 = 2^−6, t ≤ 1) with n = 10^4: the increment
    /// h·y0 ≈ 10^−4·2^−6 is below half the spacing of y0 toward zero,
    /// 2^−6·2^−(p+1) (2^−9·2^−6 for bfloat16, 2^−12·2^−6 for binary16; in
    /// binary16 the product is subnormal, still positive and below it), so
    /// round-to-nearest never moves y: y_n = y0 and the relative error is
    /// exactly |y0 − y0/e|/(y0/e) = e − 1. Stochastic rounding keeps
    /// following the Euler solution.
    @Test(arguments: [FloatFormat.bf16, .fp16])
    func nearestStagnatesStochasticDoesNot(format: FloatFormat) throws {
        let params = ["setup": "1", "steps": "10000"]
        let nearest = try runCell("euler-decay", format, .nearestEven, params)
        #expect(abs(nearest.series("error")[10000]! - (M_E - 1)) < 1e-12)
        #expect(nearest.series("stagnated")[10000] == 1)
        var errors: [Double] = []
        for seed: UInt64 in 1...3 {
            let m = try runCell("euler-decay", format, .stochastic, seed: seed, params)
            errors.append(m.series("error")[10000]!)
            #expect(m.series("stagnated")[10000] == 0, "seed \(seed)")
        }
        let mean = errors.reduce(0, +) / 3
        #expect(mean < (M_E - 1) / 10, "SR errors \(errors)")
    }

    /// A deterministic mode's plateau is stagnation without further
    /// evidence. E4M3 (p = 4, emin = −6, subnormal spacing 2^−9), set-up 1,
    /// n = 1000: h = 10^−3 rounds to 2^−9 (it exceeds half the spacing,
    /// 2^−10), and h·y0 = 2^−15 rounds to 0, so y never leaves y0 = 2^−6
    /// although the exact increments over the run add up to only
    /// y0·1 = 8 spacings — too few to call an SR plateau stagnation.
    @Test func deterministicPlateauIsStagnation() throws {
        let m = try runCell("euler-decay", .e4m3, .nearestEven, ["setup": "1", "steps": "1000"])
        #expect(m.series("stagnated")[1000] == 1)
        #expect(abs(m.series("error")[1000]! - (M_E - 1)) < 1e-12)
    }

    /// Set-up 2 stays well-defined and the binary64 cell equals its reference.
    @Test func binary64CellMatchesItsReference() throws {
        let m = try runCell("euler-decay", .fp64, .nearestEven, ["setup": "2", "steps": "10,100"])
        #expect(m.series("error_vs_binary64") == [10: 0, 100: 0])
        #expect(m.series("stagnated") == [10: 0, 100: 0])
        // Euler error ≈ t·y(t)/(2τ²)·h relative to y(t): t/(2τ²)·h = 2^−6/800·h.
        let e = try #require(m.series("error")[100])
        #expect(abs(e / (0x1p-6 / 800 * 0x1p-6 / 100) - 1) < 0.01)
    }

    @Test func rejectsAnUnknownSetup() throws {
        #expect(throws: (any Error).self) { try runCell("euler-decay", .fp16, .nearestEven, ["setup": "3"]) }
    }
}
