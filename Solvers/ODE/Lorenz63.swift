import RealModule
import Roundoff

/// The Lorenz (1963) system `ẋ = σ(y − x)`, `ẏ = x(ρ − z/s) − y`,
/// `ż = xy/s − βz`, integrated with the classical fourth-order Runge–Kutta
/// scheme, entirely in the scalar type `T`.
///
/// `s` rescales the variables (`x = s·X` for the unscaled `X`) to move them
/// into a format's best range, as in Klöwer's Lorenz63.jl; `s = 1` is the
/// textbook system. Defaults are Lorenz's σ = 10, ρ = 28, β = 8/3 with
/// Δt = 0.002 (Paxton et al. 2022).
@frozen
public struct Lorenz63<T: RealScalar> {
    /// The state `(x, y, z)`.
    public var x: T, y: T, z: T
    /// σ, ρ, β, the scale `s` and the step Δt, each rounded into `T` once.
    public let sigma: T, rho: T, beta: T, scale: T, dt: T

    /// A system at the start `(x, y, z)` (given unscaled; multiplied by `scale`).
    @inlinable
    public init(
        x: Double = 5, y: Double = 5, z: Double = 20,
        sigma: Double = 10, rho: Double = 28, beta: Double = 8.0 / 3.0,
        scale: Double = 1, dt: Double = 0.002
    ) {
        let s = T(scale)
        self.x = T(x) * s; self.y = T(y) * s; self.z = T(z) * s
        self.sigma = T(sigma); self.rho = T(rho); self.beta = T(beta); self.scale = s; self.dt = T(dt)
    }

    /// The tendency at `(x, y, z)`.
    @inlinable @inline(__always)
    public func tendency(_ x: T, _ y: T, _ z: T) -> (T, T, T) {
        (sigma * (y - x), x * (rho - z / scale) - y, x * y / scale - beta * z)
    }

    /// Advances one RK4 step of length `dt`.
    @inlinable
    public mutating func step() {
        let h = dt, half = dt / 2
        let k1 = tendency(x, y, z)
        let k2 = tendency(x + half * k1.0, y + half * k1.1, z + half * k1.2)
        let k3 = tendency(x + half * k2.0, y + half * k2.1, z + half * k2.2)
        let k4 = tendency(x + h * k3.0, y + h * k3.1, z + h * k3.2)
        let sixth = h / 6
        x += sixth * (k1.0 + 2 * k2.0 + 2 * k3.0 + k4.0)
        y += sixth * (k1.1 + 2 * k2.1 + 2 * k3.1 + k4.1)
        z += sixth * (k1.2 + 2 * k2.2 + 2 * k3.2 + k4.2)
    }

    /// Advances `steps` RK4 steps.
    @inlinable
    public mutating func run(steps: Int) {
        for _ in 0..<steps { step() }
    }

    /// The unscaled state as binary64.
    @inlinable
    public var unscaledState: (x: Double, y: Double, z: Double) {
        let s = scale.doubleValue
        return (x.doubleValue / s, y.doubleValue / s, z.doubleValue / s)
    }
}
