import RealModule
import Roundoff

/// The Lorenz (1996) system `dXₖ/dt = (Xₖ₊₁ − Xₖ₋₂)·Xₖ₋₁ − Xₖ + F`,
/// `k = 1…n` with periodic indices, integrated with the classical
/// fourth-order Runge–Kutta scheme in **mixed precision**: the prognostic
/// state is stored in `State`, the tendencies and all Runge–Kutta stage
/// arithmetic are computed in `Tendency`.
///
/// Defaults follow Klöwer's Lorenz96.jl: `n = 36`, `F = 8`, `Δt = 0.1`
/// (0.01–0.05 is common elsewhere), start `X = F` with `X₁ += 0.01`
/// (see `studies.md`; Klöwer et al., Sci. Rep. 2023).
///
/// Where the algorithm crosses between the two types, exactly (each
/// conversion goes through binary64, which is exact for every
/// `RealScalar`, so it is a single rounding into the target type):
/// 1. At the start of each step the state is converted once into
///    `Tendency`: `Y = Tendency(X)`.
/// 2. The stages `k₁ = f(Y)`, `k₂ = f(Y + Δt/2·k₁)`, `k₃ = f(Y + Δt/2·k₂)`,
///    `k₄ = f(Y + Δt·k₃)` and the increment
///    `δ = Δt/6·(k₁ + 2k₂ + 2k₃ + k₄)` are computed in `Tendency`.
/// 3. The increment is converted into `State` and added there:
///    `X ← X + State(δ)` (one rounding of the conversion, one of the sum).
/// With `State == Tendency` the conversions are exact and this is plain
/// RK4 in one type.
///
/// `F`, `Δt`, `Δt/2` and `Δt/6` are rounded into `Tendency` once.
@frozen
public struct Lorenz96<State: RealScalar, Tendency: RealScalar> {
    /// The prognostic variables `X₁…Xₙ` (index 0 is `X₁`).
    public var x: [State]
    /// The forcing `F` and the step `Δt`, in the tendency type.
    public let forcing: Tendency, dt: Tendency
    /// `Δt/2` and `Δt/6` (each rounded from `Δt` in `Tendency`).
    @usableFromInline let half: Tendency, sixth: Tendency
    /// Work arrays for the stages, reused between steps.
    @usableFromInline var y: [Tendency], stage: [Tendency], k: [Tendency], sum: [Tendency]

    /// A system of `n ≥ 4` variables starting at `X = F` with
    /// `X₁ += perturbation` (computed in binary64, then rounded into `State`).
    @inlinable
    public init(n: Int = 36, forcing: Double = 8, dt: Double = 0.1, perturbation: Double = 0.01) {
        precondition(n >= 4, "Lorenz-96 needs n ≥ 4 variables")
        var start = [Double](repeating: forcing, count: n)
        start[0] += perturbation
        self.init(start: start, forcing: forcing, dt: dt)
    }

    /// A system starting at `start` (binary64 values rounded into `State`).
    @inlinable
    public init(start: [Double], forcing: Double = 8, dt: Double = 0.1) {
        precondition(start.count >= 4, "Lorenz-96 needs n ≥ 4 variables")
        x = start.map { State($0) }
        self.forcing = Tendency(forcing)
        self.dt = Tendency(dt)
        half = self.dt / 2
        sixth = self.dt / 6
        let zeros = [Tendency](repeating: 0, count: start.count)
        y = zeros; stage = zeros; k = zeros; sum = zeros
    }

    /// The number of variables `n`.
    @inlinable public var n: Int { x.count }

    /// Writes `f(v)` into `out`: `outₖ = (vₖ₊₁ − vₖ₋₂)·vₖ₋₁ − vₖ + F`,
    /// evaluated in that order in `Tendency`.
    @inlinable
    public func tendency(_ v: [Tendency], into out: inout [Tendency]) {
        let n = v.count
        for i in 0..<n {
            let ip1 = i + 1 == n ? 0 : i + 1
            let im1 = i == 0 ? n - 1 : i - 1
            let im2 = i >= 2 ? i - 2 : i + n - 2
            out[i] = (v[ip1] - v[im2]) * v[im1] - v[i] + forcing
        }
    }

    /// Advances one RK4 step of length `Δt` (see the type's description
    /// for where the types cross).
    @inlinable
    public mutating func step() {
        let n = x.count
        for i in 0..<n { y[i] = Tendency(x[i].doubleValue) }
        // k₁
        tendency(y, into: &k)
        for i in 0..<n { sum[i] = k[i]; stage[i] = y[i] + half * k[i] }
        // k₂
        tendency(stage, into: &k)
        for i in 0..<n { sum[i] = sum[i] + 2 * k[i]; stage[i] = y[i] + half * k[i] }
        // k₃
        tendency(stage, into: &k)
        for i in 0..<n { sum[i] = sum[i] + 2 * k[i]; stage[i] = y[i] + dt * k[i] }
        // k₄
        tendency(stage, into: &k)
        for i in 0..<n {
            let delta = sixth * (sum[i] + k[i])
            x[i] = x[i] + State(delta.doubleValue)
        }
    }

    /// Advances `steps` RK4 steps.
    @inlinable
    public mutating func run(steps: Int) {
        for _ in 0..<steps { step() }
    }

    /// The state as binary64 (exact).
    @inlinable
    public var state: [Double] { x.map(\.doubleValue) }
}
