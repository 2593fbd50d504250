import RealModule
import Roundoff

/// ode_demo's training loss, the mean absolute error
/// `L = (1/C)·Σ_b Σ_{i<W} Σ_d |ŷ_{b,i,d} − y_{s_b+i,d}|` over a batch of
/// `B` windows of `W` grid points (the first point of each window is its
/// start, so its error is 0 but it counts), with `C = 2·B·W`.
///
/// The absolute differences are formed in `Scalar` (prediction and data
/// both stored there) and summed in `Accumulator`. The derivative used by
/// the gradients is `∂L/∂ŷ = sign(ŷ − y)/C` with `sign(0) = 0` (PyTorch's
/// subgradient of `abs`), seeded times the loss scale `S`:
/// ``seed(scale:)`` = `fl_S(S/C)` computed in binary64 and rounded once.
@frozen
public struct L1WindowLoss<Scalar: RealScalar, Accumulator: RealScalar>: Sendable {
    /// `C = 2·batch·window`.
    public let count: Int

    /// The loss of `batch` windows of `window` points.
    @inlinable
    public init(batch: Int, window: Int) { count = 2 * batch * window }

    /// `|ŷ − y|` summed over both components, added to `sum` in `Accumulator`.
    @inlinable @inline(__always)
    public func accumulate(_ prediction: Vector2<Scalar>, _ target: Vector2<Scalar>, into sum: inout Accumulator) {
        sum = sum + Accumulator(convertingFrom: abs(prediction.x - target.x))
        sum = sum + Accumulator(convertingFrom: abs(prediction.y - target.y))
    }

    /// `fl_S(S/C)`, the magnitude of the scaled loss derivative.
    @inlinable
    public func seed(scale: Double) -> Scalar { Scalar(scale / Double(count)) }

    /// The scaled cotangent `seed·sign(ŷ − y)` per component.
    @inlinable @inline(__always)
    public func cotangent(_ prediction: Vector2<Scalar>, _ target: Vector2<Scalar>, seed: Scalar) -> Vector2<Scalar> {
        @inline(__always) func signed(_ d: Scalar) -> Scalar { d > 0 ? seed : (d < 0 ? -seed : .zero) }
        return Vector2(signed(prediction.x - target.x), signed(prediction.y - target.y))
    }

    /// The mean `sum/C` in binary64.
    @inlinable public func mean(_ sum: Accumulator) -> Double { sum.doubleValue / Double(count) }
}
