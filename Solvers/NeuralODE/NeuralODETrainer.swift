import RealModule
import Roundoff

/// Seeded mini-batch training of a ``TanhVectorField`` neural ODE on
/// trajectory data (ode_demo's loop), with parameters, state and
/// elementwise arithmetic in `Scalar` and dot products, gradient sums and
/// the optimiser's statistics in `Accumulator`.
///
/// One ``step()`` (iteration `k`, from 0):
/// 1. `B` distinct window starts `s_b ∈ 0..<(points − W)` from
///    ``TrainingDraws/batch(iteration:count:range:)``;
/// 2. the loss of the current parameters and `S` times its gradient, summed
///    over the batch in `Accumulator` by the chosen ``GradientMethod``,
///    with the data (the true trajectory rounded into `Scalar`) as start
///    points and targets;
/// 3. if a component of the scaled gradient is infinite or NaN, the
///    ``LossScaler`` decides whether to skip the step (dynamic scaling);
/// 4. otherwise the gradient is unscaled, `g = G·fl_A(1/S)` in
///    `Accumulator` (exact for a power-of-two `S` unless it underflows),
///    its exactly-zero components are counted, and ``RMSprop`` updates the
///    parameters.
///
/// The draws depend only on the seed, so every precision sees the same
/// initial weights (rounded into `Scalar`) and the same batches.
public struct NeuralODETrainer<Scalar: RealScalar, Accumulator: RealScalar> {
    /// The hyperparameters.
    public let setup: NeuralODETrainingSetup
    /// The model.
    public var field: TanhVectorField<Scalar, Accumulator>
    /// The optimiser.
    public var optimizer: RMSprop<Scalar, Accumulator>
    /// The loss scale and skipped steps.
    public var scaler: LossScaler
    /// The training data: the true trajectory rounded into `Scalar`.
    public let data: [Vector2<Scalar>]
    /// The RK4 integrator of the grid.
    public let integrator: NeuralODERK4<Scalar, Accumulator>
    /// The loss of a batch.
    public let loss: L1WindowLoss<Scalar, Accumulator>
    /// The seeded draws.
    public let draws: TrainingDraws
    /// Iterations done (the state of the run, like the counters below: advanced by ``step()``).
    public var iteration = 0
    /// Gradient components that were exactly zero after unscaling, summed over applied steps.
    public var zeroGradientComponents = 0
    /// Steps applied (not skipped).
    public var appliedSteps = 0
    @usableFromInline var workspace: [Vector2<Scalar>] = []

    /// A run of `setup` on `truth` (the binary64 trajectory at the `points` grid points).
    @inlinable
    public init(setup: NeuralODETrainingSetup, truth: [Vector2<Double>]) {
        precondition(truth.count == setup.points, "NeuralODETrainer: \(truth.count) data points, setup has \(setup.points)")
        precondition(setup.batchTime >= 2 && setup.batchSize >= 1 && setup.points - setup.batchTime >= setup.batchSize,
                     "NeuralODETrainer: needs batchTime ≥ 2 and batchSize ≤ points − batchTime")
        self.setup = setup
        draws = TrainingDraws(seed: setup.seed)
        field = TanhVectorField(hidden: setup.hidden, draws: draws)
        optimizer = RMSprop(count: TanhVectorField<Scalar, Accumulator>.parameterCount(hidden: setup.hidden),
                            learningRate: setup.learningRate, alpha: setup.alpha, epsilon: setup.epsilon)
        scaler = LossScaler(setup.lossScaling)
        data = truth.map { Vector2(rounding: $0) }
        integrator = NeuralODERK4(interval: setup.interval, substeps: setup.substeps)
        loss = L1WindowLoss(batch: setup.batchSize, window: setup.batchTime)
    }

    /// The window starts of iteration `k`.
    @inlinable
    public func batch(_ k: Int) -> [Int] {
        draws.batch(iteration: k, count: setup.batchSize, range: setup.points - setup.batchTime)
    }

    /// The batch loss (binary64 of its `Accumulator` value) of the current
    /// parameters on the windows `starts` and `scale` times its gradient,
    /// by `method`.
    @inlinable
    public mutating func lossAndGradient(starts: [Int], scale: Double,
                                         method: GradientMethod? = nil) -> (loss: Double, gradient: [Accumulator]) {
        var gradient = [Accumulator](repeating: .zero, count: field.parameters.count)
        var sum = Accumulator.zero
        let seed = loss.seed(scale: scale)
        for s in starts {
            switch method ?? setup.gradient {
            case .backprop:
                RK4Backpropagation.accumulate(field: field, integrator: integrator, data: data, start: s,
                                              window: setup.batchTime, loss: loss, seed: seed, lossSum: &sum,
                                              gradient: &gradient, states: &workspace)
            case .adjoint:
                ContinuousAdjoint.accumulate(field: field, integrator: integrator, data: data, start: s,
                                             window: setup.batchTime, loss: loss, seed: seed, lossSum: &sum,
                                             gradient: &gradient, observations: &workspace)
            }
        }
        return (loss.mean(sum), gradient)
    }

    /// One training iteration (see the type's description); returns the
    /// batch loss before the update and whether the update was applied.
    @inlinable @discardableResult
    public mutating func step() -> (loss: Double, applied: Bool) {
        let starts = batch(iteration)
        iteration += 1
        let scale = scaler.scale
        let (value, gradient) = lossAndGradient(starts: starts, scale: scale)
        let finite = gradient.allSatisfy(\.isFinite)
        guard scaler.record(finite: finite) else { return (value, false) }
        var g = gradient
        if scale != 1 {
            let inverse = Accumulator(1 / scale)
            for i in g.indices { g[i] = g[i] * inverse }
        }
        for x in g where x == 0 { zeroGradientComponents += 1 }
        optimizer.step(&field.parameters, gradient: g)
        appliedSteps += 1
        return (value, true)
    }

    /// The model's trajectory from the data's first point over the whole
    /// grid (binary64 values of the `Scalar` states): ode_demo's test run.
    @inlinable
    public func trajectory() -> [Vector2<Double>] {
        integrator.trajectory(field, from: data[0], intervals: setup.points - 1).map(\.doubleValue)
    }

    /// The mean absolute difference `(1/2N)·Σ|uᵢ − vᵢ|` of two trajectories, in binary64.
    @inlinable
    public static func meanAbsoluteDifference(_ u: [Vector2<Double>], _ v: [Vector2<Double>]) -> Double {
        precondition(u.count == v.count, "meanAbsoluteDifference: \(u.count) vs \(v.count) points")
        var s = 0.0
        for i in u.indices { s += abs(u[i].x - v[i].x) + abs(u[i].y - v[i].y) }
        return s / Double(2 * u.count)
    }
}
