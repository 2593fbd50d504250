import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// Jacobi, Gauss–Seidel and SOR (``StationaryIteration``) on a symmetric
/// positive definite system — by default the 2D Poisson model problem —
/// entirely in the cell's precision, compared with the LAPACKE solution
/// and with the classical convergence theory: the residual history, the
/// convergence factor per iteration, the attainable accuracy and the
/// iterations to a tolerance.
///
/// Set-up (`studies.md`, "CG and SOR on the 2D Poisson model problem"):
/// the 5-point Laplacian on an `n × n` interior grid, `h = 1/(n+1)`,
/// scaled by `h²` (``LinearSystemChoice`` lists the matrices and
/// right-hand sides), `x₀ = 0`, natural (row-by-row) ordering. The
/// spectral radius of the iteration is `cos πh` (Jacobi), `cos² πh`
/// (Gauss–Seidel) and, for SOR, `ω_opt − 1` with `ω_opt = 2/(1 + sin πh)`
/// (Young's formula for other `ω`; ``PoissonModelProblem``). `omega=opt`
/// (the default) is `ω_opt`, defined for the model problem only. The
/// binary64 reference is LAPACKE's `dpbsv` (or `dposv` for `spd`).
///
/// **Stopping.** After every sweep the solver computes `b − A·x` in the
/// cell's precision and stops when its relative norm is ≤ `tol`, on
/// stagnation (``ConvergenceMonitor``: the least residual did not halve in
/// `stagnation_window` sweeps; `auto` = 5× the theoretical halving time,
/// ≥ 50, or 500 when the rate is unknown) or after `max_iterations`.
///
/// Metrics: those of ``ConjugateGradientWorkload`` except
/// `condition_number`, `bound_iterations`, `error_a_norm` and `cg_bound`,
/// and:
/// - `omega`: the relaxation factor used (1 for Gauss–Seidel, 0 for Jacobi).
/// - `spectral_radius`: the theoretical convergence factor `ρ` (model
///   problem only; NaN otherwise).
/// - `theory_iterations`: the sweeps the factor `ρ` needs to reduce the
///   residual to `tol`: `⌈ln tol/ln ρ⌉`, except for SOR at `ω_opt`
///   (`omega=opt`), where the iteration matrix has a 2 × 2 Jordan block for
///   the eigenvalue `ω_opt − 1` and the error falls like `k·ρ^{k−1}`
///   (Varga, §4.3): the least `k` with `k·ρ^{k−1} ≤ tol` (≈ 20 % more
///   sweeps at n = 16…128). NaN when `ρ` is unknown.
/// - `convergence_factor`: the measured factor per sweep,
///   `(t_k/t_j)^{1/(k−j)}` with `t` the true relative residual, `k` the
///   sweep of its least value and `j = ⌊k/2⌋` (the second half of the
///   converging part, past the start-up transient); NaN if `k < 2`.
/// - series `spectral_bound`: `ρ^k` (`k·ρ^{k−1}` for SOR at `ω_opt`, 1 at
///   `k = 0`), drawn as a reference line in the `residual` and
///   `true_residual` figures (model problem only).
public struct StationaryIterationWorkload: Workload {
    /// The binary64 system and its LAPACKE solution.
    public typealias Reference = LinearSystem

    /// The parsed parameters.
    struct Setup {
        var system: LinearSystemChoice
        var method: StationaryMethod
        var stopping: IterationStopping
        var tolerance: Double { stopping.tolerance }
        var maxIterations: Int { stopping.maxIterations }
        var window: StagnationWindow { stopping.window }
        var historyPoints: Int { stopping.historyPoints }

        init(_ values: ParameterValues) throws {
            system = try LinearSystemChoice(values)
            stopping = try IterationStopping(values)
            let methodName = values.string("method").lowercased()
            switch methodName {
            case "jacobi": method = .jacobi
            case "gauss-seidel", "gs": method = .gaussSeidel
            case "sor":
                let text = values.string("omega").lowercased()
                if text == "opt" {
                    guard let n = system.gridSize else {
                        throw ParameterError("parameter omega=opt is defined for matrix=poisson only; give a number in (0, 2)")
                    }
                    method = .sor(omega: PoissonModelProblem.optimalOmega(gridSize: n))
                } else {
                    guard let w = Double(text), w > 0, w < 2 else {
                        throw ParameterError("parameter omega=\(text) is not accepted; accepted: opt or a number in (0, 2)")
                    }
                    method = .sor(omega: w)
                }
            default:
                throw ParameterError("parameter method=\(methodName) is not accepted; accepted: jacobi, gauss-seidel, sor")
            }
        }

        /// The theoretical convergence factor (model problem only; NaN otherwise).
        var spectralRadius: Double {
            guard let n = system.gridSize else { return .nan }
            switch method {
            case .jacobi: return PoissonModelProblem.jacobiSpectralRadius(gridSize: n)
            case .gaussSeidel: return PoissonModelProblem.gaussSeidelSpectralRadius(gridSize: n)
            case .sor(let w): return PoissonModelProblem.sorSpectralRadius(omega: w, gridSize: n)
            }
        }

