import Foundation

/// The physical and numerical set-up of ``ShallowWater``, in SI units and
/// binary64. The defaults are those of Klöwer, Düben & Palmer (JAMES 2020)
/// as implemented in ShallowWaters.jl at the time (see `studies.md`):
///
/// | quantity | default |
/// |---|---|
/// | grid | `nx × ny = 100 × 50` cells, `Lx = 2000 km`, `Δ = Lx/nx = 20 km`, `Ly = ny·Δ` |
/// | boundaries | zonally periodic; no-slip walls at `y = 0` and `y = Ly` |
/// | gravity, depth at rest | `g = 10 m/s²`, `H₀ = 500 m` |
/// | topography | meridional ridge `H = H₀ − 50 m·exp(−(x − Lx/2)²/(300 km)²)` |
/// | Coriolis | β-plane at 45°N, `f = 2Ω sin φ₀ + β(y − Ly/2)`, `β = 2Ω cos φ₀ / R`, `Ω = 2π/86400 s`, `R = 6371 km` |
/// | wind stress | `τ = F₀ cos²(π(y/Ly − ½))`, `F₀ = 0.12 Pa`, forcing `τ/(ρH₀)`, `ρ = 1000 kg/m³` |
/// | bottom drag | quadratic, `−c_D |u| u / h`, `c_D = 10⁻⁵` (`c_D·Δ = 0.2 m`) |
/// | diffusion | biharmonic `−ν∇⁴u`, `ν/Δ³ = 1/60 m/s` (`ν ≈ 1.33·10¹¹ m⁴/s` at 20 km) |
/// | time step | RK4, `Δt = 282 s` (CFL 1 for the gravity-wave speed `√(gH₀)` at 20 km) |
///
/// Two readings of `studies.md` are pinned here: the wind profile is the
/// one that is strongest mid-channel and vanishes at the walls (the
/// `cos²(π(y/Ly − ½))` of ShallowWaters.jl's "channel" wind), and the
/// viscosity is ShallowWaters.jl's constant `ν/Δ³ = 500/30000 m/s`, which
/// gives the `ν ≈ 1.33·10¹¹ m⁴/s` quoted there (`ν/Δ³` is ≈ 0.017 m/s, not 0.16).
public struct ShallowWaterParameters: Hashable, Sendable {
    /// Number of cells in `x` (zonal, periodic) and `y` (meridional, walled).
    public var nx: Int, ny: Int
    /// Zonal domain length `Lx` in m; the grid spacing is `Δ = Lx/nx` in both directions.
    public var lx: Double
    /// Gravitational acceleration in m/s².
    public var gravity: Double
    /// Depth at rest `H₀` in m.
    public var depth: Double
    /// Height (m) and e-folding width (m) of the ridge at `x = Lx/2`.
    public var ridgeHeight: Double, ridgeWidth: Double
    /// Central latitude of the β-plane, in degrees.
    public var latitude: Double
    /// Angular frequency of the Earth's rotation (1/s) and its radius (m).
    public var rotation: Double, earthRadius: Double
    /// Peak wind stress `F₀` in Pa and the water density `ρ` in kg/m³.
    public var windStress: Double, density: Double
    /// Dimensionless quadratic bottom-drag coefficient `c_D`.
    public var drag: Double
    /// Biharmonic viscosity divided by `Δ³`, in m/s.
    public var viscosityOverDelta3: Double
    /// RK4 time step in s.
    public var dt: Double

    /// The paper's set-up at `nx × ny` cells over `Lx = lx`. Other values can be set afterwards.
    public init(nx: Int = 100, ny: Int = 50, lx: Double = 2000e3, dt: Double = 282) {
        self.nx = nx; self.ny = ny; self.lx = lx
        gravity = 10; depth = 500
        ridgeHeight = 50; ridgeWidth = 300e3
        latitude = 45; rotation = 2 * Double.pi / 86400; earthRadius = 6.371e6
        windStress = 0.12; density = 1000
        drag = 1e-5
        viscosityOverDelta3 = 500.0 / 30000.0
        self.dt = dt
    }

    /// The grid spacing `Δ = Lx/nx` in m.
    public var delta: Double { lx / Double(nx) }
    /// The meridional extent `Ly = ny·Δ` in m.
    public var ly: Double { Double(ny) * delta }
    /// The biharmonic viscosity `ν` in m⁴/s.
    public var viscosity: Double { viscosityOverDelta3 * delta * delta * delta }

    /// Depth at rest `H(x)` of cell column `i` (centre `x = (i + ½)Δ`), in m.
    public func depth(column i: Int) -> Double {
        let x = (Double(i) + 0.5) * delta - lx / 2
        return depth - ridgeHeight * exp(-(x * x) / (ridgeWidth * ridgeWidth))
    }

    /// Coriolis parameter `f` at `y` (m), in 1/s.
    public func coriolis(y: Double) -> Double {
        let phi = latitude * Double.pi / 180
        let f0 = 2 * rotation * sin(phi)
        let beta = 2 * rotation * cos(phi) / earthRadius
        return f0 + beta * (y - ly / 2)
    }

    /// Zonal wind forcing `τ(y)/(ρH₀)` at `y` (m), in m/s².
    public func windForcing(y: Double) -> Double {
        let c = cos(Double.pi * (y / ly - 0.5))
        return windStress * c * c / (density * depth)
    }

    /// RK4 steps in `days` model days (rounded to the nearest step).
    public func steps(days: Double) -> Int { Int((days * 86400 / dt).rounded()) }
}
