import RealModule
import Roundoff

/// The nonlinear shallow-water model of Klöwer, Düben & Palmer (JAMES 2020),
/// a single layer on a zonally periodic β-plane channel, in **mixed
/// precision**: the prognostic `u, v, η` are stored and updated in `State`,
/// every tendency is computed in `Tendency`.
///
///     ∂u/∂t + (u·∇)u + f ẑ×u = −g∇η − c_D|u|u/h − ν∇⁴u + (τ/(ρH₀), 0)
///     ∂η/∂t + ∇·(uh) = 0,   h = η + H
///
/// in the vector-invariant form `∂u/∂t = q·hv − ∂p/∂x + …`,
/// `∂v/∂t = −q·hu − ∂p/∂y + …` with the potential vorticity
/// `q = (f + ζ)/h` and the Bernoulli potential `p = ½|u|² + gη`. Set-up and
/// defaults: ``ShallowWaterParameters``; grid and layout: ``ShallowWaterFields``.
///
/// **Discretisation** (as ShallowWaters.jl): Arakawa C-grid; `h` at `u`,
/// `v` points is the mean of its two neighbours and at vorticity points of
/// its four (two at a wall); `|u|²` at cell centres is the mean of the
/// squares on the four faces; the PV flux `q·hv` and `q·hu` is the
/// energy- and enstrophy-conserving scheme of Arakawa & Hsu (1990) with
/// `τ = 0` (equivalently Arakawa & Lamb 1981): each face velocity is
/// weighted by a triad `(q₁ + q₂ + q₃)/12` of the corner values of its
/// cell (the PV is computed as `q/12`, so a triad is a plain sum of three
/// corners and costs two additions). No-slip walls (a ghost `u = −u` across the wall), no normal flow.
/// Time stepping: classical RK4 for the advective, Coriolis, pressure and
/// wind terms; bottom drag and biharmonic diffusion are then evaluated on
/// the RK4 result and added with one forward-Euler step (ShallowWaters.jl's
/// semi-implicit treatment).
///
/// **Where the types cross** (as ShallowWaters.jl's `Tprog` and `T`):
/// each RK stage converts its state into `Tendency`, the stage tendency
/// `k` and the products `bₛΔt·k`, `aₛΔt·k` are computed in `Tendency`,
/// converted into `State` and added there (the stage state `u + bₛΔt·k`
/// and the running sum `u + Σ aₛΔt·k` are `State` values). Conversions
/// go through binary64 (exact for every `RealScalar`), so each is one
/// rounding. With ``ShallowWaterOptions/compensated`` the increments are
/// summed in `State` apart from `u` and added by Kahan's compensated
/// summation (see the option). ``ShallowWaterOptions/rescaled`` selects
/// the paper's 16-bit formulation.
///
/// Constants (`g`, `f`, the forcing, the RK weights times `Δt`, `c_D`, `ν`)
/// are computed in binary64 and rounded into `Tendency` once. The model
/// holds its arrays in manually allocated memory (it is a reference type,
/// one instance per run); it is not thread-safe, but separate instances
/// may run on separate threads.
public final class ShallowWater<State: RealScalar, Tendency: RealScalar> {
    /// The set-up.
    public let parameters: ShallowWaterParameters
    /// The low-precision arrangement.
    public let options: ShallowWaterOptions
    /// Grid size.
    public let nx: Int, ny: Int
    @usableFromInline var _stepsTaken = 0
    /// RK4 steps taken.
    public var stepsTaken: Int { _stepsTaken }

    @usableFromInline let grid: ShallowWaterGrid
    @usableFromInline let constants: ShallowWaterConstants<Tendency>
    /// Prognostic state, stage state, running RK4 sum (or increment sum when
    /// compensated) and the Kahan compensation, all in `State`.
    @usableFromInline let state: ShallowWaterArrays<State>, stage: ShallowWaterArrays<State>
    @usableFromInline let sum: ShallowWaterArrays<State>, compensation: ShallowWaterArrays<State>
    /// The state converted into `Tendency` and the tendencies.
    @usableFromInline let input: ShallowWaterArrays<Tendency>, tendency: ShallowWaterArrays<Tendency>
    @usableFromInline let work: ShallowWaterWorkspace<Tendency>

