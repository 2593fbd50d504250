import Roundoff
import RoundoffWorkloads
import Solvers

/// The Lorenz-96 system integrated with RK4 (``Lorenz96``), with the
/// tendencies in the cell's precision and the prognostic state in the
/// cell's precision or in `state_format`, compared with binary64: when the
/// trajectory departs, whether its climate (the distribution of `X₁` over a
/// long run) differs by more than two binary64 runs from nearby starts do,
/// and whether the run falls onto an exactly periodic orbit.
///
/// Source: Klöwer's Lorenz96.jl; Klöwer et al., Sci. Rep. 2023 (see
/// `studies.md`): `n = 36`, `F = 8`, `Δt = 0.1`, RK4, start `X = F` with
/// `X₁ += 0.01` (`start_perturbation`). The start is computed in binary64
/// and rounded into the state type: in bf16 (spacing 1/16 at 8) `8.01`
/// rounds to 8, so the run starts on the exact equilibrium `X = F` and
/// stays there (`period` 1) under every mode; use e.g.
/// `start_perturbation=0.5` to leave it. Low precision with deterministic rounding makes the
/// trajectory periodic (the state space is finite; the orbit length grows
/// exponentially with `n`); stochastic rounding prevents it.
///
/// **Mixed precision.** The tendency type is the cell's scalar (through
/// ``Precision/run(_:stream:)``, which may read a run-time format). A
/// second emulated type at once cannot read another run-time format, so
/// `state_format` is restricted to the presets `fp64`, `fp32`, `bf16`,
/// `fp16` (or `same`, the default: the state in the cell's type), each
/// dispatched by a `switch` to a compile-time type rounded with the
/// cell's mode: `Double` / `Float` for `rne` at fp64 / fp32,
/// `Emulated<FP64|FP32|BF16|FP16, RNE|SR>` otherwise. Modes other than
/// `rne` and `sr` are accepted only with `state_format=same`.
///
/// One run of `steps` RK4 steps, in the cell's precision and (as the
/// reference) in binary64 from the same start:
/// - `departure_time`: the first `t = k·Δt`, `k ≤ window`, at which
///   `‖X − X₆₄‖₂` exceeds `threshold`; `window·Δt` if it never does.
/// - `wasserstein_x`: the Wasserstein-1 distance between the empirical
///   distributions of `X₁` sampled every `sample_every` steps after
///   `spin_up` steps, of the run and of the binary64 run.
/// - `wasserstein_noise_floor`: the same between the binary64 run and a
///   binary64 run with `X₁` of the start increased by `perturbation`.
/// - `wasserstein_ratio`: `wasserstein_x / wasserstein_noise_floor`.
/// - `period`: `p` if the run ended on an exactly periodic orbit of `p`
///   steps, else 0. Every state is hashed (64-bit mix of the bit patterns
///   of all `n` values); `p = K − j` for the last `j < K` whose state hash
///   equals that of the final state `K`, and the orbit counts only if the
///   whole last cycle repeats the one before (`h_k = h_{k−p}` for
///   `K − p < k ≤ K`, so it has been traversed twice). Under a
///   deterministic mode one exact repeat already implies periodicity for
///   ever; the second traversal keeps a chance repeat under stochastic
///   rounding from counting.
/// - `diverged`.
public struct Lorenz96Workload: Workload {
    /// The binary64 run.
    public struct Reference: Sendable {
        /// The binary64 state after each step `1…window`, `n` values each.
        public var trajectory: [Double]
        /// The climate samples of `X₁`, sorted.
        public var climate: [Double]
        /// The Wasserstein-1 distance between two binary64 climates from perturbed starts.
        public var noiseFloor: Double
    }

    /// Where the prognostic state is stored.
    enum StateFormat: Equatable {
        case same
        case preset(FloatFormat)
    }

    /// The parsed parameters.
    struct Setup {
        var n: Int
        var forcing: Double
        var dt: Double
        var steps: Int
        var spinUp: Int
        var sampleEvery: Int
        var window: Int
        var threshold: Double
        var perturbation: Double
        var startPerturbation: Double
        var stateFormat: StateFormat

