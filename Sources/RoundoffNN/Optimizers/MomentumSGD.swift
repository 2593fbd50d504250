import Roundoff

/// Stochastic gradient descent with heavy-ball momentum, as PyTorch's
/// `SGD(momentum: μ, weight_decay: λ)`: `g = ∇/S + λw`, `v ← μv + g`,
/// `Δ = −η v` (`v = g` when μ = 0), each operation rounded in the
/// optimizer's precision, with η, μ, λ rounded into it.
public final class MomentumSGD: Optimizer {
    /// Learning rate η.
    public let learningRate: Double
    /// Momentum μ (0 for plain gradient descent).
    public let momentum: Double
    /// L2 weight decay λ on decaying parameters.
    public let weightDecay: Double

    /// An optimizer with the given constants.
    public init(learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func beginStep() {}

    public func step(for p: Parameter, lossScale: Double, _ arith: TrainingArithmetic) -> [Double] {
        if momentum != 0 && p.state.isEmpty { p.state = [[Double](repeating: 0, count: p.values.count)] }
        var delta = [Double](repeating: 0, count: p.values.count)
        var velocity = p.state.first ?? []
        p.gradient.withUnsafeBufferPointer { g in
            p.values.withUnsafeBufferPointer { w in
                velocity.withUnsafeMutableBufferPointer { v in
                    delta.withUnsafeMutableBufferPointer { d in
                        arith.run(SGDComputation(learningRate: learningRate, momentum: momentum,
                                                 weightDecay: p.decays ? weightDecay : 0, lossScale: lossScale,
                                                 gradient: g, weights: w, velocity: v, delta: d),
                                  in: arith.elementwisePrecision(.optimizer))
                    }
                }
            }
        }
        if momentum != 0 { p.state[0] = velocity }
        return delta
    }
}

struct SGDComputation: ScalarComputation {
    let learningRate, momentum, weightDecay, lossScale: Double
    let gradient, weights: UnsafeBufferPointer<Double>
    let velocity, delta: UnsafeMutableBufferPointer<Double>

    func run<T: RealScalar>(_: T.Type) {
        let eta = T(learningRate), mu = T(momentum), lambda = T(weightDecay), inverseScale = T(1 / lossScale)
        for i in gradient.indices {
            var g = T(gradient[i]) * inverseScale
            if weightDecay != 0 { g = g + lambda * T(weights[i]) }
            if momentum != 0 {
                let v = mu * T(velocity[i]) + g
                velocity[i] = v.doubleValue
                g = v
            }
            delta[i] = (-eta * g).doubleValue
        }
    }
}
