import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// The module's workload list and the no-crash rule.
struct SolverWorkloadsTests {
    @Test func listsTheSolverWorkloads() {
        #expect(SolverWorkloads.all.map(\.name) == [
            "harmonic", "euler-decay", "unit-circle", "matvec", "lorenz63", "lorenz96", "heat-diffusion",
            "shallow-water", "ir", "givens", "givens-qr", "cg", "sor", "neural-ode", "bessel",
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
            "shallow-water": ["nx": "6", "ny": "3", "lx": "600e3", "dt": "1410", "spin_up_days": "2",
                              "climate_days": "1", "days": "0.2", "output_hours": "2"],
            "harmonic": ["n": "1000", "checkpoints": "5"],
            "euler-decay": ["steps": "10,1000"],
            "unit-circle": ["n": "32,512"],
            "matvec": ["n": "10,100", "rows": "5"],
            "lorenz63": ["window": "2", "climate_time": "2", "spin_up": "0", "scale": "1000"],
            "ir": ["n": "8", "kappa": "1,1e4", "history_kappa": "10", "max_iterations": "5"],
            "givens": ["samples": "200", "rotations": "50"],
            "givens-qr": ["n": "4,8"],
            "cg": ["n": "8", "max_iterations": "100"],
            "sor": ["n": "8", "max_iterations": "100"],
            "neural-ode": ["iterations": "3", "hidden": "4", "batch_size": "2", "batch_time": "3", "test_every": "1"],
            "bessel": ["orders": "0,100", "x_min": "1", "x_max": "100", "series_orders": "0", "vmf_dimensions": "2048"],
        ]
        // Every workload gets a small set-up: defaults can take minutes in a debug build.
        for w in SolverWorkloads.all { #expect(small[w.name] != nil, "no small set-up for \(w.name)") }
        for w in SolverWorkloads.all {
            for mode in [RoundingMode.nearestEven, .stochastic] {
                let m = try runCell(w.name, format, mode, seed: 1, small[w.name] ?? [:])
                #expect(m.contains { $0.name == "diverged" }, "\(w.name)")
            }
        }
    }
}
