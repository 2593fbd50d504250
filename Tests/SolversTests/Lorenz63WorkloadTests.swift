import Testing
import Roundoff

/// The Lorenz-63 workload (departure and climate distance).
struct Lorenz63WorkloadTests {
    /// Short runs for a debug build.
    static let short = ["window": "25", "climate_time": "20", "spin_up": "5", "distance_points": "50"]

    /// binary64 with round-to-nearest is the reference run itself.
    @Test func binary64NeverDeparts() throws {
        let m = try runCell("lorenz63", .fp64, .nearestEven, Self.short)
        #expect(m.scalar("departure_time") == 25)
        #expect(m.scalar("wasserstein_x") == 0)
        #expect(m.series("distance").count == 50 && m.series("distance").values.allSatisfy { $0 == 0 })
        let floor = m.scalar("wasserstein_noise_floor")
        #expect(floor > 0 && floor.isFinite)
        #expect(m.scalar("diverged") == 0)
    }

    /// Errors grow like δ0·e^{λt} with Lorenz's leading Lyapunov exponent
    /// λ ≈ 0.9, from δ0 ≈ u·|X|: the departure time grows like ln(1/u)/λ,
    /// ≈ 13·ln2/0.9 ≈ 10 time units later for binary32 (u = 2^−24) than
    /// for binary16 (u = 2^−11).
    @Test func lowerPrecisionDepartsSooner() throws {
        let half = try runCell("lorenz63", .fp16, .nearestEven, Self.short).scalar("departure_time")
        let single = try runCell("lorenz63", .fp32, .nearestEven, Self.short).scalar("departure_time")
        #expect(half < single, "binary16 departs at \(half), binary32 at \(single)")
        #expect(half > 0)
    }

    /// E4M3 saturates at 448 (products x·y reach ~600): the cell completes
    /// and reports what happened instead of trapping.
    @Test func saturatingFormatCompletes() throws {
        let m = try runCell("lorenz63", .e4m3, .nearestEven, ["window": "2", "climate_time": "2", "spin_up": "0"])
        #expect(m.scalar("departure_time") <= 2)
        #expect(!m.scalar("wasserstein_x").isNaN || m.scalar("diverged") == 1)
    }
}
