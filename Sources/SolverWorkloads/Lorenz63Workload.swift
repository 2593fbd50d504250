import Roundoff
import RoundoffWorkloads
import Solvers

/// The Lorenz-63 system integrated with RK4 (``Lorenz63``) in the cell's
/// precision, compared with binary64: when the trajectory departs, and
/// whether its climate (the distribution of `x` over a long run) differs
/// by more than two binary64 runs from nearby starts do.
///
/// Source: Klöwer's Lorenz63.jl; Paxton et al., J. Climate 2022; Klöwer et
/// al., Sci. Rep. 2023 (see `studies.md`): σ = 10, ρ = 28, β = 8/3, RK4,
/// Δt = 0.002, start (5, 5, 20), optional scaling `s`. Formats with a small
/// range saturate or overflow at Lorenz's values (|z| ≈ 50, `x·y` up to
/// ~600 above E4M3's 448): that is a finding, and `scale` exists to move
/// the values into range when a user asks for it.
///
/// One run of `max(window, spin_up + climate_time)` time units, in the
/// cell's precision and (as the reference) in binary64 from the same start:
/// - `departure_time`: the first `t = k·Δt ≤ window` at which the unscaled
///   distance `‖X_low − X_64‖₂` exceeds `threshold`; `window` if it never does.
/// - `distance` series (x = t): that distance at `distance_points` evenly
///   spaced times in `(0, window]`.
/// - `wasserstein_x`: the Wasserstein-1 distance between the empirical
///   distributions of the unscaled `x`, sampled every `sample_interval`
///   over `climate_time` after `spin_up`, of the low-precision and the
///   binary64 run.
/// - `wasserstein_noise_floor`: the same between the binary64 run and a
///   binary64 run from the start with `x0` increased by `perturbation` —
///   the distance sampling alone produces.
/// - `wasserstein_ratio`: `wasserstein_x / wasserstein_noise_floor`
///   (≈ 1 or below: indistinguishable from binary64's climate).
/// - `diverged`.
public struct Lorenz63Workload: Workload {
    /// The binary64 run.
    public struct Reference: Sendable {
        /// The unscaled binary64 state after each step `k = 1…window steps`,
        /// interleaved `x, y, z`.
        public var trajectory: [Double]
        /// The climate samples of `x`, sorted.
        public var climate: [Double]
        /// The Wasserstein-1 distance between the climates of two binary64
        /// runs from perturbed starts.
        public var noiseFloor: Double
    }

    /// The parsed parameters.
    struct Setup {
        var dt: Double
        var scale: Double
        var start: (x: Double, y: Double, z: Double)
        var windowSteps: Int
        var threshold: Double
        var spinUpSteps: Int
        var climateSteps: Int
        var sampleEvery: Int
        var perturbation: Double
        var distancePoints: Int

        var totalSteps: Int { Swift.max(windowSteps, spinUpSteps + climateSteps) }

        init(_ values: ParameterValues) throws {
            dt = try values.double("dt", in: 1e-6...0.1)
            scale = try values.double("scale", in: 1e-30...1e30)
            let coordinates = values.string("start").split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard coordinates.count == 3, let x = coordinates[0], let y = coordinates[1], let z = coordinates[2],
                  x.isFinite, y.isFinite, z.isFinite else {
                throw ParameterError("parameter start=\(values.string("start")) is not three numbers x,y,z (e.g. 5,5,20)")
            }
            start = (x, y, z)
            let dt = self.dt
            func steps(_ name: String, minimum: Int) throws -> Int {
                let time = try values.double(name, in: 0...1e7)
                let k = Int((time / dt).rounded())
                guard k >= minimum else { throw ParameterError("parameter \(name)=\(values.string(name)) is under \(minimum) step(s) of dt=\(dt)") }
                return k
            }
            windowSteps = try steps("window", minimum: 1)
            threshold = try values.double("threshold", in: 0...1e30)
            spinUpSteps = try steps("spin_up", minimum: 0)
            climateSteps = try steps("climate_time", minimum: 1)
            sampleEvery = try steps("sample_interval", minimum: 1)
            perturbation = try values.double("perturbation")
            distancePoints = try values.int("distance_points", in: 1...1_000_000)
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `lorenz63`.
    public var name: String { "lorenz63" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Lorenz-63 RK4: departure from binary64 and Wasserstein distance of the x climate" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("dt", default: "0.002", "RK4 time step (Paxton et al. 2022; older set-ups use 0.01)"),
            WorkloadParameter("start", default: "5,5,20", "initial (x, y, z), unscaled"),
            WorkloadParameter("scale", default: "1", "variables carried as s·(x, y, z) (Klöwer's scaling)"),
            WorkloadParameter("window", default: "50", "time over which the departure from binary64 is tracked"),
            WorkloadParameter("threshold", default: "1", "unscaled distance from binary64 that counts as departure"),
            WorkloadParameter("distance_points", default: "200", "points of the distance series"),
            WorkloadParameter("spin_up", default: "10", "time discarded before climate sampling"),
            WorkloadParameter("climate_time", default: "1000", "time over which x is sampled for the climate"),
            WorkloadParameter("sample_interval", default: "0.02", "time between climate samples (a multiple of dt)"),
            WorkloadParameter("perturbation", default: "1e-6", "offset of x0 for the binary64 noise-floor run"),
        ]
    }

