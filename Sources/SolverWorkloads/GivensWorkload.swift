import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// Givens rotations `(c, s, r)` computed in the cell's precision by the
/// naive formulas, LAPACK 3.10.0's algorithm and the Pereira–Lotfi–Langou
/// 2022 algorithm (``GivensAlgorithm``, ``GivensGenerator``), each with the
/// safe-scaling thresholds of the cell's format (``GivensScaling``):
/// their errors in ulps, how far `c² + s²` strays from 1, and the drift of a
/// vector's norm under 5000 rotations.
///
/// Source: Pereira, Lotfi & Langou, "Numerical analysis of Givens
/// rotation", arXiv:2211.04010 (2022); LAPACK `xLARTG` (3.10.0 and
/// ≥ 3.10.1); Anderson, ACM TOMS 44 (2017), Algorithm 978; the norm test of
/// Reference-LAPACK issue #629 (5000 rotations applied to a vector of norm
/// 10: single-precision complex 3.10.0 ended at norm 10.001301).
///
/// **Samples.** `samples` pairs `(f, g)` with `log₂|f|`, `log₂|g|`
/// independent and uniform and random signs (``StochasticStream`` of
/// `data_seed`, stream 0): over `[emin, log₂ xmax − 1]` of the cell's
/// format for `range=full` (the default; the upper end keeps `r` finite),
/// or over `[−K, K]` clipped to that interval for `range=K`. Each value is
/// drawn in binary64 and rounded to nearest into the format, so every mode
/// sees the same inputs. The reference for each pair is its exact rotation
/// (``ExactGivensRotation``, about 104 bits), so binary64 cells are
/// measured too.
///
/// **Norm drift.** `v = (6, 8)` (norm 10) is rotated `rotations` times by
/// rotations generated from `f, g` uniform in `(−1, 1)` (stream 1, rounded
/// to nearest), each applied in the cell's precision as BLAS `xROT` does.
///
/// Metrics, for each algorithm `A ∈ {naive, lapack310, plg2022}` (suffix `_A`):
/// - `c_ulp_max_A`, `s_ulp_max_A`, `r_ulp_max_A`: the largest error in
///   ulps of the format (``FloatFormat/ulpError(_:exact:)``) over the
///   samples whose `c`, `s`, `r` are all finite;
///   `c_ulp_mean_A`, `s_ulp_mean_A`, `r_ulp_mean_A`: the mean over them.
/// - `failure_rate_A`: the fraction of samples with a non-finite `c`, `s` or `r`.
/// - `unitarity_max_A`: `max |c² + s² − 1| / u` (`u = 2^−p`, the products
///   exact in double-double) over the finite samples;
///   `unitarity_bias_A`: the mean of `(c² + s² − 1)/u` (signed: a bias
///   makes norms drift steadily).
/// - `norm_drift_A`: `|‖v‖₂ − ‖v₀‖₂|` after the rotations, `v₀` the start as
///   stored (norm 10 unless the format cannot hold 6 and 8).
/// - `norm_drift_exact_apply_A`: the same had each rotation been applied
///   exactly, `‖v₀‖·|∏ₖ √(cₖ² + sₖ²) − 1|`: the part of the drift due to
///   the rotations themselves rather than to applying them.
/// And `unit_roundoff` (`2^−p`) and `diverged` (1 when the 2022
/// algorithm, which scales safely, returned a non-finite value or drift).
public struct GivensWorkload: Workload {
    /// Nothing: the inputs are rounded into each cell's format and their
    /// exact rotations computed per cell.
    public struct Reference: Sendable {}

    /// The parsed parameters.
    struct Setup {
        var samples: Int
        /// nil for the format's full range, else `K` of `[−K, K]`.
        var halfRange: Double?
        var rotations: Int
        var dataSeed: UInt64