        init(_ values: ParameterValues) throws {
            n = try values.int("n", in: 4...100_000)
            forcing = try values.double("forcing", in: -1e6...1e6)
            dt = try values.double("dt", in: 1e-6...1)
            steps = try values.int("steps", in: 1...100_000_000)
            spinUp = try values.int("spin_up", in: 0...(steps - 1))
            sampleEvery = try values.int("sample_every", in: 1...steps)
            window = try values.int("window", in: 1...steps)
            threshold = try values.double("threshold", in: 0...1e30)
            perturbation = try values.double("perturbation")
            startPerturbation = try values.double("start_perturbation")
            let spec = values.string("state_format").lowercased()
            switch spec {
            case "same", "": stateFormat = .same
            case "fp64", "binary64": stateFormat = .preset(.fp64)
            case "fp32", "binary32": stateFormat = .preset(.fp32)
            case "bf16", "bfloat16": stateFormat = .preset(.bf16)
            case "fp16", "binary16": stateFormat = .preset(.fp16)
            default:
                throw ParameterError("parameter state_format=\(spec) is not accepted; accepted: same, fp64, fp32, bf16, fp16")
            }
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `lorenz96`.
    public var name: String { "lorenz96" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Lorenz-96 RK4 (mixed precision): departure, X₁ climate distance, periodic orbits" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("n", default: "36", "number of variables"),
            WorkloadParameter("forcing", default: "8", "forcing F"),
            WorkloadParameter("dt", default: "0.1", "RK4 time step (Lorenz96.jl; 0.01–0.05 is common elsewhere)"),
            WorkloadParameter("steps", default: "100000", "RK4 steps of the run"),
            WorkloadParameter("spin_up", default: "1000", "steps discarded before climate sampling"),
            WorkloadParameter("sample_every", default: "1", "steps between climate samples of X₁"),
            WorkloadParameter("window", default: "500", "steps over which the departure from binary64 is tracked"),
            WorkloadParameter("threshold", default: "1", "distance ‖X − X₆₄‖₂ that counts as departure"),
            WorkloadParameter("start_perturbation", default: "0.01",
                              "X₁ of the start is F plus this (rounded into the state type: in bf16 0.01 is lost and X = F is the equilibrium)"),
            WorkloadParameter("perturbation", default: "1e-6", "offset of X₁ of the start for the binary64 noise-floor run"),
            WorkloadParameter("state_format", default: "same",
                              "prognostic state type: same (the cell's), fp64, fp32, bf16, fp16 (cell's mode; rne or sr)"),
        ]
    }

    /// The binary64 run and the noise floor from a perturbed binary64 run.
    public func reference(_ values: ParameterValues) throws -> Reference {
        var setup = try Setup(values)
        setup.stateFormat = .same
        let run = Trajectory(setup: setup, mode: .nearestEven).run(Double.self)
        let other = Trajectory(setup: setup, mode: .nearestEven, extraPerturbation: setup.perturbation, recordsWindow: false)
            .run(Double.self)
        let climate = run.climate.sorted()
        return Reference(trajectory: run.window, climate: climate,
                         noiseFloor: Wasserstein.distance(sorted: climate, other.climate.sorted()))
    }

