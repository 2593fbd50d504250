import Roundoff
import RoundoffWorkloads
import Testing
@testable import RoundoffNN

@Suite("Training workloads")
struct NNWorkloadTests {
    @Test func everyWorkloadIsRegisteredWithItsName() {
        #expect(NNWorkloads.all.map(\.name) == ["digits-mlp", "digits-adam", "convex-stall", "digits-mx"])
    }

    @Test func badParametersNameTheValueAndTheAcceptedOnes() throws {
        let w = DigitsMLPWorkload()
        func message(_ overrides: [String: String]) -> String {
            do {
                let values = try ParameterValues(w.parameters, overrides: overrides)
                _ = try w.reference(values)
                return ""
            } catch { return "\(error)" }
        }
        #expect(message(["policies": "pure,fancy"]).contains("fancy") && message(["policies": "pure,fancy"]).contains("mixed"))
        #expect(message(["policies": "pure,pure"]).contains("two policies"))
        #expect(message(["activation": "gelu"]).contains("relu, tanh"))
        #expect(message(["hidden": "32-x"]).contains("'x'"))
        let adam = DigitsAdamWorkload()
        let values = try ParameterValues(adam.parameters, overrides: ["constants": "sloppy"])
        #expect(throws: ParameterError.self) { try adam.reference(values) }
    }

    @Test func aShortDigitsRunReportsEveryMetricPerPolicy() throws {
        let w = DigitsMLPWorkload()
        let values = try ParameterValues(w.parameters, overrides: ["epochs": "1", "hidden": "8", "test_fraction": "0.8",
                                                                   "policies": "pure,mixed"])
        let reference = try w.reference(values)
        let metrics = try w.run(Precision(format: .bf16, mode: .nearestEven), parameters: values, reference: reference)
        for policy in ["pure", "mixed"] {
            for name in ["train_loss", "test_accuracy", "final_test_accuracy", "accuracy_gap", "gradient_underflow",
                         "error_underflow", "lost_updates", "skipped_steps", "final_loss_scale", "diverged"] {
                #expect(metrics.contains { $0.name == "\(name)_\(policy)" }, "missing \(name)_\(policy)")
            }
        }
        let scale = metrics.first { $0.name == "final_loss_scale_mixed" }!.value
        #expect(scale == 32768)
    }
}
