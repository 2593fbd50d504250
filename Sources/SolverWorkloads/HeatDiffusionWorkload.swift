import Roundoff
import RoundoffWorkloads
import Solvers

/// Heat diffusion into a soil column (``HeatDiffusion``): forward Euler
/// with ξ = Δt·D/Δz² = 1.26·10⁻³, in the cell's precision, compared with
/// binary64. With round-to-nearest at fp16 (and bf16) every increment
/// `ξ·(T_{i+1} − 2T_i + T_{i−1})` ≤ 1.26·10⁻³·6.85 K ≈ 0.009 K is far below
/// half the spacing of ~280 K (0.125 K at fp16), so no level ever changes
/// and heat never enters the column; stochastic rounding moves each level
/// with probability increment/spacing and follows binary64 on average.
///
/// Source: Paxton et al., J. Climate 2022, after Dawson et al. 2018 (see
/// `studies.md`): D = 7·10⁻⁷ m²/s, depth 60 m, Δz = 1 m (61 levels),
/// Δt = 1800 s, top 280 K fixed, insulated bottom, initial 273.15 K, run
/// 100 years (one source says 60). A year is 365 days = 17 520 steps.
///
/// **Run length.** The published 100-year run is 1.75·10⁶ steps × 61
/// levels ≈ 10⁸ updates (≈ 3–4 s per emulated cell in release), so `years`
/// defaults to 30 (≈ 1 s per cell) and the published run is
/// `--param years=100`. Stagnation under round-to-nearest is decided at the
/// first update and is visible at any length (`stagnated`,
/// `profile_rmse`); `heat_reached_bottom` needs the bottom to warm by more
/// than fp16's spacing there (0.25 K) for stochastic rounding to show it.
/// Measured (fp16, binary64 bottom warming → sr seeds 1, 2): 10 years
/// 0.06 K → 0, 0 (not shown); 30 years 1.36 K → 1.0, 1.5 K; 100 years
/// 4.93 K → 4.25, 5.5 K; rne stays at 0 K throughout.
///
/// Metrics (temperatures in K):
/// - `profile_rmse`: root-mean-square difference between the final profile
///   and the binary64 one over all levels.
/// - `max_error`: the largest absolute difference of one level.
/// - `bottom_warming`: the bottom temperature at the end of the run minus
///   its start value in the run's format (`initial` rounded into it: 273.15
///   is 273.25 in fp16, which must not count as warming);
///   `reference_bottom_warming`: the same in binary64.
/// - `heat_reached_bottom`: 1 if `bottom_warming > bottom_threshold`
///   (default 0.01 K), else 0.
/// - `stagnated`: 1 if the run ended on a plateau (final steps that
///   changed no level) that is stagnation by ``StagnationEvidence``: any
///   final plateau under a deterministic mode (the rounded step then maps
///   the column to itself for ever); under a stochastic mode, one whose
///   exact increments, in spacings of each level in the increment's
///   direction, summed over levels and plateau steps, weigh at least 20.
/// - `temperature` series (x = depth in m): the final profile.
/// - `diverged`.
public struct HeatDiffusionWorkload: Workload {
    /// The binary64 final profile.
    public typealias Reference = [Double]

    /// The parsed parameters.
    struct Setup {
        var diffusivity: Double, depth: Double, dz: Double, dt: Double
        var top: Double, initial: Double
        var steps: Int
        var threshold: Double

        init(_ values: ParameterValues) throws {
            diffusivity = try values.double("diffusivity", in: 0...1)
            depth = try values.double("depth", in: 1e-6...1e6)
            dz = try values.double("dz", in: 1e-6...1e6)
            dt = try values.double("dt", in: 1e-6...1e9)
            top = try values.double("top")
            initial = try values.double("initial")
            let years = try values.double("years", in: 0...10_000)
            steps = Int((years * 365 * 86_400 / dt).rounded())
            threshold = try values.double("bottom_threshold", in: 0...1e6)
            guard (depth / dz).rounded() >= 2 else {
                throw ParameterError("depth/dz = \(depth / dz) gives fewer than 3 levels")
            }
            guard dt * diffusivity / (dz * dz) <= 0.5 else {
                throw ParameterError("ξ = dt·D/dz² = \(dt * diffusivity / (dz * dz)) exceeds 1/2: forward Euler is unstable")
            }
        }

