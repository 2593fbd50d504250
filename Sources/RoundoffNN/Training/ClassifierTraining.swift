import Solvers
import Roundoff

/// Minibatch training of a ``MultilayerPerceptron`` classifier on a
/// ``DatasetSplit`` under a precision policy, with everything but the
/// rounding seed fixed: the same initial weights and batch order in every
/// precision, so runs differ only by their arithmetic.
public struct ClassifierTraining: Sendable {
    /// Layer widths, input first (`[64, 32, 10]`).
    public var widths: [Int]
    /// Hidden activation.
    public var hidden: Activation = .relu
    /// Examples per minibatch.
    public var batchSize: Int = 32
    /// Passes over the training set.
    public var epochs: Int = 30
    /// Seed of the initial weights and of the batch order (not of rounding).
    public var dataSeed: UInt64 = 1
    /// The optimizer, made fresh for each run.
    public var optimizer: @Sendable () -> any Optimizer

    /// A training set-up.
    public init(widths: [Int], hidden: Activation = .relu, batchSize: Int = 32, epochs: Int = 30, dataSeed: UInt64 = 1,
                optimizer: @escaping @Sendable () -> any Optimizer) {
        self.widths = widths
        self.hidden = hidden
        self.batchSize = batchSize
        self.epochs = epochs
        self.dataSeed = dataSeed
        self.optimizer = optimizer
    }

    /// What a run measured.
    public struct Outcome: Sendable {
        /// Mean training loss (binary64 cross-entropy of the run's logits) of each epoch.
        public var trainLoss: [Double] = []
        /// Test accuracy after each epoch (inference in the run's precision).
        public var testAccuracy: [Double] = []
        /// The loss scale at the end.
        public var finalLossScale = 1.0
        /// Steps skipped for non-finite gradients (dynamic loss scaling only).
        public var skippedSteps = 0
        /// Steps taken, skipped ones included.
        public var steps = 0
        /// Rounding counts of the training steps (evaluation excluded).
        public var statistics = RoundingStatistics()
    }

    /// Trains in `policy` with stochastic rounding seeded by `seed`.
    public func run(_ data: DatasetSplit, policy: ResolvedPolicy, seed: UInt64) -> Outcome {
        let arith = TrainingArithmetic(policy: policy, seed: seed)
        let model = MultilayerPerceptron(widths: widths, hidden: hidden, stream: StochasticStream(seed: dataSeed, stream: 1))
        for p in model.parameters { arith.initialize(p) }
        let opt = optimizer()
        var scaler = LossScaler(policy.policy.lossScaling)
        let train = Tensor(rows: data.train.count, columns: data.train.featureCount, values: data.train.features)
        let test = Tensor(rows: data.test.count, columns: data.test.featureCount, values: data.test.features)
        let order = StochasticStream(seed: dataSeed, stream: 2)
        var outcome = Outcome()
        for epoch in 0..<epochs {
            let permutation = Self.permutation(data.train.count, stream: order, epoch: epoch)
            var lossSum = 0.0, batches = 0
            var start = 0
            while start < permutation.count {
                let indices = Array(permutation[start ..< Swift.min(start + batchSize, permutation.count)])
                start += batchSize
                let x = train.gatheringRows(indices)
                let labels = indices.map { data.train.labels[$0] }
                let caches = model.forward(x, arith)
                let scale = scaler.scale
                var (loss, error) = SoftmaxCrossEntropy.evaluate(logits: caches.last!.output, labels: labels, scale: scale)
                arith.roundOutputErrors(&error.values)
                model.backward(error, caches: caches, arith)
                lossSum += loss
                batches += 1
                outcome.steps += 1
                let finite = model.parameters.allSatisfy { $0.gradient.allSatisfy(\.isFinite) }
                guard scaler.record(finite: finite) else { continue }
                opt.beginStep()
                for p in model.parameters { arith.apply(opt.step(for: p, lossScale: scale, arith), to: p) }
            }
            outcome.trainLoss.append(lossSum / Double(Swift.max(batches, 1)))
            let kept = arith.statistics
            let logits = model.forward(test, arith).last!.output
            arith.statistics = kept
            let predicted = SoftmaxCrossEntropy.predictions(logits)
            let correct = zip(predicted, data.test.labels).filter { $0 == $1 }.count
            outcome.testAccuracy.append(Double(correct) / Double(data.test.count))
        }
        outcome.finalLossScale = scaler.scale
        outcome.skippedSteps = scaler.skipped
        outcome.statistics = arith.statistics
        return outcome
    }

    /// A seeded permutation of `0 ..< n` for `epoch` (Fisher–Yates on counter-based draws).
    static func permutation(_ n: Int, stream: StochasticStream, epoch: Int) -> [Int] {
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(stream.bits(at: UInt64(epoch) << 32 | UInt64(i)) % UInt64(i + 1))
            p.swapAt(i, j)
        }
        return p
    }
}