        var omega: Double {
            switch method {
            case .jacobi: 0
            case .gaussSeidel: 1
            case .sor(let w): w
            }
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `sor`.
    public var name: String { "sor" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Jacobi / Gauss–Seidel / SOR (ω_opt) on 2D Poisson vs LAPACKE: residual history, rate vs theory" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        LinearSystemChoice.parameters(defaultSize: 32) + [
            WorkloadParameter("method", default: "sor", "jacobi, gauss-seidel or sor"),
            WorkloadParameter("omega", default: "opt", "SOR relaxation factor in (0, 2); opt = 2/(1 + sin πh) (poisson only)"),
        ] + IterationStopping.parameters(maxIterations: 5000, unit: "sweep", autoRate: "the theoretical rate")
    }

    /// The binary64 system and its LAPACKE solution.
    public func reference(_ values: ParameterValues) throws -> Reference {
        try Setup(values).system.system()
    }

    /// The solve in `precision` and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let rho = setup.spectralRadius
        let window = setup.window.resolved(rate: rho)
        let out = precision.run(Solve(setup: setup, system: reference, window: window))
        let history = out.history
        let sample = history.sampledIterations(maxIterations: setup.maxIterations, points: setup.historyPoints)
        var metrics = history.metrics(tolerance: setup.tolerance, stop: out.stop, sample: sample, final: out.solution,
                                     storedSolution: out.storedSolution)
        metrics.append(Metric("omega", setup.omega))
        metrics.append(Metric("spectral_radius", rho))
        metrics.append(Metric("theory_iterations", Self.theoryIterations(setup: setup, rate: rho)))
        metrics.append(Metric("convergence_factor", Self.convergenceFactor(history.trueResidual)))
        if rho.isFinite {
            let jordan = Self.hasJordanBlock(setup)
            for k in sample {
                let bound = jordan && k > 0 ? Double(k) * pow(rho, Double(k - 1)) : pow(rho, Double(k))
                metrics.append(Metric("spectral_bound", bound, x: Double(k)))
            }
        }
        return metrics
    }

    /// The sweeps the theoretical factor `ρ` needs to bring the residual to
    /// `tol`: the least `k` with `ρ^k ≤ tol`, or with `k·ρ^{k−1} ≤ tol` for
    /// SOR at `ω_opt` (see the type); NaN when `ρ` is unknown.
    static func theoryIterations(setup: Setup, rate rho: Double) -> Double {
        guard rho > 0 && rho < 1 else { return rho == 0 ? 1 : .nan }
        let plain = (log(setup.tolerance) / log(rho)).rounded(.up)
        guard hasJordanBlock(setup) else { return Swift.max(plain, 0) }
        // k·ρ^{k−1} decreases for k > 1/(−ln ρ); step from the plain count.
        var k = Swift.max(plain, 1)
        while k * pow(rho, k - 1) > setup.tolerance { k += 1 }
        return k
    }

    /// Whether the method is SOR at `ω_opt` on the model problem.
    static func hasJordanBlock(_ setup: Setup) -> Bool {
        guard case .sor(let w) = setup.method, let n = setup.system.gridSize else { return false }
        return w == PoissonModelProblem.optimalOmega(gridSize: n)
    }

    /// `(t_k/t_j)^{1/(k−j)}` with `k` the index of the least value of `t`
    /// and `j = ⌊k/2⌋`; NaN if `k < 2` (see the type).
    static func convergenceFactor(_ t: [Double]) -> Double {
        guard let least = t.indices.filter({ !t[$0].isNaN }).min(by: { t[$0] < t[$1] }), least >= 2 else { return .nan }
        let j = least / 2
        return pow(t[least] / t[j], 1 / Double(least - j))
    }

    /// One solve.
    struct Solve: ScalarComputation {
        let setup: Setup
        let system: LinearSystem
        let window: Int

        struct Output {
            var history: IterationHistory
            var stop: StopReason
            var solution: [Double]
            /// `x*` rounded into the storage type (after the solve, so
            /// that it draws no stochastic bits the solve would have used).
            var storedSolution: [Double]
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            system.withOperator(T.self, matrixFree: setup.system.matrixFree, Iterate(solve: self))
        }
    }

    /// The iteration on a given matrix representation.
    struct Iterate: OperatorComputation {
        let solve: Solve

        func run<Operator: LinearOperator>(_ matrix: Operator) -> Solve.Output {
            let setup = solve.setup
            var iteration = StationaryIteration(matrix: matrix, rightHandSide: solve.system.rightHandSide, method: setup.method)
            var monitor = ConvergenceMonitor(tolerance: setup.tolerance, maxIterations: setup.maxIterations,
                                             stagnationWindow: solve.window)
            var history = IterationHistory(system: solve.system, measuresEnergyNorm: false)
            let stop = iteration.solve(&monitor) { history.record(iterate: $0.solution, monitoredResidual: $0.relativeResidual) }
            let stored = solve.system.solution.map { Operator.Scalar($0).doubleValue }
            return Solve.Output(history: history, stop: stop, solution: iteration.solution, storedSolution: stored)
        }
    }
}
