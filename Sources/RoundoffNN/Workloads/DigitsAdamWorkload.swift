import Roundoff
import RoundoffWorkloads

/// `digits-adam`: the `digits-mlp` network trained by Adam, with Adam's
/// constants entering the optimizer's format two ways (`constants`):
/// `rounded` — β₂ = 0.999 rounded into the format, which in bf16 is 1, so
/// the second moment never moves and the bias correction 1 − β₂^t is 0 (the
/// step is 0/0); `exact` — 1 − β and 1 − β^t rounded from binary64.
///
/// Metrics as ``DigitsMLPWorkload``'s, suffixed `_POLICY_CONSTANTS`.
public struct DigitsAdamWorkload: Workload {
    /// The workload. It holds no state: parameter values arrive with each
    /// call.
    public init() {}
    /// `digits-adam`.
    public var name: String { "digits-adam" }
    /// The one line `precision-sweep workloads` prints.
    public var summary: String { "the digits MLP trained by Adam; shows bf16(0.999) = 1 breaking Adam's second moment" }
    /// `policies` (default `pure,mixed`), `constants` (`rounded,exact`),
    /// `lr` (1e−3), `beta2` (0.999; β₁ = 0.9), `epsilon` (1e−8), and the shared `epochs` (30), `batch` (16), `hidden` (`32`:
    /// hidden widths, `-` separated, `0` for none), `activation` (`relu` or
    /// `tanh`), `test_fraction` (0.25), `split_seed` (1) and `data_seed` (1,
    /// the initial weights and batch order).
    public var parameters: [WorkloadParameter] {
        [WorkloadParameter("policies", default: "pure,mixed",
                           "precision policies, comma-separated: presets (\(PrecisionPolicy.presetNames.joined(separator: " "))) or KEY=VALUE;… specs"),
         WorkloadParameter("constants", default: "rounded,exact", "how β enters the format: rounded, exact (comma-separated)"),
         WorkloadParameter("lr", default: "1e-3", "learning rate"),
         WorkloadParameter("beta2", default: "0.999", "β₂ (β₁ = 0.9)"),
         WorkloadParameter("epsilon", default: "1e-8", "ε")] + ClassifierStudy.sharedParameters
    }

    func constants(_ values: ParameterValues) throws -> [Adam.Constants] {
        let names = values.string("constants").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ParameterError("parameter constants is empty; accepted: rounded, exact") }
        return try names.map { n in
            guard let c = Adam.Constants(rawValue: n) else {
                throw ParameterError("parameter constants: '\(n)' is not accepted; accepted: rounded, exact")
            }
            return c
        }
    }

    func study(_ values: ParameterValues, _ c: Adam.Constants) throws -> ClassifierStudy {
        let lr = try values.double("lr", in: 1e-8...10), b2 = try values.double("beta2", in: 0...0.999999)
        let eps = try values.double("epsilon", in: 0...1)
        return try ClassifierStudy(values) { Adam(learningRate: lr, beta2: b2, epsilon: eps, constants: c) }
    }

    /// Binary64 training by Adam (no rounding anywhere) from the same initial
    /// weights and batch order as every cell. Parses `policies` and
    /// `constants` too, so that bad values fail before any cell runs.
    /// - Throws: `ParameterError` naming a bad parameter value (a bad
    ///   policy spec included) and the accepted ones; ``DatasetError`` when
    ///   the shipped data cannot be read.
    public func reference(_ values: ParameterValues) throws -> ClassifierTraining.Outcome {
        _ = try PolicyList.parse(values.string("policies"))
        _ = try constants(values)
        return try study(values, .exact).reference()
    }

    /// Trains once per (`constants`, policy) pair, the policy's `*` parts set
    /// to the cell's format and mode; returns ``DigitsMLPWorkload``'s metrics
    /// suffixed `_POLICY_CONSTANTS`.
    /// - Throws: as ``reference(_:)``.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: ClassifierTraining.Outcome) throws -> [Metric] {
        var metrics: [Metric] = []
        for c in try constants(values) {
            let s = try study(values, c)
            let split = try s.split()
            for policy in try PolicyList.parse(values.string("policies")) {
                let out = s.training.run(split, policy: policy.resolved(format: precision.format, mode: precision.mode), seed: precision.seed)
                metrics += s.metrics(out, reference: reference, suffix: "_\(policy.name)_\(c.rawValue)")
            }
        }
        return metrics
    }
}
