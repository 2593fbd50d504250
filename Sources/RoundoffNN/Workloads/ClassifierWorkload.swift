import Roundoff
import RoundoffWorkloads

/// What the digits workloads share: the data split, the network and the
/// metrics of one training run per policy, compared with binary64
/// training from the same initial weights and batch order.
///
/// **Metrics**, suffixed `_POLICY` (and `_CONSTANTS` for Adam variants):
/// `train_loss` and `test_accuracy` vs epoch; `final_test_accuracy`;
/// `accuracy_gap` (binary64's final test accuracy minus this run's);
/// `gradient_underflow` (fraction of nonzero weight gradients that rounded to
/// zero in the gradients role); `error_underflow` (fraction of nonzero
/// loss gradients at the logits that rounded to zero in the errors role —
/// what loss scaling prevents); `lost_updates` (fraction of nonzero steps
/// that left the stored weight unchanged); `skipped_steps`;
/// `final_loss_scale`; `diverged`.
struct ClassifierStudy {
    var training: ClassifierTraining
    var testFraction: Double
    var splitSeed: UInt64

    static let sharedParameters: [WorkloadParameter] = [
        WorkloadParameter("epochs", default: "30", "passes over the training set"),
        WorkloadParameter("batch", default: "16", "examples per minibatch"),
        WorkloadParameter("hidden", default: "32", "hidden-layer widths, '-' separated (64-H-10); 0 for none"),
        WorkloadParameter("activation", default: "relu", "hidden activation: relu or tanh"),
        WorkloadParameter("test_fraction", default: "0.25", "fraction of each class held out for testing"),
        WorkloadParameter("split_seed", default: "1", "seed of the train/test split"),
        WorkloadParameter("data_seed", default: "1", "seed of the initial weights and the batch order (the same in every cell)"),
    ]

    init(_ values: ParameterValues, optimizer: @escaping @Sendable () -> any Optimizer) throws {
        let hidden = values.string("hidden")
        var widths = [64]
        if hidden != "0" {
            for part in hidden.split(separator: "-") {
                guard let w = Int(part), (1...4096).contains(w) else {
                    throw ParameterError("parameter hidden=\(hidden): '\(part)' is not a width in 1…4096; accepted: e.g. 32, 64-32, or 0")
                }
                widths.append(w)
            }
        }
        widths.append(10)
        guard let activation = Activation(rawValue: values.string("activation")), activation != .identity else {
            throw ParameterError("parameter activation=\(values.string("activation")) is not accepted; accepted: relu, tanh")
        }
        training = ClassifierTraining(widths: widths, hidden: activation, batchSize: try values.int("batch", in: 1...100_000),
                                      epochs: try values.int("epochs", in: 1...10_000),
                                      dataSeed: UInt64(try values.int("data_seed", in: 0...Int.max)), optimizer: optimizer)
        testFraction = try values.double("test_fraction", in: 0.01...0.99)
        splitSeed = UInt64(try values.int("split_seed", in: 0...Int.max))
    }

    func split() throws -> DatasetSplit {
        DatasetSplit(try LabelledDataset.digits(), testFraction: testFraction, seed: splitSeed)
    }

    /// Binary64 training: no rounding anywhere.
    func reference() throws -> ClassifierTraining.Outcome {
        let exact = PrecisionPolicy(name: "binary64").resolved(format: .fp64, mode: .nearestEven)
        return training.run(try split(), policy: exact, seed: 0)
    }

    func metrics(_ out: ClassifierTraining.Outcome, reference: ClassifierTraining.Outcome, suffix: String) -> [Metric] {
        var m: [Metric] = []
        for (e, l) in out.trainLoss.enumerated() { m.append(Metric("train_loss" + suffix, l, x: Double(e + 1))) }
        for (e, a) in out.testAccuracy.enumerated() { m.append(Metric("test_accuracy" + suffix, a, x: Double(e + 1))) }
        let final = out.testAccuracy.last ?? .nan
        m.append(Metric("final_test_accuracy" + suffix, final))
        m.append(Metric("accuracy_gap" + suffix, (reference.testAccuracy.last ?? .nan) - final))
        m.append(Metric("gradient_underflow" + suffix, out.statistics.gradientUnderflowFraction))
        m.append(Metric("error_underflow" + suffix, out.statistics.errorUnderflowFraction))
        m.append(Metric("lost_updates" + suffix, out.statistics.lostUpdateFraction))
        m.append(Metric("skipped_steps" + suffix, Double(out.skippedSteps)))
        m.append(Metric("final_loss_scale" + suffix, out.finalLossScale))
        var d = Metric.diverged(out.trainLoss)
        d.name += suffix
        m.append(d)
        return m
    }
}
