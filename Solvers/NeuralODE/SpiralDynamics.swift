import RealModule
import Roundoff

/// The true dynamics of the neural-ODE spiral demo (Chen et al. 2018,
/// torchdiffeq `examples/ode_demo.py`): `dy/dt = y³·A` for the row vector
/// `y = (y₁, y₂)` with the cube taken elementwise and
/// `A = [[−0.1, 2], [−2, −0.1]]`, so
///
///     dy₁/dt = −0.1·y₁³ − 2·y₂³,   dy₂/dt = 2·y₁³ − 0.1·y₂³,
///
/// from `y(0) = (2, 0)` on `t ∈ [0, 25]` sampled at 1000 equally spaced
/// points. ode_demo integrates it with dopri5 (rtol 1e−7, atol 1e−9);
/// here the data come from classical RK4 with many substeps per sample
/// interval (``trajectory(_:points:end:start:substeps:)``), whose error at
/// 100 substeps is far below any precision studied except binary64's
/// own rounding.
public enum SpiralDynamics {
    /// `A = [[a11, a12], [a21, a22]]` of ode_demo.
    public static let a11 = -0.1, a12 = 2.0, a21 = -2.0, a22 = -0.1

    /// ode_demo's start `y(0) = (2, 0)`.
    public static let start = Vector2<Double>(2, 0)

    /// `y³·A`, evaluated as `c₁ = y₁·y₁·y₁`, `c₂ = y₂·y₂·y₂`,
    /// `(c₁·a11 + c₂·a21, c₁·a12 + c₂·a22)`, each operation rounded in `T`.
    @inlinable
    public static func velocity<T: RealScalar>(_ v: Vector2<T>) -> Vector2<T> {
        let c1 = v.x * v.x * v.x, c2 = v.y * v.y * v.y
        return Vector2(c1 * T(a11) + c2 * T(a21), c1 * T(a12) + c2 * T(a22))
    }

    /// One classical RK4 step of length `h` in `T`:
    /// `y + h/6·(k₁ + 2k₂ + 2k₃ + k₄)` with `k₁ = f(y)`,
    /// `k₂ = f(y + h/2·k₁)`, `k₃ = f(y + h/2·k₂)`, `k₄ = f(y + h·k₃)`.
    /// The local error is `O(h⁵)`, the global error over a fixed interval `O(h⁴)`.
    @inlinable
    public static func rk4Step<T: RealScalar>(_ v: Vector2<T>, step h: T) -> Vector2<T> {
        let half = h / 2, sixth = h / 6
        let k1 = velocity(v)
        let k2 = velocity(Vector2.axpy(v, half, k1))
        let k3 = velocity(Vector2.axpy(v, half, k2))
        let k4 = velocity(Vector2.axpy(v, h, k3))
        return Vector2(v.x + sixth * (k1.x + 2 * k2.x + 2 * k3.x + k4.x),
                       v.y + sixth * (k1.y + 2 * k2.y + 2 * k3.y + k4.y))
    }

    /// The solution at `tᵢ = i·end/(points − 1)`, `i = 0…points−1`, from
    /// `start`, by `substeps` RK4 steps of `end/((points − 1)·substeps)` per
    /// interval, in `T`. Element 0 is `start` rounded into `T`.
    @inlinable
    public static func trajectory<T: RealScalar>(
        _: T.Type = Double.self, points: Int = 1000, end: Double = 25, start: Vector2<Double> = start, substeps: Int = 100
    ) -> [Vector2<T>] {
        precondition(points >= 2 && substeps >= 1, "SpiralDynamics.trajectory: needs points ≥ 2 and substeps ≥ 1")
        let h = T(end / Double(points - 1) / Double(substeps))
        var v = Vector2<T>(rounding: start)
        var out = [v]
        out.reserveCapacity(points)
        for _ in 1..<points {
            for _ in 0..<substeps { v = rk4Step(v, step: h) }
            out.append(v)
        }
        return out
    }
}
