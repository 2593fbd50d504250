import Solvers
import Foundation
import Roundoff
import RoundoffReference

/// Full-batch training of L2-regularised logistic regression,
/// `f(w, b) = (1/m) Σ log(1 + exp(−sᵢ(xᵢ·w + b))) + (λ/2)‖w‖²`, a strictly
/// convex problem whose binary64 optimum is known (``optimum(_:)``), so the
/// distance a low-precision run stalls from it is measurable.
public struct LogisticRegressionTraining: Sendable {
    /// λ.
    public var regularization: Double
    /// Steps of (heavy-ball) gradient descent.
    public var steps: Int
    /// The optimizer, made fresh for each run.
    public var optimizer: @Sendable () -> any Optimizer
    /// Steps between recorded gaps.
    public var recordEvery: Int

    /// A set-up.
    public init(regularization: Double, steps: Int, recordEvery: Int, optimizer: @escaping @Sendable () -> any Optimizer) {
        self.regularization = regularization
        self.steps = steps
        self.recordEvery = recordEvery
        self.optimizer = optimizer
    }

    /// What a run measured.
    public struct Outcome: Sendable {
        /// (step, f(w) − f*) at every recorded step, f evaluated in binary64
        /// at the weights the forward pass reads.
        public var gap: [(step: Int, value: Double)] = []
        /// Steps skipped for non-finite gradients (dynamic loss scaling only).
        public var skippedSteps = 0
        /// The loss scale at the end.
        public var finalLossScale = 1.0
        /// Rounding counts.
        public var statistics = RoundingStatistics()
    }

    /// The objective in binary64 at weights `w` (features) and bias `b`.
    public func objective(_ data: LabelledDataset, w: [Double], b: Double) -> Double {
        let n = data.featureCount
        var z = Tensor(rows: data.count, columns: 1)
        for i in 0..<data.count {
            var s = b
            for j in 0..<n { s += data.features[i * n + j] * w[j] }
            z.values[i] = s
        }
        let loss = LogisticLoss.evaluate(logits: z, labels: data.labels, scale: 1).loss
        return loss + regularization / 2 * w.reduce(0) { $0 + $1 * $1 }
    }

    /// The minimiser and minimum by Newton's method in binary64, each
    /// Newton system solved by LAPACK's `dposv`; stops when the step's
    /// largest component is below 1e−15 (at most 100 iterations).
    public func optimum(_ data: LabelledDataset) throws -> (w: [Double], b: Double, value: Double) {
        let n = data.featureCount, m = data.count, d = n + 1
        var theta = [Double](repeating: 0, count: d)  // w, then b
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            for i in 0..<m {
                var z = theta[n]
                for j in 0..<n { z += data.features[i * n + j] * theta[j] }
                let s = data.labels[i] == 1 ? 1.0 : -1.0
                let p = 1 / (1 + exp(s * z))         // σ(−s z)
                let weight = p * (1 - p)
                for j in 0..<d {
                    let xj = j < n ? data.features[i * n + j] : 1
                    gradient[j] -= s * p * xj / Double(m)
                    for k in 0..<d {
                        let xk = k < n ? data.features[i * n + k] : 1
                        hessian[j + k * d] += weight * xj * xk / Double(m)
                    }
                }
            }
            for j in 0..<n {
                gradient[j] += regularization * theta[j]
                hessian[j + j * d] += regularization
            }
            let step = try PositiveDefiniteSolve.dense(hessian, rightHandSide: gradient)
            for j in 0..<d { theta[j] -= step[j] }
            if step.map(\.magnitude).max()! < 1e-15 { break }
        }
        let w = Array(theta[0..<n])
        return (w, theta[n], objective(data, w: w, b: theta[n]))
    }

    /// Trains in `policy` from zero weights; gaps are measured against `optimum`.
    public func run(_ data: LabelledDataset, optimum: Double, policy: ResolvedPolicy, seed: UInt64) -> Outcome {
        let arith = TrainingArithmetic(policy: policy, seed: seed)
        let n = data.featureCount
        let layer = DenseLayer(weight: Parameter(rows: n, columns: 1, values: [Double](repeating: 0, count: n), decays: true),
                               bias: Parameter(rows: 1, columns: 1, values: [0], decays: false), activation: .identity)
        let opt = optimizer()
        var scaler = LossScaler(policy.policy.lossScaling)
        let x = Tensor(rows: data.count, columns: n, values: data.features)
        var outcome = Outcome()
        func record(_ step: Int) {
            // The weights as the forward pass reads them.
            let kept = arith.statistics
            let w = arith.quantized(layer.weight.tensor, .weights, blocks: .alongColumns).values
            let b = arith.quantized(layer.bias.tensor, .weights, blocks: .alongRows).values[0]
            arith.statistics = kept
            outcome.gap.append((step, objective(data, w: w, b: b) - optimum))
        }
        record(0)
        for step in 1...Swift.max(steps, 1) {
            let cache = layer.forward(x, arith)
            let scale = scaler.scale
            var error = LogisticLoss.evaluate(logits: cache.output, labels: data.labels, scale: scale).gradient
            arith.roundOutputErrors(&error.values)
            layer.backward(error, cache: cache, arith, needsInputError: false)
            let finite = layer.parameters.allSatisfy { $0.gradient.allSatisfy(\.isFinite) }
            if scaler.record(finite: finite) {
                opt.beginStep()
                for p in layer.parameters { arith.apply(opt.step(for: p, lossScale: scale, arith), to: p) }
            }
            if step % recordEvery == 0 || step == steps { record(step) }
        }
        outcome.skippedSteps = scaler.skipped
        outcome.finalLossScale = scaler.scale
        outcome.statistics = arith.statistics
        return outcome
    }
}
