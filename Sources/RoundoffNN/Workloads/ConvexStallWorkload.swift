import Roundoff
import RoundoffWorkloads

/// `convex-stall`: L2-regularised logistic regression on the breast-cancer
/// data by full-batch heavy-ball gradient descent, per precision policy.
/// The binary64 optimum f* comes from Newton's method with LAPACK's `dposv`.
///
/// Under round to nearest, steps smaller than half an ulp of a weight are
/// lost, so pure bf16 training stalls well above f*; stochastic rounding
/// and compensated (Kahan, Collage) updates keep going (published: ~1e−3
/// against ~1e−6).
///
/// **Metrics** (suffixed `_POLICY`): `gap` (f(w) − f*) vs step, `final_gap`,
/// `lost_updates`, `gradient_underflow`, `error_underflow`, `skipped_steps`, `final_loss_scale`;
/// and, unsuffixed, `reference_gap` (binary64 gradient descent's final gap).
public struct ConvexStallWorkload: Workload {
    /// The workload. It holds no state: parameter values arrive with each
    /// call.
    public init() {}
    /// `convex-stall`.
    public var name: String { "convex-stall" }
    /// The one line `precision-sweep workloads` prints.
    public var summary: String { "logistic regression on breast cancer: low-precision updates stall above the known optimum" }
    /// `policies` (default `pure,pure-sr,pure-kahan,collage,mixed`), `steps`
    /// (3000), `record_every` (25), `lr` (0.05), `momentum` (0.9), `lambda`
    /// (1e−2, also the weight decay of the update), `test_fraction` (0.25; the
    /// objective is the training set's) and `split_seed` (1).
    public var parameters: [WorkloadParameter] {
        [WorkloadParameter("policies", default: "pure,pure-sr,pure-kahan,collage,mixed",
                           "precision policies, comma-separated: presets (\(PrecisionPolicy.presetNames.joined(separator: " "))) or KEY=VALUE;… specs"),
         WorkloadParameter("steps", default: "3000", "full-batch gradient steps"),
         WorkloadParameter("record_every", default: "25", "steps between recorded gaps"),
         WorkloadParameter("lr", default: "0.05", "learning rate"),
         WorkloadParameter("momentum", default: "0.9", "heavy-ball momentum"),
         WorkloadParameter("lambda", default: "1e-2", "L2 regularisation λ"),
         WorkloadParameter("test_fraction", default: "0.25", "fraction held out (the objective is the training set's)"),
         WorkloadParameter("split_seed", default: "1", "seed of the train/test split")]
    }

    /// The training set, the set-up and the optimum.
    public struct Reference: Sendable {
        let data: LabelledDataset
        let optimum: Double
        let binary64: LogisticRegressionTraining.Outcome
    }

    func training(_ values: ParameterValues) throws -> LogisticRegressionTraining {
        let lr = try values.double("lr", in: 1e-8...100), mu = try values.double("momentum", in: 0...0.9999)
        let lambda = try values.double("lambda", in: 1e-12...100)
        return LogisticRegressionTraining(regularization: lambda, steps: try values.int("steps", in: 1...10_000_000),
                                          recordEvery: try values.int("record_every", in: 1...10_000_000)) {
            MomentumSGD(learningRate: lr, momentum: mu, weightDecay: lambda)
        }
    }

    /// The training set, the optimum f* (Newton's method with LAPACK's
    /// `dposv`) and binary64 gradient descent's run. Parses `policies` too, so
    /// that a bad spec fails before any cell runs.
    /// - Throws: `ParameterError` naming a bad parameter value (a bad
    ///   policy spec included) and the accepted ones; ``DatasetError`` when
    ///   the shipped data cannot be read; the error of
    ///   ``LogisticRegressionTraining/optimum(_:)`` when LAPACK fails.
    public func reference(_ values: ParameterValues) throws -> Reference {
        _ = try PolicyList.parse(values.string("policies"))
        let t = try training(values)
        let data = DatasetSplit(try LabelledDataset.breastCancer(), testFraction: try values.double("test_fraction", in: 0.01...0.99),
                                seed: UInt64(try values.int("split_seed", in: 0...Int.max))).train
        let optimum = try t.optimum(data).value
        let exact = PrecisionPolicy(name: "binary64").resolved(format: .fp64, mode: .nearestEven)
        return Reference(data: data, optimum: optimum, binary64: t.run(data, optimum: optimum, policy: exact, seed: 0))
    }

    /// Runs gradient descent once per policy, its `*` parts set to the cell's
    /// format and mode; returns the metrics listed in the type's description.
    /// - Throws: as ``reference(_:)``.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let t = try training(values)
        var m: [Metric] = [Metric("reference_gap", reference.binary64.gap.last?.value ?? .nan)]
        for policy in try PolicyList.parse(values.string("policies")) {
            let out = t.run(reference.data, optimum: reference.optimum,
                            policy: policy.resolved(format: precision.format, mode: precision.mode), seed: precision.seed)
            let suffix = "_" + policy.name
            for g in out.gap where g.step > 0 { m.append(Metric("gap" + suffix, g.value, x: Double(g.step))) }
            m.append(Metric("final_gap" + suffix, out.gap.last?.value ?? .nan))
            m.append(Metric("lost_updates" + suffix, out.statistics.lostUpdateFraction))
            m.append(Metric("gradient_underflow" + suffix, out.statistics.gradientUnderflowFraction))
            m.append(Metric("error_underflow" + suffix, out.statistics.errorUnderflowFraction))
            m.append(Metric("skipped_steps" + suffix, Double(out.skippedSteps)))
            m.append(Metric("final_loss_scale" + suffix, out.finalLossScale))
            var d = Metric.diverged(out.gap.map(\.value))
            d.name += suffix
            m.append(d)
        }
        return m
    }
}
