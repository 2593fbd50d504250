import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// The `givens` workload's metrics against rounding-error theory.
@Suite struct GivensWorkloadTests {
    /// Over binary16's whole range the LAPACK algorithms never fail and
    /// stay within their first-order bounds (3.10: 6 ulps, 2022: 4.25); the
    /// naive formulas fail whenever `f²` or `g²` overflows, i.e. `|f|` or
    /// `|g|` above 2^8 — with log₂ magnitudes uniform over [−14, 14.98],
    /// each does so with probability ≈ 0.24, so ≈ 42 % of the pairs fail.
    @Test func binary16FullRange() throws {
        let m = try runCell("givens", .fp16, .nearestEven, ["samples": "4000", "rotations": "100"])
        #expect(m.scalar("failure_rate_lapack310") == 0 && m.scalar("failure_rate_plg2022") == 0)
        for part in ["c", "s", "r"] {
            #expect(m.scalar("\(part)_ulp_max_plg2022") <= 4.25 * 1.001, "\(part)")
            #expect(m.scalar("\(part)_ulp_max_lapack310") <= 6 * 1.001, "\(part)")
        }
        let naiveFailures = m.scalar("failure_rate_naive")
        #expect(naiveFailures > 0.37 && naiveFailures < 0.47, "\(naiveFailures)")
        #expect(m.scalar("diverged") == 0)
    }

    /// Binary64 measured against the exact rotation: a few ulps, and
    /// `|c² + s² − 1| ≤ 6u` for the 2022 algorithm in its unscaled range
    /// (`c`, `s` each within `3u` relatively, over a common `d`); the drift of
    /// 5000 exactly applied rotations stays within `10·5000·3u`.
    @Test func binary64UnscaledRange() throws {
        let m = try runCell("givens", .fp64, .nearestEven, ["samples": "4000", "range": "100"])
        #expect(m.scalar("c_ulp_max_plg2022") <= 3.003 && m.scalar("s_ulp_max_plg2022") <= 3.003)
        #expect(m.scalar("r_ulp_max_plg2022") <= 2.002)
        #expect(m.scalar("c_ulp_max_lapack310") <= 4.004 && m.scalar("s_ulp_max_lapack310") <= 4.004)
        #expect(m.scalar("unitarity_max_plg2022") <= 6.01)
        #expect(m.scalar("norm_drift_exact_apply_plg2022") <= 10 * 5000 * 3 * 0x1p-53)
        #expect(m.scalar("failure_rate_naive") == 0)
        // The mean error is well below the bound (errors are not all worst-case).
        #expect(m.scalar("c_ulp_mean_plg2022") < 1)
    }

    @Test func rejectsABadRange() throws {
        #expect(throws: ParameterError.self) { try runCell("givens", .fp16, .nearestEven, ["range": "wide"]) }
        #expect(throws: ParameterError.self) { try runCell("givens", .fp16, .nearestEven, ["range": "-3"]) }
    }
}
