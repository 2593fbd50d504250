import Roundoff
import Testing
@testable import RoundoffNN

@Suite("Adam's constants in bf16")
struct AdamConstantsTests {
    static func firstStep(_ constants: Adam.Constants, format: FloatFormat) -> [Double] {
        let policy = PrecisionPolicy(name: "p").resolved(format: format, mode: .nearestEven)
        let arith = TrainingArithmetic(policy: policy, seed: 0)
        let p = Parameter(rows: 1, columns: 3, values: [0.5, -0.25, 1], decays: false)
        p.gradient = [0.01, -0.002, 0.3]
        let adam = Adam(learningRate: 1e-3, constants: constants)
        adam.beginStep()
        return adam.step(for: p, lossScale: 1, arith)
    }

    /// bf16(0.999) = 1 (0.999 lies within half an ulp, 2^−9, of 1), so with
    /// rounded constants 1 − β₂ = 0 and 1 − β₂^t = 0: the first step is 0/0.
    /// Rounding 1 − β from binary64 gives Adam's first step, −lr·sign(g).
    @Test func roundedBeta2IsOneInBF16AndTheStepIsNaN() {
        #expect(RoundingKernel(format: .bf16, mode: .nearestEven).round(0.999) == 1)
        let rounded = Self.firstStep(.rounded, format: .bf16)
        #expect(rounded.allSatisfy { $0.isNaN })
        let exact = Self.firstStep(.exact, format: .bf16)
        for (d, g) in zip(exact, [0.01, -0.002, 0.3]) {
            // m̂ = g, v̂ = g² up to bf16 rounding: the step is −lr·g/|g| within a few ulps of bf16.
            #expect(abs(d + 1e-3 * (g > 0 ? 1 : -1)) < 1e-3 * 0x1p-5, "step \(d) for g = \(g)")
        }
        // In fp32, both ways agree with −lr·sign(g) closely.
        for d in Self.firstStep(.rounded, format: .fp32) { #expect(abs(abs(d) - 1e-3) < 1e-3 * 1e-3) }
    }
}
