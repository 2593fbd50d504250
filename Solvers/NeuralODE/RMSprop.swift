import RealModule
import Roundoff

/// RMSprop as `torch.optim.RMSprop` (no momentum, not centred, no weight
/// decay): for each parameter `θ` with gradient `g`,
///
///     v ← α·v + (1 − α)·g·g
///     θ ← θ − lr·(g / (√v + ε))
///
/// with PyTorch's defaults `α = 0.99`, `ε = 1e−8` (ode_demo uses
/// `lr = 1e−3`). The parameters are stored in `Scalar`; the running mean
/// `v` of `g²` is an accumulated quantity and is stored in `Accumulator`,
/// and the whole update is computed there (`lr`, `α`, `1 − α`, `ε`
/// computed in binary64 and rounded into `Accumulator` once), the new `θ`
/// rounded once into `Scalar`.
///
/// Note `ε = 1e−8` is below the smallest fp16 subnormal (`2⁻²⁴ ≈ 6e−8`)
/// and rounds to 0 there (to nearest), and `(1 − α)·g²` underflows for
/// `|g| ≲ 2.4e−3`: with an fp16 accumulator a zero `√v` and a nonzero
/// `g` then give an infinite step. Use a larger ``epsilon`` or a wider
/// accumulator.
@frozen
public struct RMSprop<Scalar: RealScalar, Accumulator: RealScalar>: Sendable {
    /// `lr`, `α`, `1 − α`, `ε` in `Accumulator`.
    public let learningRate: Accumulator, alpha: Accumulator, oneMinusAlpha: Accumulator, epsilon: Accumulator
    /// The running mean of `g²` per parameter.
    public var squareAverage: [Accumulator]

    /// An optimiser for `count` parameters with `v = 0`.
    @inlinable
    public init(count: Int, learningRate: Double = 1e-3, alpha: Double = 0.99, epsilon: Double = 1e-8) {
        self.learningRate = Accumulator(learningRate)
        self.alpha = Accumulator(alpha)
        oneMinusAlpha = Accumulator(1 - alpha)
        self.epsilon = Accumulator(epsilon)
        squareAverage = [Accumulator](repeating: .zero, count: count)
    }

    /// One update of `parameters` with `gradient` (both of ``squareAverage``'s count).
    @inlinable
    public mutating func step(_ parameters: inout [Scalar], gradient: [Accumulator]) {
        precondition(parameters.count == squareAverage.count && gradient.count == squareAverage.count,
                     "RMSprop: \(parameters.count) parameters, \(gradient.count) gradients, \(squareAverage.count) averages")
        let lr = learningRate, a = alpha, b = oneMinusAlpha, eps = epsilon
        squareAverage.withUnsafeMutableBufferPointer { v in
            parameters.withUnsafeMutableBufferPointer { p in
                for i in 0..<v.count {
                    let g = gradient[i]
                    let vi = a * v[i] + b * (g * g)
                    v[i] = vi
                    p[i] = Scalar(convertingFrom: Accumulator(convertingFrom: p[i]) - lr * (g / (Accumulator.sqrt(vi) + eps)))
                }
            }
        }
    }
}