    /// A model starting from `start` (binary64, SI units; velocities are
    /// multiplied by the scale and every value is rounded into `State`).
    public init(parameters: ShallowWaterParameters, options: ShallowWaterOptions = .init(),
                start: ShallowWaterFields? = nil) {
        let nx = parameters.nx, ny = parameters.ny
        precondition(nx >= 3 && ny >= 2, "ShallowWater needs at least 3 × 2 cells (got \(nx) × \(ny))")
        let fields = start ?? ShallowWaterFields(restingOn: nx, ny)
        precondition(fields.nx == nx && fields.ny == ny,
                     "ShallowWater: start fields are \(fields.nx) × \(fields.ny), the grid is \(nx) × \(ny)")
        self.parameters = parameters
        self.options = options
        self.nx = nx; self.ny = ny
        grid = ShallowWaterGrid(nx: nx, ny: ny)
        constants = ShallowWaterConstants(parameters: parameters, options: options)
        state = ShallowWaterArrays(nx: nx, ny: ny)
        stage = ShallowWaterArrays(nx: nx, ny: ny)
        sum = ShallowWaterArrays(nx: nx, ny: ny)
        compensation = ShallowWaterArrays(nx: nx, ny: ny)
        input = ShallowWaterArrays(nx: nx, ny: ny)
        tendency = ShallowWaterArrays(nx: nx, ny: ny)
        work = ShallowWaterWorkspace(nx: nx, ny: ny)
        let s = options.scale
        for k in 0..<(nx * ny) {
            state.u[k] = State(fields.u[k] * s)
            state.eta[k] = State(fields.eta[k])
        }
        // Wall rows of v stay zero.
        for k in nx..<(nx * ny) { state.v[k] = State(fields.v[k] * s) }
    }

    /// The current fields in binary64 and SI units (velocities divided by the scale).
    public var fields: ShallowWaterFields {
        let inverse = 1 / options.scale
        var out = ShallowWaterFields(restingOn: nx, ny)
        for k in 0..<(nx * ny) {
            out.u[k] = state.u[k].doubleValue * inverse
            out.eta[k] = state.eta[k].doubleValue
        }
        for k in 0..<(nx * (ny + 1)) { out.v[k] = state.v[k].doubleValue * inverse }
        return out
    }

    /// Whether every prognostic value is finite.
    public var isFinite: Bool {
        for k in 0..<(nx * ny) where !state.u[k].isFinite || !state.eta[k].isFinite { return false }
        for k in 0..<(nx * (ny + 1)) where !state.v[k].isFinite { return false }
        return true
    }

    /// Advances `steps` time steps.
    @inlinable
    public func run(steps: Int) {
        for _ in 0..<steps { step() }
    }

