import Foundation
import Roundoff
import Testing

/// The README's library example, verbatim, and the claims its comments make.
struct ReadmeExampleTests {
    // --- README example (keep in step with README.md) ---
    // Forward Euler for y' = -y on [0, 1], written once for any real type T.
    static func euler<T: RealScalar>(_: T.Type, steps n: Int) -> Double {
        let h = T(1.0 / Double(n))
        var y = T(1)
        for _ in 0..<n { y = y - h * y }
        return y.doubleValue
    }
    // --- end of the example ---

    @Test func exampleClaims() {
        let n = 1 << 14
        let binary64 = Self.euler(Double.self, steps: n)
        // The exact Euler iterate is (1 - h)^n, which is e^-1 to O(h).
        #expect(abs(binary64 - pow(1 - 1 / Double(n), Double(n))) < 1e-13)
        #expect(abs(binary64 - exp(-1)) < 1.2e-5)
        // h·y ≤ 2^-14 is below half an ulp of 1 in bfloat16 (2^-8): every update is lost.
        #expect(Self.euler(Emulated<BF16, RNE>.self, steps: n) == 1)
        // Stochastic rounding keeps the updates on average.
        for seed in 1...5 as ClosedRange<UInt64> {
            let stochastic = RoundingContext.withStream(StochasticStream(seed: seed)) {
                Self.euler(Emulated<BF16, SR>.self, steps: n)
            }
            #expect(abs(stochastic - binary64) < 0.02, "seed \(seed): \(stochastic)")
        }
    }
}
