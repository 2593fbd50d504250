import Foundation
import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// The shallow-water model of Klöwer, Düben & Palmer (JAMES 2020)
/// (``ShallowWater``): forecasts from a spun-up state in the cell's
/// precision, in one or more low-precision arrangements (`variants`),
/// against the binary64 forecast of the same code.
///
/// **Set-up** (``ShallowWaterParameters``, every value a parameter): 100 × 50
/// cells of 20 km, zonally periodic channel with no-slip walls, ridge,
/// β-plane at 45°N, wind stress 0.12 Pa, quadratic drag `c_D = 10⁻⁵`,
/// biharmonic `ν/Δ³ = 1/60 m/s`, RK4 at `Δt = 282 s`. The binary64
/// reference starts from rest and spins up for `spin_up_days` (the flow
/// becomes turbulent after ~150 days; the default 200 takes ~40 s in
/// binary64 at 100 × 50, once per sweep); the end state, rounded into each
/// run's state type, starts every forecast of `days` days.
///
/// **Variants** (a comma list; metrics of variant V are suffixed `_V`,
/// `standard` has no suffix): `standard` — the paper's 16-bit formulation
/// (``ShallowWaterOptions/rescaled``, velocities × `velocity_scale`),
/// everything in the cell's type; `unscaled` — the equations in SI units
/// (tendencies ~10⁻⁶ m/s², subnormal in fp16); `compensated` — standard
/// with Kahan-compensated time stepping; `prognostic_fp32`,
/// `prognostic_fp64` — standard with `u, v, η` stored and updated in
/// fp32/fp64 and the tendencies in the cell's type (mixed precision; the
/// state type is `Float`/`Double` under `rne` and `Emulated<FP32|FP64, SR>`
/// under `sr`; other modes are refused for these variants).
///
/// **Metrics** (per variant; times in days):
/// - `eta_error` series (x = day): `RMSE(η − η₆₄)/E∞` at every output
///   time, where `E∞ = √2·σ` is the long-lead error between independent
///   states: σ the grid-RMS of the temporal standard deviation of binary64
///   η over the last `climate_days` of the spin-up (sampled every
///   `output_hours`). 1 means as wrong as a random state of the climate.
/// - `eta_error_final`: the last value of that series.
/// - `zonal_mean_u` series (x = y in km): zonal-mean `u` (m/s) averaged
///   over the output times; `zonal_mean_u_error`: its RMS difference from
///   binary64's profile divided by the RMS of binary64's profile.
/// - `ke_spectrum` series (x = zonal wavenumber k ≥ 1): kinetic energy per
///   wavenumber (m²/s², FFTW; ``ZonalSpectrum``) at the cell centres,
///   averaged over the output times; `ke_ratio`: the mean kinetic energy
///   over the output times divided by binary64's.
/// - `mass_change`: domain-mean `η` at the end minus at the start, in m
///   (the scheme conserves it exactly in exact arithmetic).
/// - `stalled_fraction`: the fraction of prognostic values (u, interior v,
///   η) that the step ending at an output time left unchanged, averaged
///   over the output times (≈ 0 in binary64; bf16 stalls: the increments
///   are ~10⁻⁴ of the state, below half its spacing).
/// - `diverged`.
public struct ShallowWaterWorkload: Workload {
    /// The binary64 spin-up and forecast.
    public struct Reference: Sendable {
        /// The spun-up state every forecast starts from.
        public var start: ShallowWaterFields
        /// `E∞`, the RMSE between independent binary64 states (m).
        public var longLeadError: Double
        /// The binary64 forecast's η at each output time.
        public var eta: [[Double]]
        /// The model days of the output times.
        public var days: [Double]
        /// Time-mean zonal-mean u (m/s), mean kinetic energy and KE spectrum of the forecast.
        public var zonalMeanU: [Double], meanKineticEnergy: Double, spectrum: [Double]
    }

    /// One low-precision arrangement (see the type).
    enum Variant: String, CaseIterable {
        case standard, unscaled, compensated
        case prognosticFP32 = "prognostic_fp32", prognosticFP64 = "prognostic_fp64"

        var suffix: String { self == .standard ? "" : "_" + rawValue }
    }

