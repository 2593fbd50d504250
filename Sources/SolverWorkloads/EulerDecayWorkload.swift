import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// Forward Euler on `y′ = −y/τ` (``ExponentialDecay``) for a list of step
/// counts, measured against the exact solution and the binary64 Euler run.
///
/// Set-ups as listed in `studies.md` for Croci, Fasi, Higham, Mary &
/// Mikaitis, "Stochastic rounding: implementation, error analysis and
/// applications", R. Soc. Open Sci. 9 (2022):
/// 1. `y′ = −y`, `y0 = 2^−6 = 0.015625`, `t ∈ [0, 1]`;
/// 2. `y′ = −y/20`, `y0 = 1`, `t ∈ [0, 2^−6]`.
/// The step is `h = t_end/n`, rounded into the format. With round-to-nearest
/// `y` stops changing once `h·y/τ` is below half the spacing of `y`, so the
/// error stops decreasing as `n` grows; with stochastic rounding it keeps
/// following the binary64 Euler error.
///
/// Metrics, each a series over the step counts (x = n):
/// - `error`: `|y_n − y(t_end)| / y(t_end)`, `y(t_end) = y0·exp(−t_end/τ)`.
/// - `error_vs_binary64`: `|y_n − y_n^{(64)}| / y_n^{(64)}` (binary64 Euler, same `n`).
/// - `stagnated`: 1 if `y` ended on a plateau that is stagnation by
///   ``StagnationEvidence``, else 0: for deterministic modes, if the last
///   step left `y` unchanged (it then stays so: `y` is a fixed point of
///   the rounded step); for stochastic ones, if the exact increments
///   `h·|y|/τ` over the final plateau add up to at least 20 spacings of `y`
///   toward zero.
/// And `unit_roundoff` (`2^−p`), `diverged`.
public struct EulerDecayWorkload: Workload {
    /// The binary64 Euler solutions, one per step count.
    public struct Reference: Sendable {
        /// The step counts `n`.
        public var steps: [Int]
        /// `y_n` from binary64 Euler.
        public var finals: [Double]
    }

    /// One of the two published set-ups.
    struct Setup {
        var y0: Double, tau: Double, tEnd: Double
        var exact: Double { y0 * exp(-tEnd / tau) }

        init(_ number: Int) throws {
            switch number {
            case 1: (y0, tau, tEnd) = (0x1p-6, 1, 1)
            case 2: (y0, tau, tEnd) = (1, 20, 0x1p-6)
            default: throw ParameterError("parameter setup=\(number) is not a set-up; accepted: 1 (y′ = −y, y0 = 2^−6, t ≤ 1), 2 (y′ = −y/20, y0 = 1, t ≤ 2^−6)")
            }
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `euler-decay`.
    public var name: String { "euler-decay" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "forward Euler on y′ = −y/τ: RN stagnates as h shrinks, SR keeps converging" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("setup", default: "1",
                              "1: y′ = −y, y0 = 2^−6, t ∈ [0, 1]; 2: y′ = −y/20, y0 = 1, t ∈ [0, 2^−6]"),
            WorkloadParameter("steps", default: "10,100,1000,10000,100000,1000000", "step counts n (comma-separated)"),
        ]
    }

    /// The binary64 Euler solution for each step count.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values.int("setup"))
        let steps = try values.ints("steps", in: 1...100_000_000)
        return Reference(steps: steps, finals: Integration(setup: setup, steps: steps).run(Double.self).finals)
    }

    /// The Euler solutions in `precision` for each step count, and their metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values.int("setup"))
        let r = precision.run(Integration(setup: setup, steps: reference.steps))
        let exact = setup.exact
        var metrics = [Metric("unit_roundoff", precision.format.unitRoundoff), Metric.diverged(r.finals)]
        for i in reference.steps.indices {
            let n = reference.steps[i], y = r.finals[i], y64 = reference.finals[i]
            metrics.append(Metric("error", abs(y - exact) / exact, x: Double(n)))
            metrics.append(Metric("error_vs_binary64", abs(y - y64) / abs(y64), x: Double(n)))
            let stalled = stagnated(y: y, plateau: n - r.lastChanges[i], h: setup.tEnd / Double(n), tau: setup.tau, precision: precision)
            metrics.append(Metric("stagnated", stalled ? 1 : 0, x: Double(n)))
        }
        return metrics
    }

    /// Whether a final plateau of `plateau` steps at `y` is stagnation by
    /// ``StagnationEvidence`` — for stochastic modes, whether its exact
    /// increments `h·|y|/τ` weigh at least `threshold` spacings of `y`
    /// toward zero.
    func stagnated(y: Double, plateau: Int, h: Double, tau: Double, precision: Precision) -> Bool {
        StagnationEvidence.isStagnation(steps: plateau, mode: precision.mode) {
            Double(plateau) * h * abs(y) / tau / precision.format.spacingTowardZero(at: y)
        }
    }

    /// Euler runs for each step count, in a scalar type.
    struct Integration: ScalarComputation {
        let setup: Setup
        let steps: [Int]

        struct Output {
            var finals: [Double]
            var lastChanges: [Int]
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            var out = Output(finals: [], lastChanges: [])
            for n in steps {
                var decay = ExponentialDecay<T>(y0: setup.y0, tau: setup.tau, h: setup.tEnd / Double(n))
                decay.run(steps: n)
                out.finals.append(decay.y.doubleValue)
                out.lastChanges.append(decay.lastChange)
            }
            return out
        }
    }
}
