import Roundoff
import RoundoffWorkloads

/// `digits-mx`: the `digits-mlp` network and optimizer under low-precision
/// matrix-product recipes — fp8 with per-tensor scaling and dynamic loss
/// scaling, OCP MXFP8 / MXFP6 / MXFP4 (blocks of 32, E8M0 scales) and NVFP4
/// (E2M1, blocks of 16, E4M3 scales, fp32 tensor scale), gradients of the
/// fp4 recipes with stochastic rounding. The cell's format and mode set the
/// master weights, optimizer and weight gradients (`*` in the presets).
///
/// Metrics as ``DigitsMLPWorkload``'s, suffixed `_POLICY`.
public struct DigitsMXWorkload: Workload {
    /// The workload. It holds no state: parameter values arrive with each
    /// call.
    public init() {}
    /// `digits-mx`.
    public var name: String { "digits-mx" }
    /// The one line `precision-sweep workloads` prints.
    public var summary: String { "the digits MLP with fp8 / MXFP8 / MXFP6 / MXFP4 / NVFP4 matrix products vs binary64" }
    /// `policies` (default `fp8,mxfp8,mxfp6,mxfp4,nvfp4`), `lr` (0.02),
    /// `momentum` (0.9), `weight_decay` (1e−3), and the shared `epochs` (30), `batch` (16), `hidden` (`32`:
    /// hidden widths, `-` separated, `0` for none), `activation` (`relu` or
    /// `tanh`), `test_fraction` (0.25), `split_seed` (1) and `data_seed` (1,
    /// the initial weights and batch order).
    public var parameters: [WorkloadParameter] {
        [WorkloadParameter("policies", default: "fp8,mxfp8,mxfp6,mxfp4,nvfp4",
                           "precision policies, comma-separated: presets (\(PrecisionPolicy.presetNames.joined(separator: " "))) or KEY=VALUE;… specs"),
         WorkloadParameter("lr", default: "0.02", "learning rate"),
         WorkloadParameter("momentum", default: "0.9", "momentum μ"),
         WorkloadParameter("weight_decay", default: "1e-3", "L2 weight decay λ")] + ClassifierStudy.sharedParameters
    }

    /// ``DigitsMLPWorkload``'s binary64 reference for the same parameters.
    /// - Throws: as ``DigitsMLPWorkload/reference(_:)``.
    public func reference(_ values: ParameterValues) throws -> ClassifierTraining.Outcome {
        try DigitsMLPWorkload().reference(values)
    }

    /// ``DigitsMLPWorkload``'s run for the same parameters: one training per
    /// policy, metrics suffixed `_POLICY`.
    /// - Throws: as ``DigitsMLPWorkload/reference(_:)``.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: ClassifierTraining.Outcome) throws -> [Metric] {
        try DigitsMLPWorkload().run(precision, parameters: values, reference: reference)
    }
}
