import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// The `neural-ode` workload on a small configuration.
struct NeuralODEWorkloadTests {
    static let small = ["iterations": "6", "hidden": "6", "batch_size": "4", "test_every": "3"]

    @Test func binary64CellMatchesReference() throws {
        let m = try runCell("neural-ode", .fp64, .nearestEven, Self.small)
        #expect(m.scalar("trajectory_error_vs_binary64") == 0)
        #expect(m.scalar("trajectory_error") == m.scalar("binary64_trajectory_error"))
        #expect(m.series("loss").count == 2 && m.series("test_loss").keys.sorted() == [0, 3, 6])
        #expect(m.scalar("zero_gradient_fraction") == 0 && m.scalar("diverged") == 0)
    }

    @Test func listsRunEveryVariantWithSuffixes() throws {
        var values = Self.small
        values["gradient"] = "backprop,adjoint"
        values["loss_scale"] = "none,dynamic"
        let m = try runCell("neural-ode", .fp64, .nearestEven, values)
        for suffix in ["_backprop_none", "_backprop_dynamic", "_adjoint_none", "_adjoint_dynamic"] {
            #expect(m.scalar("trajectory_error_vs_binary64" + suffix) == 0, "\(suffix)")
            #expect(m.series("loss" + suffix).count == 2)
        }
        #expect(m.scalar("final_loss_scale_backprop_dynamic") == 32768)
        #expect(m.scalar("trajectory_error_backprop_none") != m.scalar("trajectory_error_adjoint_none"))
    }

    @Test func sameSeedSameBits() throws {
        var values = Self.small
        values["loss_scale"] = "dynamic"
        values["gradient"] = "adjoint"
        let a = try runCell("neural-ode", .bf16, .stochastic, seed: 3, values)
        let b = try runCell("neural-ode", .bf16, .stochastic, seed: 3, values)
        #expect(a.map(\.value.bitPattern) == b.map(\.value.bitPattern))
        let c = try runCell("neural-ode", .bf16, .stochastic, seed: 4, values)
        #expect(a.scalar("trajectory_error") != c.scalar("trajectory_error"))
    }

    @Test func badParametersAreRefused() throws {
        let bad: [(String, String)] = [
            ("gradient", "reverse"), ("accumulation", "fp8"), ("loss_scale", "-2"), ("loss_scale", "big"),
            ("initial_scale", "3000"), ("substeps", "0"), ("batch_size", "995"),
        ]
        for (key, value) in bad {
            var values = Self.small
            values[key] = value
            do {
                _ = try runCell("neural-ode", .fp32, .nearestEven, values)
                Issue.record("\(key)=\(value) was accepted")
            } catch let error as ParameterError {
                #expect(error.description.contains(value), "\(error.description)")
            }
        }
    }
}