        var xi: Double { dt * diffusivity / (dz * dz) }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `heat-diffusion`.
    public var name: String { "heat-diffusion" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "soil-column heat equation, forward Euler (ξ = 1.26e−3): RN at 16 bits stalls, SR diffuses" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("years", default: "30", "run length in 365-day years (published: 100, one source says 60; 30 keeps a cell ≈ 1 s)"),
            WorkloadParameter("diffusivity", default: "7e-7", "thermal diffusivity D, m²/s"),
            WorkloadParameter("depth", default: "60", "column depth, m"),
            WorkloadParameter("dz", default: "1", "level spacing Δz, m"),
            WorkloadParameter("dt", default: "1800", "time step Δt, s"),
            WorkloadParameter("top", default: "280", "fixed top temperature, K"),
            WorkloadParameter("initial", default: "273.15", "initial temperature below the top, K"),
            WorkloadParameter("bottom_threshold", default: "0.01", "bottom warming (K) that counts as heat reaching the bottom"),
        ]
    }

    /// The binary64 final profile.
    public func reference(_ values: ParameterValues) throws -> Reference {
        try Column(setup: Setup(values)).run(Double.self).profile
    }


    /// The run in `precision` and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let r = precision.run(Column(setup: setup))
        let profile = r.profile
        var sumSquares = 0.0, maxError = 0.0
        for (t, t64) in zip(profile, reference) {
            let d = abs(t - t64)
            sumSquares += d * d
            // `!(d <= maxError)` so that NaN propagates.
            if !(d <= maxError) { maxError = d }
        }
        let warming = profile[profile.count - 1] - r.initialBottom
        let plateau = setup.steps - r.lastChange
        let stalled = StagnationEvidence.isStagnation(steps: plateau, mode: precision.mode) {
            Double(plateau) * weight(profile: profile, xi: setup.xi, format: precision.format)
        }
        var metrics = [
            Metric("profile_rmse", (sumSquares / Double(profile.count)).squareRoot()),
            Metric("max_error", maxError),
            Metric("bottom_warming", warming),
            Metric("reference_bottom_warming", reference[reference.count - 1] - setup.initial),
            Metric("heat_reached_bottom", warming > setup.threshold ? 1 : 0),
            Metric("stagnated", stalled ? 1 : 0),
            Metric.diverged(profile),
        ]
        for (i, t) in profile.enumerated() {
            metrics.append(Metric("temperature", t, x: Double(i) * setup.dz))
        }
        return metrics
    }

    /// The expected number of stochastic moves per step of the column at
    /// `profile`: `Σᵢ |δᵢ| / gᵢ` over the updated levels, with the exact
    /// increment `δᵢ = ξ·(T_{i+1} − 2Tᵢ + T_{i−1})` (mirrored at the
    /// insulated bottom) and `gᵢ` the spacing of `Tᵢ` in the direction of `δᵢ`.
    func weight(profile t: [Double], xi: Double, format: FloatFormat) -> Double {
        let m = t.count - 1
        var total = 0.0
        for i in 1...m {
            let below = i == m ? t[m - 1] : t[i + 1]
            let delta = xi * (below - 2 * t[i] + t[i - 1])
            guard delta != 0 else { continue }
            let away = (delta > 0) == (t[i] > 0)
            let g = away ? format.spacingAwayFromZero(at: t[i]) : format.spacingTowardZero(at: t[i])
            total += abs(delta) / g
        }
        return total
    }

    /// One run in a scalar type.
    struct Column: ScalarComputation {
        let setup: Setup

        struct Output {
            var profile: [Double]
            /// The bottom temperature at the start (`initial` rounded into the type).
            var initialBottom: Double
            /// The last step that changed any level (0 if none).
            var lastChange: Int
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            var column = HeatDiffusion<T>(diffusivity: setup.diffusivity, depth: setup.depth, dz: setup.dz, dt: setup.dt,
                                          top: setup.top, initial: setup.initial)
            let initialBottom = column.profile[column.profile.count - 1]
            column.run(steps: setup.steps)
            return Output(profile: column.profile, initialBottom: initialBottom, lastChange: column.lastChange)
        }
    }
}
