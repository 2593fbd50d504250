import Roundoff
import RoundoffWorkloads

/// `digits-mlp`: a 64-32-10 ReLU network trained on the UCI 8 × 8 digits by
/// momentum SGD, once per precision policy, against binary64 training.
///
/// The published binary64 baseline is ~97–98.5 % test accuracy. Policies
/// (`policies`, comma-separated) are presets or custom specs, see
/// ``PrecisionPolicy/init(spec:)``; a cell's format and mode fill the
/// policy's `*` parts. Metrics: see ``ClassifierStudy``.
public struct DigitsMLPWorkload: Workload {
    public init() {}
    public var name: String { "digits-mlp" }
    public var summary: String { "64-32-10 MLP on the UCI digits, momentum SGD, per precision policy vs binary64" }
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

    public func reference(_ values: ParameterValues) throws -> ClassifierTraining.Outcome {
        _ = try PolicyList.parse(values.string("policies"))
        return try study(values).reference()
    }

    public func run(_ precision: Precision, parameters values: ParameterValues, reference: ClassifierTraining.Outcome) throws -> [Metric] {
        let s = try study(values)
        let split = try s.split()
        return try PolicyList.parse(values.string("policies")).flatMap { policy in
            let out = s.training.run(split, policy: policy.resolved(format: precision.format, mode: precision.mode), seed: precision.seed)
            return s.metrics(out, reference: reference, suffix: "_" + policy.name)
        }
    }
}