    /// The run in `precision`, its departure from the reference, the distance of its climate and its period.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        if setup.stateFormat != .same && precision.mode != .nearestEven && precision.mode != .stochastic {
            throw ParameterError("parameter state_format=\(values.string("state_format")) needs mode rne or sr (got \(precision.mode.spec)); use state_format=same")
        }
        let run = precision.run(Trajectory(setup: setup, mode: precision.mode))
        let n = setup.n
        var departure = Double(setup.window) * setup.dt
        for k in 0..<setup.window {
            var d2 = 0.0
            for i in 0..<n {
                let d = run.window[k * n + i] - reference.trajectory[k * n + i]
                d2 += d * d
            }
            // `!(d <= threshold)` so that NaN counts as departed.
            if !(d2.squareRoot() <= setup.threshold) { departure = Double(k + 1) * setup.dt; break }
        }
        let wasserstein = Wasserstein.distance(sorted: run.climate.sorted(), reference.climate)
        return [
            Metric("departure_time", departure),
            Metric("wasserstein_x", wasserstein),
            Metric("wasserstein_noise_floor", reference.noiseFloor),
            Metric("wasserstein_ratio", wasserstein / reference.noiseFloor),
            Metric("period", Double(Self.period(hashes: run.hashes))),
            Metric.diverged(run.climate + run.final),
        ]
    }

    /// The period `p` of the orbit the hashed states `h₁…h_K` end on, or 0:
    /// `p = K − j` for the last `j < K` with `h_j = h_K`, accepted when
    /// `h_k = h_{k−p}` for all `K − p < k ≤ K` (see the type's description).
    static func period(hashes h: [UInt64]) -> Int {
        guard let last = h.last else { return 0 }
        let end = h.count - 1
        guard let j = h[..<end].lastIndex(of: last) else { return 0 }
        let p = end - j
        guard end - 2 * p >= -1 else { return 0 }
        for k in (end - p + 1)...end where h[k] != h[k - p] { return 0 }
        return p
    }

    /// A 64-bit hash of a state's bit patterns (splitmix64 finaliser, chained).
    static func hash(_ state: [Double]) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for v in state {
            var z = (h ^ v.bitPattern) &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            h = z ^ (z >> 31)
        }
        return h
    }

    /// One run with the tendencies in the scalar type it is run in.
    struct Trajectory: ScalarComputation {
        let setup: Setup
        /// The cell's mode, for the state type when `state_format` is a preset.
        let mode: RoundingMode
        var extraPerturbation = 0.0
        var recordsWindow = true

        struct Output {
            /// The state after each step of the window, `n` values each.
            var window: [Double] = []
            /// `X₁` at each climate sample.
            var climate: [Double] = []
            /// The hash of the state after each step `1…steps`.
            var hashes: [UInt64] = []
            /// The final state.
            var final: [Double] = []
        }

        /// Dispatches the state type (see ``Lorenz96Workload``).
        func run<T: RealScalar>(_: T.Type) -> Output {
            let stochastic = mode == .stochastic
            switch setup.stateFormat {
            case .same: return simulate(T.self, T.self)
            case .preset(let f) where f == .fp64:
                return stochastic ? simulate(Emulated<FP64, SR>.self, T.self) : simulate(Double.self, T.self)
            case .preset(let f) where f == .fp32:
                return stochastic ? simulate(Emulated<FP32, SR>.self, T.self) : simulate(Float.self, T.self)
            case .preset(let f) where f == .bf16:
                return stochastic ? simulate(Emulated<BF16, SR>.self, T.self) : simulate(Emulated<BF16, RNE>.self, T.self)
            case .preset:
                return stochastic ? simulate(Emulated<FP16, SR>.self, T.self) : simulate(Emulated<FP16, RNE>.self, T.self)
            }
        }

        func simulate<State: RealScalar, Tendency: RealScalar>(_: State.Type, _: Tendency.Type) -> Output {
            var system = Lorenz96<State, Tendency>(n: setup.n, forcing: setup.forcing, dt: setup.dt,
                                                   perturbation: setup.startPerturbation + extraPerturbation)
            var out = Output()
            if recordsWindow { out.window.reserveCapacity(setup.n * setup.window) }
            out.hashes.reserveCapacity(setup.steps)
            for k in 1...setup.steps {
                system.step()
                let state = system.state
                if recordsWindow && k <= setup.window { out.window.append(contentsOf: state) }
                if k > setup.spinUp && (k - setup.spinUp) % setup.sampleEvery == 0 { out.climate.append(state[0]) }
                out.hashes.append(Lorenz96Workload.hash(state))
            }
            out.final = system.state
            return out
        }
    }
}
