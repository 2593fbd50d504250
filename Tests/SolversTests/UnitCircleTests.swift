import Foundation
import Testing
import Roundoff
import Solvers

/// Forward Euler on the unit circle (Fasi & Mikaitis 2021, §VIII-C).
struct UnitCircleTests {
    /// Each exact Euler step multiplies the radius by √(1 + h²), so after N
    /// steps it is (1 + h²)^{N/2}.
    @Test(arguments: [32, 512, 8192])
    func binary64RadiusGrowsAsPredicted(n: Int) {
        let h = 2 * Double.pi / Double(n)
        var orbit = UnitCircleEuler<Double>(h: h)
        orbit.run(steps: n)
        let radius = (orbit.u * orbit.u + orbit.v * orbit.v).squareRoot()
        #expect(abs(radius / pow(1 + h * h, Double(n) / 2) - 1) < 1e-12)
    }

    /// Round-to-nearest collapses. With N = 65536 in binary16,
    /// |h·v| < 2^−12 — half the spacing below u = 1 — for all |v| < 2.5, so u
    /// stays exactly 1, while v falls by h per step until h is below half
    /// its spacing (|v| ≥ 1/4): the orbit stops at (1, v*), a quarter of
    /// the way down, instead of returning to (≈1, 0). The end point is that
    /// of a native `Float16` loop, an oracle independent of Roundoff.
    @Test func binary16NearestStops() throws {
        let n = 65536
        let h = Float16(2 * Double.pi / Double(n))
        var u: Float16 = 1, v: Float16 = 0
        for _ in 0..<n { (u, v) = (u + h * v, v - h * u) }
        #expect(u == 1 && abs(v) >= 0.25 && abs(v) < 0.26)

        var orbit = UnitCircleEuler<Emulated<FP16, RNE>>(h: 2 * Double.pi / Double(n))
        orbit.run(steps: n)
        #expect(orbit.u.value == Double(u) && orbit.v.value == Double(v))

        let m = try runCell("unit-circle", .fp16, .nearestEven, ["n": "\(n)"])
        let expected = (Double(u) * Double(u) + Double(v) * Double(v)).squareRoot()
        #expect(m.series("radius")[Double(n)] == expected)
    }

    /// The same standstill in bfloat16 at N = 8192 (h·|v| < 2^−9 for
    /// |v| < 2.5; v stops once |v| ≥ 1/4), against the integer-rounding oracle.
    @Test func bfloat16NearestStops() {
        let n = 8192
        let h = bf16(2 * Double.pi / Double(n))
        var u = 1.0, v = 0.0
        // Products and sums of 8-bit values are exact in binary64, so one
        // rounding per operation is the bfloat16 operation.
        for _ in 0..<n {
            let du = v == 0 ? 0 : bf16(h * v), dv = bf16(h * u)
            u = bf16(u + du)
            v = v - dv == 0 ? 0 : bf16(v - dv)
        }
        #expect(u == 1 && abs(v) >= 0.25 && abs(v) < 0.27)
        var orbit = UnitCircleEuler<Emulated<BF16, RNE>>(h: 2 * Double.pi / Double(n))
        orbit.run(steps: n)
        #expect(orbit.u.value == u && orbit.v.value == v)
    }

    /// Stochastic rounding tracks the binary64 Euler orbit where
    /// round-to-nearest stops a quarter turn short.
    @Test func binary16StochasticTracksBinary64() throws {
        let params = ["n": "65536"]
        let nearest = try runCell("unit-circle", .fp16, .nearestEven, params).series("position_error")[65536]!
        var errors: [Double] = []
        for seed: UInt64 in 1...3 {
            errors.append(try runCell("unit-circle", .fp16, .stochastic, seed: seed, params).series("position_error")[65536]!)
        }
        #expect(nearest > 0.25)
        #expect(errors.reduce(0, +) / 3 < nearest / 2, "SR \(errors) vs RN \(nearest)")
    }
}