    /// The binary64 run (window trajectory and climate samples) and the noise floor from a perturbed binary64 run.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        let run = Trajectory(setup: setup, start: setup.start).run(Double.self)
        var perturbed = setup.start
        perturbed.x += setup.perturbation
        let other = Trajectory(setup: setup, start: perturbed, recordsWindow: false).run(Double.self)
        let climate = run.climate.sorted()
        return Reference(trajectory: run.window, climate: climate,
                         noiseFloor: Wasserstein.distance(sorted: climate, other.climate.sorted()))
    }

    /// The run in `precision`, its departure from the reference and the distance of its climate.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let run = precision.run(Trajectory(setup: setup, start: setup.start))
        let w = setup.windowSteps
        var distances = [Double](repeating: 0, count: w)
        for k in 0..<w {
            let dx = run.window[3 * k] - reference.trajectory[3 * k]
            let dy = run.window[3 * k + 1] - reference.trajectory[3 * k + 1]
            let dz = run.window[3 * k + 2] - reference.trajectory[3 * k + 2]
            distances[k] = (dx * dx + dy * dy + dz * dz).squareRoot()
        }
        // `!(d <= threshold)` so that NaN counts as departed.
        let departure = distances.firstIndex { !($0 <= setup.threshold) }.map { Double($0 + 1) * setup.dt }
            ?? Double(w) * setup.dt
        let wasserstein = Wasserstein.distance(sorted: run.climate.sorted(), reference.climate)
        var metrics = [
            Metric("departure_time", departure),
            Metric("wasserstein_x", wasserstein),
            Metric("wasserstein_noise_floor", reference.noiseFloor),
            Metric("wasserstein_ratio", wasserstein / reference.noiseFloor),
            Metric.diverged(run.climate + Array(run.window.suffix(3))),
        ]
        let points = Swift.min(setup.distancePoints, w)
        var last = 0
        for i in 1...points {
            let k = Int((Double(i) * Double(w) / Double(points)).rounded())
            guard k > last else { continue }
            last = k
            metrics.append(Metric("distance", distances[k - 1], x: Double(k) * setup.dt))
        }
        return metrics
    }

    /// One run in a scalar type.
    struct Trajectory: ScalarComputation {
        let setup: Setup
        let start: (x: Double, y: Double, z: Double)
        var recordsWindow = true

        struct Output {
            /// The unscaled state after each step of the window, interleaved x, y, z.
            var window: [Double]
            /// The unscaled x at each climate sample.
            var climate: [Double]
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            var system = Lorenz63<T>(x: start.x, y: start.y, z: start.z, scale: setup.scale, dt: setup.dt)
            var out = Output(window: [], climate: [])
            if recordsWindow { out.window.reserveCapacity(3 * setup.windowSteps) }
            out.climate.reserveCapacity(setup.climateSteps / setup.sampleEvery + 1)
            let climateEnd = setup.spinUpSteps + setup.climateSteps
            for k in 1...setup.totalSteps {
                system.step()
                if recordsWindow && k <= setup.windowSteps {
                    let s = system.unscaledState
                    out.window.append(s.x)
                    out.window.append(s.y)
                    out.window.append(s.z)
                }
                if k > setup.spinUpSteps && k <= climateEnd && (k - setup.spinUpSteps) % setup.sampleEvery == 0 {
                    out.climate.append(system.unscaledState.x)
                }
            }
            return out
        }
    }
}
