import RealModule
import Roundoff

/// The one-dimensional heat equation `∂T/∂t = D ∂²T/∂z²` on a column of
/// levels `z = 0, Δz, …, depth`, integrated with forward Euler and centred
/// second differences, entirely in the scalar type `S`:
///
///     Tᵢ ← Tᵢ + ξ·((Tᵢ₊₁ − 2Tᵢ) + Tᵢ₋₁),   ξ = Δt·D/Δz²,
///
/// evaluated in that order (`2Tᵢ` is exact), with every level updated from
/// the previous time level (Jacobi-style, not in place).
///
/// Boundaries: the top level `T₀` is held at ``topTemperature``; the bottom
/// is either insulated (zero flux, by a mirrored ghost point `T_{m+1} =
/// T_{m−1}`, so `T_m ← T_m + ξ·((T_{m−1} − 2T_m) + T_{m−1})`) or held fixed
/// at its initial value (``BottomBoundary/fixed``).
///
/// Defaults are the soil-column set-up of Paxton et al., J. Climate 2022
/// (after Dawson et al. 2018; see `studies.md`): `D = 7·10⁻⁷ m²/s`,
/// depth 60 m, `Δz = 1 m` (61 levels), `Δt = 1800 s` (so ξ = 1.26·10⁻³),
/// top 280 K, insulated bottom, initial 273.15 K. ξ is computed in binary64
/// and rounded into `S` once. Forward Euler is stable for ξ ≤ 1/2.
@frozen
public struct HeatDiffusion<S: RealScalar> {
    /// The bottom boundary condition.
    public enum BottomBoundary: Sendable, Hashable {
        /// Zero flux: a ghost point mirrors the level above the bottom.
        case insulated
        /// The bottom level keeps its initial temperature.
        case fixed
    }

    /// The temperatures `T₀` (top) … `T_m` (bottom), in K.
    public var temperature: [S]
    /// ξ = Δt·D/Δz², rounded into `S`.
    public let xi: S
    /// The bottom boundary condition.
    public let bottom: BottomBoundary
    /// The number of steps taken.
    public var stepsTaken = 0
    /// The last step (1-based) that changed any level; 0 if none did.
    public var lastChange = 0
    /// Work array for the next time level.
    @usableFromInline var next: [S]

    /// A column with the published defaults; `initial` is the temperature of
    /// every level but the top, which is `top`.
    @inlinable
    public init(
        diffusivity: Double = 7e-7, depth: Double = 60, dz: Double = 1, dt: Double = 1800,
        top: Double = 280, initial: Double = 273.15, bottom: BottomBoundary = .insulated
    ) {
        let levels = Int((depth / dz).rounded()) + 1
        var profile = [Double](repeating: initial, count: levels)
        profile[0] = top
        self.init(profile: profile, xi: dt * diffusivity / (dz * dz), bottom: bottom)
    }

    /// A column starting from `profile` (binary64 values rounded into `S`;
    /// `profile[0]` is the fixed top temperature) with the given ξ.
    @inlinable
    public init(profile: [Double], xi: Double, bottom: BottomBoundary = .insulated) {
        precondition(profile.count >= 3, "the column needs at least 3 levels")
        temperature = profile.map { S($0) }
        next = temperature
        self.xi = S(xi)
        self.bottom = bottom
    }

    /// The fixed top temperature (level 0).
    @inlinable public var topTemperature: S { temperature[0] }

    /// Advances one forward-Euler step.
    @inlinable
    public mutating func step() {
        let m = temperature.count - 1
        var changed = false
        next[0] = temperature[0]
        for i in 1..<m {
            let t = temperature[i]
            let u = t + xi * ((temperature[i + 1] - 2 * t) + temperature[i - 1])
            changed = changed || u != t
            next[i] = u
        }
        switch bottom {
        case .insulated:
            let t = temperature[m], above = temperature[m - 1]
            let u = t + xi * ((above - 2 * t) + above)
            changed = changed || u != t
            next[m] = u
        case .fixed:
            next[m] = temperature[m]
        }
        swap(&temperature, &next)
        stepsTaken += 1
        if changed { lastChange = stepsTaken }
    }

    /// Advances `steps` steps.
    @inlinable
    public mutating func run(steps: Int) {
        for _ in 0..<steps { step() }
    }

    /// The profile as binary64 (exact).
    @inlinable
    public var profile: [Double] { temperature.map(\.doubleValue) }
}