        init(_ values: ParameterValues) throws {
            samples = try values.int("samples", in: 1...10_000_000)
            rotations = try values.int("rotations", in: 0...100_000_000)
            let range = values.string("range").lowercased()
            if range == "full" {
                halfRange = nil
            } else if let k = Double(range), k.isFinite, k > 0 {
                halfRange = k
            } else {
                throw ParameterError("parameter range=\(values.string("range")) is not accepted; accepted: full, or a positive number K (log₂|f|, log₂|g| uniform in [−K, K])")
            }
            guard let seed = UInt64(values.string("data_seed")) else {
                throw ParameterError("parameter data_seed=\(values.string("data_seed")) is not an unsigned integer")
            }
            dataSeed = seed
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `givens`.
    public var name: String { "givens" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Givens rotations (naive, LAPACK 3.10, Pereira–Lotfi–Langou 2022): ulp errors, c²+s²−1, norm drift" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("samples", default: "10000", "number of random (f, g) pairs"),
            WorkloadParameter("range", default: "full",
                              "log₂|f|, log₂|g| uniform over the format's range (full) or over [−K, K] (a number K)"),
            WorkloadParameter("rotations", default: "5000", "rotations applied to v = (6, 8) for the norm drift (LAPACK issue #629: 5000)"),
            WorkloadParameter("data_seed", default: "1", "seed of the random inputs (the same for every cell)"),
        ]
    }

    /// Nothing to compute in binary64 ahead of the cells.
    public func reference(_ values: ParameterValues) throws -> Reference {
        _ = try Setup(values)
        return Reference()
    }

    /// The rotations in `precision` by every algorithm, measured against the exact rotations.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let format = precision.format
        let inputs = Self.inputs(setup, format: format)
        let out = precision.run(Rotations(f: inputs.f, g: inputs.g, driftF: inputs.driftF, driftG: inputs.driftG))
        let exact = zip(inputs.f, inputs.g).map { ExactGivensRotation(f: $0, g: $1) }
        let u = format.unitRoundoff

        var byName: [String: [Metric]] = [:]
        var diverged = 0.0
        for (a, algorithm) in GivensAlgorithm.allCases.enumerated() {
            let result = out[a]
            let tag = algorithm.rawValue
            var maxima = [0.0, 0.0, 0.0], sums = [0.0, 0.0, 0.0]
            var unitarityMax = 0.0, unitaritySum = 0.0
            var finite = 0
            for i in exact.indices {
                let computed = [result.c[i], result.s[i], result.r[i]]
                guard computed.allSatisfy(\.isFinite) else { continue }
                finite += 1
                let parts = [exact[i].c, exact[i].s, exact[i].r]
                for k in 0..<3 {
                    let e = format.ulpError(computed[k], exact: parts[k])
                    // `!(e <= max)` so that a NaN error is kept.
                    if !(e <= maxima[k]) { maxima[k] = e }
                    sums[k] += e
                }
                let delta = Self.unitarityDefect(c: computed[0], s: computed[1]) / u
                unitarityMax = Swift.max(unitarityMax, delta.magnitude)
                unitaritySum += delta
            }
            let n = Double(finite)
            let failures = Double(exact.count - finite) / Double(exact.count)
            let startNorm = Self.norm(result.start.x, result.start.y)
            let drift = (Self.norm(result.final.x, result.final.y) - startNorm).magnitude
            let exactApplyDrift = (startNorm * Foundation.expm1(result.halfLogScale)).magnitude
            let add = { (name: String, value: Double) in byName[name, default: []].append(Metric("\(name)_\(tag)", value)) }
            add("c_ulp_max", finite > 0 ? maxima[0] : .nan)
            add("s_ulp_max", finite > 0 ? maxima[1] : .nan)
            add("r_ulp_max", finite > 0 ? maxima[2] : .nan)
            add("c_ulp_mean", sums[0] / n)
            add("s_ulp_mean", sums[1] / n)
            add("r_ulp_mean", sums[2] / n)
            add("failure_rate", failures)
            add("unitarity_max", finite > 0 ? unitarityMax : .nan)
            add("unitarity_bias", unitaritySum / n)
            add("norm_drift", drift)
            add("norm_drift_exact_apply", exactApplyDrift)
            if algorithm == .pereiraLotfiLangou2022 && (failures > 0 || !drift.isFinite) { diverged = 1 }
        }
        let order = ["c_ulp_max", "s_ulp_max", "r_ulp_max", "c_ulp_mean", "s_ulp_mean", "r_ulp_mean", "failure_rate",
                     "unitarity_max", "unitarity_bias", "norm_drift", "norm_drift_exact_apply"]
        return order.flatMap { byName[$0] ?? [] } + [Metric("unit_roundoff", u), Metric("diverged", diverged)]
    }

