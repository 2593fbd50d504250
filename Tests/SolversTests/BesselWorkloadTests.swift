import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

@Suite struct BesselWorkloadTests {
    @Test func binary64CellMeetsTheTarget() throws {
        let m = try runCell("bessel", .fp64, .nearestEven)
        #expect(m.scalar("i_log_max_error") <= 1e-13)
        #expect(m.scalar("k_log_max_error") <= 1e-13)
        #expect(m.scalar("i_log_nonfinite_fraction") == 0)
        #expect(m.scalar("i_naive_nonfinite_fraction") > 0.1)
        #expect(m.scalar("vmf_log_max_error_d32768") <= 1e-13)
        #expect(m.scalar("vmf_naive_nonfinite_fraction_d32768") > 0.5)
        #expect(m.series("i_log_error_v10000").count > 40)
        #expect(m.scalar("k_log_max_error_integral") <= 1e-13)
    }

    @Test func bf16CellIsWithinItsPrecisionWhereTheNaivePathFails() throws {
        let m = try runCell("bessel", .bf16, .stochastic, seed: 1,
                            ["orders": "0,10,100,1000", "series_orders": "1000", "vmf_dimensions": "2048"])
        // bf16 u = 2⁻⁸; log f is O(v + x) here, the inputs' rounding is the
        // dominant error (relative u in v and x, times a condition near 1).
        #expect(m.scalar("i_log_median_units") < 4)
        #expect(m.scalar("i_naive_nonfinite_fraction") > m.scalar("i_log_nonfinite_fraction"))
    }

    @Test(arguments: [
        ["function": "j"], ["orders": "7"], ["series_orders": "3"], ["vmf_dimensions": "100"],
        ["x_min": "10", "x_max": "1"], ["x_min": "0"],
    ])
    func badParametersAreRefused(_ overrides: [String: String]) {
        #expect(throws: ParameterError.self) { try runCell("bessel", .fp64, .nearestEven, overrides) }
    }
}
