import Roundoff

/// Forward Euler on the decay equation `y′ = −y/τ`, entirely in the scalar
/// type `T`:
///
///     y_{k+1} = y_k + h·(−y_k / τ)
///
/// with three rounded operations per step (the quotient, the product with
/// `h`, the sum); `y0`, `τ` and `h` are rounded into `T` once, at
/// initialisation. The quotient is a division rather than a product with a
/// rounded `1/τ` so that `τ = 1` adds no error.
///
/// With round-to-nearest `y` stops changing once the increment `h·y/τ`
/// falls below half the spacing of `y`; stochastic rounding keeps the
/// expected step exact (Croci, Fasi, Higham, Mary & Mikaitis, R. Soc.
/// Open Sci. 2022, whose set-ups are `y′ = −y, y0 = 2^−6, t ∈ [0, 1]` and
/// `y′ = −y/20, y0 = 1, t ∈ [0, 2^−6]`).
@frozen
public struct ExponentialDecay<T: RealScalar> {
    /// The current value `y_k`.
    public var y: T
    /// The time constant `τ` (rounded into `T`).
    public let tau: T
    /// The step `h` (rounded into `T`).
    public let h: T
    /// The number `k` of steps taken.
    public var steps: Int
    /// The last step `k` at which `y_k ≠ y_{k−1}`; 0 if `y` never changed.
    public var lastChange: Int

    /// The problem `y′ = −y/τ`, `y(0) = y0`, to be stepped with step `h`.
    @inlinable
    public init(y0: Double, tau: Double, h: Double) {
        y = T(y0)
        self.tau = T(tau)
        self.h = T(h)
        steps = 0
        lastChange = 0
    }

    /// One forward Euler step.
    @inlinable @inline(__always)
    public mutating func step() {
        let next = y + h * (-y / tau)
        steps += 1
        if next != y { lastChange = steps }
        y = next
    }

    /// Takes `count` steps.
    @inlinable
    public mutating func run(steps count: Int) {
        for _ in 0..<count { step() }
    }
}
