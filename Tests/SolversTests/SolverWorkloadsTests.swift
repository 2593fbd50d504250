import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// The module's workload list and the no-crash rule.
struct SolverWorkloadsTests {
    @Test func listsTheSolverWorkloads() {
        #expect(SolverWorkloads.all.map(\.name) == [
            "harmonic", "euler-decay", "unit-circle", "matvec", "lorenz63", "lorenz96", "heat-diffusion", "cg", "sor",
        ])
        for w in SolverWorkloads.all {
            #expect(!w.summary.isEmpty)
            #expect(throws: Never.self) { try w.values([:]) }
        }
    }

    /// Overflowing and saturating runs record non-finite values instead of
    /// crashing: every workload in E5M2 (xmax 57344, with ∞) and E2M1.
    @Test(arguments: [FloatFormat.e5m2, .e2m1])
    func tinyFormatsDoNotCrash(format: FloatFormat) throws {
        let small: [String: [String: String]] = [
            "lorenz96": ["steps": "200", "spin_up": "10", "window": "10"],
            "heat-diffusion": ["years": "0.01"],
            "harmonic": ["n": "1000", "checkpoints": "5"],
            "euler-decay": ["steps": "10,1000"],
            "unit-circle": ["n": "32,512"],
            "matvec": ["n": "10,100", "rows": "5"],
            "lorenz63": ["window": "2", "climate_time": "2", "spin_up": "0", "scale": "1000"],
            "cg": ["n": "8", "max_iterations": "100"],
            "sor": ["n": "8", "max_iterations": "100"],
        ]
        for w in SolverWorkloads.all {
            for mode in [RoundingMode.nearestEven, .stochastic] {
                let m = try runCell(w.name, format, mode, seed: 1, small[w.name] ?? [:])
                #expect(m.contains { $0.name == "diverged" }, "\(w.name)")
            }
        }
    }
}
