import Roundoff

/// Adam (Kingma & Ba 2015) with every operation rounded in the optimizer's
/// precision.
///
/// ``Constants/rounded`` writes the update as printed, with β₁ and β₂
/// rounded into the format: `m ← β₁m + (1 − β₁)g`, `v ← β₂v + (1 − β₂)g²`,
/// bias corrections `1 − β^t` in the format. In bf16, β₂ = 0.999 rounds to
/// 1, so `1 − β₂ = 0`: v never grows, the correction `1 − β₂^t` is 0, and
/// the step is 0/0 — the trap. ``Constants/exact`` rounds `1 − β` and
/// `1 − β^t` from their binary64 values and updates `m ← m + (1 − β₁)(g − m)`,
/// which needs no β itself.
public final class Adam: Optimizer {
    /// How the constants enter the format.
    public enum Constants: String, Sendable, CaseIterable {
        /// β rounded into the format, `1 − β` computed there.
        case rounded
        /// `1 − β` and `1 − β^t` computed in binary64 and rounded once.
        case exact
    }

    /// Learning rate.
    public let learningRate: Double
    /// β₁, β₂.
    public let beta1: Double, beta2: Double
    /// ε.
    public let epsilon: Double
    /// L2 weight decay added to the gradient.
    public let weightDecay: Double
    /// How the constants enter the format.
    public let constants: Constants
    /// Steps taken (t).
    public private(set) var t = 0

    /// Adam with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e−8).
    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0, constants: Constants = .exact) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.constants = constants
    }

    public func beginStep() { t += 1 }

    public func step(for p: Parameter, lossScale: Double, _ arith: TrainingArithmetic) -> [Double] {
        if p.state.isEmpty { p.state = [[Double](repeating: 0, count: p.values.count), [Double](repeating: 0, count: p.values.count)] }
        var delta = [Double](repeating: 0, count: p.values.count)
        var m = p.state[0], v = p.state[1]
        let c = AdamComputation(adam: self, weightDecay: p.decays ? weightDecay : 0, lossScale: lossScale)
        p.gradient.withUnsafeBufferPointer { g in
            p.values.withUnsafeBufferPointer { w in
                m.withUnsafeMutableBufferPointer { mb in
                    v.withUnsafeMutableBufferPointer { vb in
                        delta.withUnsafeMutableBufferPointer { d in
                            arith.run(c.bound(gradient: g, weights: w, m: mb, v: vb, delta: d),
                                      in: arith.elementwisePrecision(.optimizer))
                        }
                    }
                }
            }
        }
        p.state = [m, v]
        return delta
    }
}

struct AdamComputation: ScalarComputation {
    let learningRate, beta1, beta2, epsilon, weightDecay, lossScale: Double
    let t: Int
    let constants: Adam.Constants
    var gradient = UnsafeBufferPointer<Double>(start: nil, count: 0)
    var weights = UnsafeBufferPointer<Double>(start: nil, count: 0)
    var m = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    var v = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    var delta = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)

    init(adam: Adam, weightDecay: Double, lossScale: Double) {
        learningRate = adam.learningRate
        beta1 = adam.beta1
        beta2 = adam.beta2
        epsilon = adam.epsilon
        self.weightDecay = weightDecay
        self.lossScale = lossScale
        t = adam.t
        constants = adam.constants
    }

    func bound(gradient: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>,
               m: UnsafeMutableBufferPointer<Double>, v: UnsafeMutableBufferPointer<Double>,
               delta: UnsafeMutableBufferPointer<Double>) -> AdamComputation {
        var c = self
        c.gradient = gradient
        c.weights = weights
        c.m = m
        c.v = v
        c.delta = delta
        return c
    }

    func run<T: RealScalar>(_: T.Type) {
        let eta = T(learningRate), eps = T(epsilon), lambda = T(weightDecay), inverseScale = T(1 / lossScale)
        let one = T(1)
        let b1 = T(beta1), b2 = T(beta2)
        // Bias corrections 1 − β^t.
        let correction1: T, correction2: T
        let rate1: T, rate2: T
        switch constants {
        case .rounded:
            rate1 = one - b1
            rate2 = one - b2
            correction1 = one - T.pow(b1, t)
            correction2 = one - T.pow(b2, t)
        case .exact:
            rate1 = T(1 - beta1)
            rate2 = T(1 - beta2)
            correction1 = T(1 - Double.pow(beta1, t))
            correction2 = T(1 - Double.pow(beta2, t))
        }
        for i in gradient.indices {
            var g = T(gradient[i]) * inverseScale
            if weightDecay != 0 { g = g + lambda * T(weights[i]) }
            var mi = T(m[i]), vi = T(v[i])
            switch constants {
            case .rounded:
                mi = b1 * mi + rate1 * g
                vi = b2 * vi + rate2 * (g * g)
            case .exact:
                mi = mi + rate1 * (g - mi)
                vi = vi + rate2 * (g * g - vi)
            }
            m[i] = mi.doubleValue
            v[i] = vi.doubleValue
            let step = eta * (mi / correction1) / ((vi / correction2).squareRoot() + eps)
            delta[i] = (-step).doubleValue
        }
    }
}