    /// `c² + s² − 1` with the squares exact (double-double), rounded to binary64.
    static func unitarityDefect(c: Double, s: Double) -> Double {
        (DoubleDouble.product(c, c) + DoubleDouble.product(s, s) + DoubleDouble(-1)).value
    }

    /// `√(x² + y²)` accurate to binary64 (`hypot`).
    static func norm(_ x: Double, _ y: Double) -> Double { Foundation.hypot(x, y) }

    /// The sampled inputs, rounded to nearest into `format`.
    static func inputs(_ setup: Setup, format: FloatFormat) -> (f: [Double], g: [Double], driftF: [Double], driftG: [Double]) {
        let rounding = RoundingKernel(format: format, mode: .nearestEven)
        let lowest = Double(format.minExponent)
        let highest = Foundation.log2(format.greatestFiniteMagnitude) - 1
        var lo = lowest, hi = highest
        if let k = setup.halfRange { lo = Swift.max(-k, lowest); hi = Swift.min(k, highest) }
        if hi < lo { hi = lo }
        let samples = StochasticStream(seed: setup.dataSeed, stream: 0)
        func draw(_ index: Int) -> Double {
            let e = lo + (hi - lo) * samples.unitInterval(at: UInt64(2 * index))
            let negative = samples.unitInterval(at: UInt64(2 * index + 1)) < 0.5
            return rounding.round(negative ? -Foundation.exp2(e) : Foundation.exp2(e))
        }
        // Magnitudes of at least 2^emin never round to zero.
        let f = (0..<setup.samples).map { draw(2 * $0) }
        let g = (0..<setup.samples).map { draw(2 * $0 + 1) }
        let angles = StochasticStream(seed: setup.dataSeed, stream: 1)
        let driftF = (0..<setup.rotations).map { rounding.round(2 * angles.unitInterval(at: UInt64(2 * $0)) - 1) }
        let driftG = (0..<setup.rotations).map { rounding.round(2 * angles.unitInterval(at: UInt64(2 * $0 + 1)) - 1) }
        return (f, g, driftF, driftG)
    }

    /// Every algorithm on the samples and the drift test, in a scalar type.
    struct Rotations: ScalarComputation {
        let f: [Double], g: [Double], driftF: [Double], driftG: [Double]

        /// One algorithm's rotations and drift.
        struct AlgorithmRun {
            var c: [Double] = [], s: [Double] = [], r: [Double] = []
            var start = (x: 0.0, y: 0.0), final = (x: 0.0, y: 0.0)
            /// `Σₖ ½·log(cₖ² + sₖ²)` over the drift rotations.
            var halfLogScale = 0.0
        }

        /// One output per ``GivensAlgorithm`` case, in declaration order.
        func run<T: RealScalar>(_: T.Type) -> [AlgorithmRun] {
            GivensAlgorithm.allCases.map { algorithm in
                let generator = GivensGenerator<T>(algorithm)
                var out = AlgorithmRun()
                out.c.reserveCapacity(f.count); out.s.reserveCapacity(f.count); out.r.reserveCapacity(f.count)
                for i in f.indices {
                    let rotation = generator.rotation(f: T(f[i]), g: T(g[i]))
                    out.c.append(rotation.c.doubleValue)
                    out.s.append(rotation.s.doubleValue)
                    out.r.append(rotation.r.doubleValue)
                }
                var x = T(6), y = T(8)
                out.start = (x.doubleValue, y.doubleValue)
                for k in driftF.indices {
                    let rotation = generator.rotation(f: T(driftF[k]), g: T(driftG[k]))
                    (x, y) = rotation.apply(x, y)
                    let defect = GivensWorkload.unitarityDefect(c: rotation.c.doubleValue, s: rotation.s.doubleValue)
                    out.halfLogScale += 0.5 * Foundation.log1p(defect)
                }
                out.final = (x.doubleValue, y.doubleValue)
                return out
            }
        }
    }
}
