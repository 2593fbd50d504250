import Roundoff
import RoundoffWorkloads
import SolverWorkloads
import Testing

/// The `shallow-water` workload on a tiny channel (10 × 5 cells of 100 km,
/// a 10-day spin-up, 1-day forecasts): the binary64 cell reproduces its
/// reference exactly, and in fp16 the mixed-precision and compensated
/// variants beat plain fp16 (the published ordering, here on a tiny grid).
@Suite struct ShallowWaterWorkloadTests {
    static let overrides = [
        "nx": "10", "ny": "5", "lx": "1000e3", "dt": "1410",
        "spin_up_days": "10", "climate_days": "5", "days": "1", "output_hours": "6",
        "variants": "standard,compensated,prognostic_fp32",
    ]

    static func run(_ format: FloatFormat, _ mode: RoundingMode) throws -> [String: [Metric]] {
        let workload = ShallowWaterWorkload()
        let values = try ParameterValues(workload.parameters, overrides: overrides)
        let reference = try workload.reference(values)
        let metrics = try workload.run(Precision(format: format, mode: mode, seed: 1), parameters: values, reference: reference)
        return Dictionary(grouping: metrics, by: \.name)
    }

    @Test func binary64CellMatchesItsReference() throws {
        let m = try Self.run(.fp64, .nearestEven)
        #expect(m["eta_error"]?.count == 4)
        #expect(m["eta_error"]!.allSatisfy { $0.value == 0 })
        #expect(m["eta_error_compensated"]!.allSatisfy { $0.value < 1e-12 })
        #expect(abs(m["mass_change"]![0].value) < 1e-14)
        #expect(m["stalled_fraction"]![0].value < 0.05)
        #expect(m["ke_spectrum"]?.count == 5)
        #expect(m["zonal_mean_u"]?.count == 5)
        #expect(m["diverged"]![0].value == 0)
    }

    @Test func mixedAndCompensatedFP16BeatPlainFP16() throws {
        let m = try Self.run(.fp16, .nearestEven)
        let plain = m["eta_error_final"]![0].value
        let mixed = m["eta_error_final_prognostic_fp32"]![0].value
        let compensated = m["eta_error_final_compensated"]![0].value
        #expect(plain > 0)
        #expect(mixed < plain / 2, "fp16 \(plain), fp32 state \(mixed)")
        #expect(compensated < plain / 2, "fp16 \(plain), compensated \(compensated)")
    }

    @Test func rejectsUnknownVariantAndNonPowerOfTwoScale() throws {
        let workload = ShallowWaterWorkload()
        var bad = Self.overrides
        bad["variants"] = "standard,kahan"
        let values = try ParameterValues(workload.parameters, overrides: bad)
        #expect(throws: ParameterError.self) { try workload.reference(values) }
        bad = Self.overrides
        bad["velocity_scale"] = "60"
        #expect(throws: ParameterError.self) { try workload.reference(try ParameterValues(workload.parameters, overrides: bad)) }
    }
}