    /// The parsed parameters.
    struct Setup {
        var model: ShallowWaterParameters
        var velocityScale: Double
        var days: Double, spinUpDays: Double, climateDays: Double, outputHours: Double
        var variants: [Variant]

        init(_ values: ParameterValues) throws {
            let nx = try values.int("nx", in: 3...4096), ny = try values.int("ny", in: 2...4096)
            model = ShallowWaterParameters(nx: nx, ny: ny, lx: try values.double("lx", in: 1...1e9),
                                           dt: try values.double("dt", in: 1e-3...1e7))
            model.gravity = try values.double("gravity", in: 1e-6...1e6)
            model.depth = try values.double("depth", in: 1e-3...1e6)
            model.ridgeHeight = try values.double("ridge_height", in: 0...(model.depth * 0.99))
            model.ridgeWidth = try values.double("ridge_width", in: 1...1e9)
            model.latitude = try values.double("latitude", in: -90...90)
            model.windStress = try values.double("wind_stress", in: -1e3...1e3)
            model.drag = try values.double("drag", in: 0...1)
            model.viscosityOverDelta3 = try values.double("viscosity", in: 0...1e6)
            velocityScale = try values.double("velocity_scale", in: 0x1p-20...0x1p20)
            guard velocityScale.significandBitPattern == 0 else {
                throw ParameterError("parameter velocity_scale=\(values.string("velocity_scale")) is not a power of two (e.g. 64 = 2^6); accepted: 2^-20 … 2^20")
            }
            days = try values.double("days", in: 0...100_000)
            spinUpDays = try values.double("spin_up_days", in: 0...1_000_000)
            climateDays = try values.double("climate_days", in: 0...spinUpDays)
            outputHours = try values.double("output_hours", in: 1e-3...1e7)
            guard model.steps(days: outputHours / 24) >= 1 else {
                throw ParameterError("parameter output_hours=\(outputHours) is shorter than one time step dt=\(model.dt) s")
            }
            let names = values.string("variants").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            variants = try names.map { name in
                guard let v = Variant(rawValue: name.replacingOccurrences(of: "-", with: "_")) else {
                    throw ParameterError("parameter variants: '\(name)' is not accepted; accepted: "
                                         + Variant.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return v
            }
            guard !variants.isEmpty else {
                throw ParameterError("parameter variants is empty; accepted: " + Variant.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        /// Steps between output times, and the number of output times in the forecast.
        var outputSteps: Int { model.steps(days: outputHours / 24) }
        var outputs: Int { model.steps(days: days) / outputSteps }

        func options(_ variant: Variant) -> ShallowWaterOptions {
            ShallowWaterOptions(rescaled: variant != .unscaled, velocityScale: velocityScale,
                                compensated: variant == .compensated)
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `shallow-water`.
    public var name: String { "shallow-water" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "2D shallow-water model (Klöwer et al. 2020): forecast error, zonal flow, KE spectrum, mass, stalling" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("variants", default: "standard",
                              "comma list of standard, unscaled, compensated, prognostic_fp32, prognostic_fp64"),
            WorkloadParameter("days", default: "50", "forecast length in model days"),
            WorkloadParameter("output_hours", default: "24", "hours between output times"),
            WorkloadParameter("spin_up_days", default: "200", "binary64 spin-up from rest before the forecasts"),
            WorkloadParameter("climate_days", default: "100", "last days of the spin-up sampled for the long-lead error"),
            WorkloadParameter("nx", default: "100", "cells in x (zonal, periodic)"),
            WorkloadParameter("ny", default: "50", "cells in y (meridional, walls)"),
            WorkloadParameter("lx", default: "2000e3", "zonal length in m (Δ = lx/nx)"),
            WorkloadParameter("dt", default: "282", "RK4 time step in s"),
            WorkloadParameter("gravity", default: "10", "g in m/s²"),
            WorkloadParameter("depth", default: "500", "depth at rest in m"),
            WorkloadParameter("ridge_height", default: "50", "ridge height in m"),
            WorkloadParameter("ridge_width", default: "300e3", "ridge e-folding width in m"),
            WorkloadParameter("latitude", default: "45", "β-plane latitude in degrees"),
            WorkloadParameter("wind_stress", default: "0.12", "peak wind stress F₀ in Pa"),
            WorkloadParameter("drag", default: "1e-5", "quadratic bottom drag coefficient c_D"),
            WorkloadParameter("viscosity", default: "0.0166666666666667", "biharmonic ν/Δ³ in m/s (ν ≈ 1.33e11 m⁴/s at 20 km)"),
            WorkloadParameter("velocity_scale", default: "64", "power of two the velocities are carried multiplied by (rescaled variants)"),
        ]
    }

    /// Spin-up, long-lead error and the binary64 forecast.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        let p = setup.model
        let spinUp = ShallowWater<Double, Double>(parameters: p)
        let spinSteps = p.steps(days: setup.spinUpDays)
        let climateStart = spinSteps - p.steps(days: setup.climateDays)
        var samples: [[Double]] = []
        for k in 1...max(spinSteps, 1) where spinSteps > 0 {
            spinUp.step()
            if k > climateStart && (spinSteps - k) % setup.outputSteps == 0 { samples.append(spinUp.fields.eta) }
        }
        let start = spinUp.fields
        let forecast = Forecast(setup: setup, variant: .standard, mode: .nearestEven, start: start).run(Double.self)
        return Reference(start: start, longLeadError: Self.longLeadError(samples),
                         eta: forecast.eta, days: forecast.days, zonalMeanU: forecast.zonalMeanU,
                         meanKineticEnergy: forecast.meanKineticEnergy, spectrum: forecast.spectrum)
    }

    /// Every variant's forecast in `precision`, measured against the reference.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        var metrics: [Metric] = []
        for (index, variant) in setup.variants.enumerated() {
            if (variant == .prognosticFP32 || variant == .prognosticFP64)
                && precision.mode != .nearestEven && precision.mode != .stochastic {
                throw ParameterError("variant \(variant.rawValue) needs mode rne or sr (got \(precision.mode.spec)); use standard, unscaled or compensated")
            }
            let forecast = Forecast(setup: setup, variant: variant, mode: precision.mode, start: reference.start)
            // Each variant on its own stream, so adding a variant leaves the others' bits alone.
            let out = precision.run(forecast, stream: UInt64(index))
            metrics += Self.metrics(out, reference: reference, setup: setup, suffix: variant.suffix)
        }
        return metrics
    }

    /// The metrics of one forecast (see the type).
    static func metrics(_ out: Forecast.Output, reference: Reference, setup: Setup, suffix: String) -> [Metric] {
        var m: [Metric] = []
        var last = Double.nan
        for (k, eta) in out.eta.enumerated() {
            var s = 0.0
            for (a, b) in zip(eta, reference.eta[k]) { s += (a - b) * (a - b) }
            last = (s / Double(eta.count)).squareRoot() / reference.longLeadError
            m.append(Metric("eta_error" + suffix, last, x: out.days[k]))
        }
        m.append(Metric("eta_error_final" + suffix, last))
        let delta = setup.model.delta
        var d2 = 0.0, r2 = 0.0
        for (j, (a, b)) in zip(out.zonalMeanU, reference.zonalMeanU).enumerated() {
            m.append(Metric("zonal_mean_u" + suffix, a, x: (Double(j) + 0.5) * delta / 1000))
            d2 += (a - b) * (a - b); r2 += b * b
        }
        m.append(Metric("zonal_mean_u_error" + suffix, (d2 / max(r2, .leastNormalMagnitude)).squareRoot()))
        for k in 1..<out.spectrum.count { m.append(Metric("ke_spectrum" + suffix, out.spectrum[k], x: Double(k))) }
        m.append(Metric("ke_ratio" + suffix, out.meanKineticEnergy / reference.meanKineticEnergy))
        m.append(Metric("mass_change" + suffix, out.massChange))
        m.append(Metric("stalled_fraction" + suffix, out.stalledFraction))
        var d = Metric.diverged(out.final)
        d.name += suffix
        m.append(d)
        return m
    }

    /// `√2 ×` the grid-RMS of the temporal standard deviation of the samples
    /// (the expected RMSE between two independent states); NaN for fewer than 2 samples.
    static func longLeadError(_ samples: [[Double]]) -> Double {
        guard samples.count >= 2, let n = samples.first?.count else { return .nan }
        var total = 0.0
        for i in 0..<n {
            var mean = 0.0
            for s in samples { mean += s[i] }
            mean /= Double(samples.count)
            var variance = 0.0
            for s in samples { variance += (s[i] - mean) * (s[i] - mean) }
            total += variance / Double(samples.count - 1)
        }
        return (2 * total / Double(n)).squareRoot()
    }

    /// One forecast of one variant, with the tendencies in the scalar type it is run in.
    struct Forecast: ScalarComputation {
        let setup: Setup
        let variant: Variant
        /// The cell's mode, for the state type of the prognostic variants.
        let mode: RoundingMode
        let start: ShallowWaterFields

        struct Output {
            var eta: [[Double]] = []
            var days: [Double] = []
            var zonalMeanU: [Double] = []
            var meanKineticEnergy = 0.0
            var spectrum: [Double] = []
            var massChange = 0.0
            var stalledFraction = 0.0
            /// Every prognostic value at the end (for `diverged`).
            var final: [Double] = []
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            let sr = mode == .stochastic
            switch variant {
            case .standard, .unscaled, .compensated: return simulate(T.self, T.self)
            case .prognosticFP32: return sr ? simulate(Emulated<FP32, SR>.self, T.self) : simulate(Float.self, T.self)
            case .prognosticFP64: return sr ? simulate(Emulated<FP64, SR>.self, T.self) : simulate(Double.self, T.self)
            }
        }

        func simulate<State: RealScalar, Tendency: RealScalar>(_: State.Type, _: Tendency.Type) -> Output {
            let p = setup.model
            let model = ShallowWater<State, Tendency>(parameters: p, options: setup.options(variant), start: start)
            let initialHeight = model.fields.meanHeight
            var out = Output()
            out.zonalMeanU = .init(repeating: 0, count: p.ny)
            out.spectrum = .init(repeating: 0, count: p.nx / 2 + 1)
            var stalled = 0.0
            for k in 1...max(setup.outputs, 1) where setup.outputs > 0 {
                model.run(steps: setup.outputSteps - 1)
                let before = model.fields
                model.step()
                let f = model.fields
                stalled += Self.unchangedFraction(before, f)
                out.eta.append(f.eta)
                out.days.append(Double(k * setup.outputSteps) * p.dt / 86400)
                for (j, z) in f.zonalMeanU.enumerated() { out.zonalMeanU[j] += z }
                out.meanKineticEnergy += f.meanKineticEnergy
                let centres = f.cellCentreVelocities
                if centres.u.allSatisfy(\.isFinite) && centres.v.allSatisfy(\.isFinite) {
                    for (i, e) in ZonalSpectrum.kineticEnergy(u: centres.u, v: centres.v, nx: p.nx, ny: p.ny).enumerated() {
                        out.spectrum[i] += e
                    }
                } else {
                    for i in out.spectrum.indices { out.spectrum[i] = .nan }
                }
            }
            let count = Double(max(setup.outputs, 1))
            out.zonalMeanU = out.zonalMeanU.map { $0 / count }
            out.spectrum = out.spectrum.map { $0 / count }
            out.meanKineticEnergy /= count
            out.stalledFraction = stalled / count
            let f = model.fields
            out.massChange = f.meanHeight - initialHeight
            out.final = f.u + f.v + f.eta
            return out
        }

        /// The fraction of `u`, interior `v` and `η` values equal in `a` and `b`.
        static func unchangedFraction(_ a: ShallowWaterFields, _ b: ShallowWaterFields) -> Double {
            var same = 0
            for (x, y) in zip(a.u, b.u) where x == y { same += 1 }
            for (x, y) in zip(a.eta, b.eta) where x == y { same += 1 }
            let nx = a.nx
            for k in nx..<(a.v.count - nx) where a.v[k] == b.v[k] { same += 1 }
            return Double(same) / Double(a.u.count + a.eta.count + a.v.count - 2 * nx)
        }
    }
}
