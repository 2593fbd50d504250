import Roundoff
import RoundoffWorkloads

/// `digits-mlp`: a 64-32-10 ReLU network trained on the UCI 8 × 8 digits by
/// momentum SGD, once per precision policy, against binary64 training.
///
/// The published binary64 baseline is ~97–98.5 % test accuracy. Policies
/// (`policies`, comma-separated) are presets or custom specs, see
/// ``PrecisionPolicy/init(spec:)``; a cell's format and mode fill the
/// policy's `*` parts. Every policy's run starts from the initial weights
/// and batch order of the binary64 reference run.
///
/// **Metrics**, suffixed `_POLICY`: `train_loss` and `test_accuracy` vs
/// epoch; `final_test_accuracy`; `accuracy_gap` (binary64's final test
/// accuracy minus this run's); `gradient_underflow` (fraction of nonzero
/// weight gradients that rounded to zero in the gradients role);
/// `error_underflow` (fraction of nonzero loss gradients at the logits that
/// rounded to zero in the errors role — what loss scaling prevents);
/// `lost_updates` (fraction of nonzero steps that left the stored weight
/// unchanged); `skipped_steps`; `final_loss_scale`; `diverged`.
public struct DigitsMLPWorkload: Workload {
    /// The workload. It holds no state: parameter values arrive with each
    /// call.
    public init() {}
    /// `digits-mlp`.
    public var name: String { "digits-mlp" }
    /// The one line `precision-sweep workloads` prints.
    public var summary: String { "64-32-10 MLP on the UCI digits, momentum SGD, per precision policy vs binary64" }
    /// `policies` (default `pure,pure-sr,pure-kahan,mixed`), `lr` (0.02),
    /// `momentum` (0.9), `weight_decay` (1e−3), and the shared `epochs` (30), `batch` (16), `hidden` (`32`:
    /// hidden widths, `-` separated, `0` for none), `activation` (`relu` or
    /// `tanh`), `test_fraction` (0.25), `split_seed` (1) and `data_seed` (1,
    /// the initial weights and batch order).
    public var parameters: [WorkloadParameter] {
        [WorkloadParameter("policies", default: "pure,pure-sr,pure-kahan,mixed",
                           "precision policies, comma-separated: presets (\(PrecisionPolicy.presetNames.joined(separator: " "))) or KEY=VALUE;… specs"),
         WorkloadParameter("lr", default: "0.02", "learning rate"),
         WorkloadParameter("momentum", default: "0.9", "momentum μ"),
         WorkloadParameter("weight_decay", default: "1e-3", "L2 weight decay λ")] + ClassifierStudy.sharedParameters
    }

    func study(_ values: ParameterValues) throws -> ClassifierStudy {
        let lr = try values.double("lr", in: 1e-8...100), mu = try values.double("momentum", in: 0...0.9999)
        let wd = try values.double("weight_decay", in: 0...10)
        return try ClassifierStudy(values) { MomentumSGD(learningRate: lr, momentum: mu, weightDecay: wd) }
    }

    /// Binary64 training (no rounding anywhere) from the same initial weights
    /// and batch order as every cell. Parses `policies` too, so that a bad
    /// spec fails before any cell runs.
    /// - Throws: `ParameterError` naming a bad parameter value (a bad
    ///   policy spec included) and the accepted ones; ``DatasetError`` when
    ///   the shipped data cannot be read.
    public func reference(_ values: ParameterValues) throws -> ClassifierTraining.Outcome {
        _ = try PolicyList.parse(values.string("policies"))
        return try study(values).reference()
    }

    /// Trains once per policy, its `*` parts set to the cell's format and
    /// mode, stochastic rounding drawing from the cell's seed; returns the
    /// metrics listed in the type's description, suffixed `_POLICY`.
    /// - Throws: as ``reference(_:)``.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: ClassifierTraining.Outcome) throws -> [Metric] {
        let s = try study(values)
        let split = try s.split()
        return try PolicyList.parse(values.string("policies")).flatMap { policy in
            let out = s.training.run(split, policy: policy.resolved(format: precision.format, mode: precision.mode), seed: precision.seed)
            return s.metrics(out, reference: reference, suffix: "_" + policy.name)
        }
    }
}
