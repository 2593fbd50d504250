import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// One revolution of forward Euler on `u′ = v`, `v′ = −u` from `(1, 0)`
/// (``UnitCircleEuler``) with `h = 2π/N`, for a list of `N`, measured
/// against the binary64 Euler orbit.
///
/// Source: Fasi & Mikaitis, IEEE TETC 2021, §VIII-C (also Croci et al.,
/// R. Soc. Open Sci. 2022); per `studies.md`, bfloat16 with `N ∈ {32, 512, 2048, 8192}` and
/// binary16 with `N ∈ {32, 512, 16384, 65536}` (the default is the union).
/// With round-to-nearest the increments `h·v` and then `h·u` are absorbed
/// and the orbit degenerates; stochastic rounding tracks binary64.
///
/// Metrics, each a series over `N` (x = N):
/// - `radius_error`: `|√(u_N² + v_N²) − r_N^{(64)}|`, with `r^{(64)}` the
///   binary64 Euler radius (≈ `(1 + h²)^{N/2}`).
/// - `position_error`: `‖(u_N, v_N) − (u_N, v_N)^{(64)}‖₂`.
/// - `radius`: `√(u_N² + v_N²)`.
/// And `diverged`.
public struct UnitCircleWorkload: Workload {
    /// The binary64 Euler end points, one per `N`.
    public struct Reference: Sendable {
        /// The step counts `N`.
        public var steps: [Int]
        /// `(u_N, v_N)` in binary64.
        public var u: [Double], v: [Double]
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `unit-circle`.
    public var name: String { "unit-circle" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "forward Euler on the unit circle, h = 2π/N: RN collapses, SR tracks binary64" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [WorkloadParameter("n", default: "32,512,2048,8192,16384,65536", "steps per revolution N (comma-separated)")]
    }

    /// The binary64 Euler end point for each `N`.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let steps = try values.ints("n", in: 1...100_000_000)
        let r = Revolution(steps: steps).run(Double.self)
        return Reference(steps: steps, u: r.u, v: r.v)
    }

    /// The end points in `precision` for each `N`, and their metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let r = precision.run(Revolution(steps: reference.steps))
        var metrics = [Metric.diverged(r.u + r.v)]
        for i in reference.steps.indices {
            let n = Double(reference.steps[i])
            let radius = (r.u[i] * r.u[i] + r.v[i] * r.v[i]).squareRoot()
            let radius64 = (reference.u[i] * reference.u[i] + reference.v[i] * reference.v[i]).squareRoot()
            let du = r.u[i] - reference.u[i], dv = r.v[i] - reference.v[i]
            metrics.append(Metric("radius_error", abs(radius - radius64), x: n))
            metrics.append(Metric("position_error", (du * du + dv * dv).squareRoot(), x: n))
            metrics.append(Metric("radius", radius, x: n))
        }
        return metrics
    }

    /// One revolution per `N`, in a scalar type.
    struct Revolution: ScalarComputation {
        let steps: [Int]

        func run<T: RealScalar>(_: T.Type) -> (u: [Double], v: [Double]) {
            var u: [Double] = [], v: [Double] = []
            for n in steps {
                var orbit = UnitCircleEuler<T>(h: 2 * Double.pi / Double(n))
                orbit.run(steps: n)
                u.append(orbit.u.doubleValue)
                v.append(orbit.v.doubleValue)
            }
            return (u, v)
        }
    }
}
