import Roundoff

/// Forward Euler on the harmonic oscillator `u′ = v`, `v′ = −u`, entirely in
/// the scalar type `T`:
///
///     u_{k+1} = u_k + h·v_k,    v_{k+1} = v_k − h·u_k
///
/// (both updates from the old values; four rounded operations per step).
/// From `(1, 0)` the exact solution is the unit circle; the exact Euler
/// iteration multiplies the radius by `√(1 + h²)` per step, so after `N`
/// steps of `h = 2π/N` it is `(1 + h²)^{N/2}`.
///
/// With round-to-nearest and small `h`, `h·v` is absorbed by `u ≈ 1` and
/// `h·u` eventually by `v`: the orbit degenerates (an octagon for bfloat16
/// at `N = 2^11`, a standstill for larger `N`). Stochastic rounding tracks
/// the binary64 Euler orbit (Fasi & Mikaitis, IEEE TETC 2021, §VIII-C:
/// bfloat16 with `N ∈ {32, 512, 2048, 8192}`, binary16 with
/// `N ∈ {32, 512, 16384, 65536}`).
@frozen
public struct UnitCircleEuler<T: RealScalar> {
    /// The current position.
    public var u: T, v: T
    /// The step `h` (rounded into `T`).
    public let h: T

    /// The orbit from `(u0, v0)` (default `(1, 0)`) with step `h`, all rounded into `T`.
    @inlinable
    public init(h: Double, u0: Double = 1, v0: Double = 0) {
        u = T(u0)
        v = T(v0)
        self.h = T(h)
    }

    /// One forward Euler step.
    @inlinable @inline(__always)
    public mutating func step() {
        let du = h * v
        let dv = h * u
        u = u + du
        v = v - dv
    }

    /// Takes `count` steps.
    @inlinable
    public mutating func run(steps count: Int) {
        for _ in 0..<count { step() }
    }
}