    /// Advances one time step: RK4, then drag and diffusion (see the type).
    @inlinable
    public func step() {
        let c = constants
        let nu = nx * ny, nv = nx * (ny + 1)
        if options.compensated {
            Self.fill(sum.u, nu); Self.fill(sum.v, nv); Self.fill(sum.eta, nu)
        } else {
            Self.copy(state.u, to: sum.u, nu); Self.copy(state.v, to: sum.v, nv); Self.copy(state.eta, to: sum.eta, nu)
        }
        for s in 0..<4 {
            let from = s == 0 ? state : stage
            Self.convert(from.u, to: input.u, nu); Self.convert(from.v, to: input.v, nv)
            Self.convert(from.eta, to: input.eta, nu)
            computeTendencies()
            if s < 3 {
                Self.update(stage.u, base: state.u, weight: c.rkB[s], tendency: tendency.u, range: 0..<nu)
                Self.update(stage.v, base: state.v, weight: c.rkB[s], tendency: tendency.v, range: nx..<(nv - nx))
                Self.update(stage.eta, base: state.eta, weight: c.rkB[s], tendency: tendency.eta, range: 0..<nu)
            }
            Self.update(sum.u, base: sum.u, weight: c.rkA[s], tendency: tendency.u, range: 0..<nu)
            Self.update(sum.v, base: sum.v, weight: c.rkA[s], tendency: tendency.v, range: nx..<(nv - nx))
            Self.update(sum.eta, base: sum.eta, weight: c.rkA[s], tendency: tendency.eta, range: 0..<nu)
        }
        // Drag and diffusion from the RK4 result `u + Σ` (the stage arrays hold it).
        if options.compensated {
            Self.add(state.u, sum.u, into: stage.u, 0..<nu); Self.add(state.v, sum.v, into: stage.v, nx..<(nv - nx))
            Self.convert(stage.u, to: input.u, nu); Self.convert(stage.v, to: input.v, nv)
            Self.add(state.eta, sum.eta, into: stage.eta, 0..<nu)
            Self.convert(stage.eta, to: input.eta, nu)
        } else {
            Self.convert(sum.u, to: input.u, nu); Self.convert(sum.v, to: input.v, nv)
            Self.convert(sum.eta, to: input.eta, nu)
        }
        computeDissipation()
        Self.update(sum.u, base: sum.u, weight: c.dtDissipation, tendency: tendency.u, range: 0..<nu)
        Self.update(sum.v, base: sum.v, weight: c.dtDissipation, tendency: tendency.v, range: nx..<(nv - nx))
        if options.compensated {
            Self.kahan(state.u, sum.u, compensation.u, 0..<nu)
            Self.kahan(state.v, sum.v, compensation.v, nx..<(nv - nx))
            Self.kahan(state.eta, sum.eta, compensation.eta, 0..<nu)
        } else {
            Self.copy(sum.u, to: state.u, nu); Self.copy(sum.v, to: state.v, nv); Self.copy(sum.eta, to: state.eta, nu)
        }
        _stepsTaken += 1
    }

    // MARK: - Array operations across the two types

    /// `target[k] = base[k] + State(weight · tendency[k])` (product in `Tendency`).
    @inlinable
    static func update(_ target: UnsafeMutablePointer<State>, base: UnsafeMutablePointer<State>, weight: Tendency,
                       tendency: UnsafeMutablePointer<Tendency>, range: Range<Int>) {
        for k in range { target[k] = base[k] + State(convertingFrom: weight * tendency[k]) }
    }

    /// Kahan's compensated update: `y = Σ − c; new = x + y; c = (new − x) − y; x = new`.
    @inlinable
    static func kahan(_ x: UnsafeMutablePointer<State>, _ sum: UnsafeMutablePointer<State>,
                      _ c: UnsafeMutablePointer<State>, _ range: Range<Int>) {
        for k in range {
            let y = sum[k] - c[k]
            let new = x[k] + y
            c[k] = (new - x[k]) - y
            x[k] = new
        }
    }

    @inlinable
    static func add(_ a: UnsafeMutablePointer<State>, _ b: UnsafeMutablePointer<State>,
                    into target: UnsafeMutablePointer<State>, _ range: Range<Int>) {
        for k in range { target[k] = a[k] + b[k] }
    }

    @inlinable
    static func convert<A: RealScalar, B: RealScalar>(_ from: UnsafeMutablePointer<A>, to: UnsafeMutablePointer<B>, _ count: Int) {
        if A.self == B.self {
            to.withMemoryRebound(to: A.self, capacity: count) { $0.update(from: from, count: count) }
        } else {
            for k in 0..<count { to[k] = B(convertingFrom: from[k]) }
        }
    }

    @inlinable
    static func copy(_ from: UnsafeMutablePointer<State>, to: UnsafeMutablePointer<State>, _ count: Int) {
        to.update(from: from, count: count)
    }

    @inlinable
    static func fill(_ p: UnsafeMutablePointer<State>, _ count: Int) {
        p.update(repeating: 0, count: count)
    }
}
