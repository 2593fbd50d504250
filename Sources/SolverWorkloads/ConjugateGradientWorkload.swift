import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// Conjugate gradient (``ConjugateGradient``) on a symmetric positive
/// definite system — by default the 2D Poisson model problem — with the
/// matrix and vectors stored in the cell's precision and the arithmetic in
/// the cell's precision or in `accumulation`, compared with the LAPACKE
/// solution: the residual history, the attainable accuracy (where the true
/// residual stagnates), the iterations to a tolerance, and the error.
///
/// Set-up (`studies.md`, "CG and SOR on the 2D Poisson model problem"):
/// the 5-point Laplacian on an `n × n` interior grid, `h = 1/(n+1)`, scaled
/// by `h²` (4 on the diagonal, −1 off it; ``LinearSystemChoice`` lists the
/// matrices and right-hand sides), `x₀ = 0`; in exact arithmetic
/// `‖x − x_k‖_A ≤ 2((√κ − 1)/(√κ + 1))^k·‖x‖_A`. The binary64 reference is
/// LAPACKE's `dpbsv` (band Cholesky) for the model problem and files,
/// `dposv` for the dense `spd` matrices. Comparing `rne` with `sr` in bf16
/// and fp16 is a new measurement (no canonical published table).
///
/// **Mixed precision.** The storage type is the cell's scalar; the
/// arithmetic (matrix–vector product, dot products, `α`, `β`, updates) is
/// in the cell's type (`accumulation=same`) or in `fp64`, `fp32`, `bf16`,
/// `fp16` rounded with the cell's mode (``AccumulationFormat``).
///
/// **Stopping.** The solver tests its own relative residual — the updated
/// one (`residual=updated`, standard CG) or `b − A·x` recomputed in the
/// working precision (`residual=computed`) — against `tol`, and stops on
/// stagnation (``ConvergenceMonitor``: the least residual did not halve in
/// `stagnation_window` iterations) or after `max_iterations`.
///
/// Metrics (relative residuals are `‖·‖₂/‖b‖₂`; true residuals and errors
/// are computed in binary64 from the iterate, against the binary64 `A`, `b`
/// and LAPACKE solution `x*`):
/// - `iterations`: iterations taken; `converged`, `stagnated`: 1 if the
///   solver stopped for that reason; `stop_reason`: 0 converged,
///   1 stagnated, 2 iteration limit, 3 breakdown (``StopReason``).
/// - `final_residual`: the solver's own relative residual at the end.
/// - `final_true_residual`: `‖b − A·x‖/‖b‖` of the final iterate.
/// - `attainable_accuracy`: the least true relative residual of any iterate.
/// - `iterations_to_tolerance`: the first iteration whose true relative
///   residual is ≤ `tol`; NaN if none.
/// - `final_error`: `‖x − x*‖₂/‖x*‖₂` of the final iterate;
///   `attainable_error`: the least of any iterate.
/// - `storage_residual`, `storage_error`: the true relative residual and the
///   relative error of `x*` itself rounded into the storage format with the
///   cell's mode — the floor that storing the answer sets. A residual is
///   dominated by the rough (high-frequency) part of the error, an error by
///   the smooth part, so the two can rank rounding modes differently.
/// - `reference_residual`: the true relative residual of `x*` itself.
/// - `condition_number`: `κ₂` of `A` (NaN when unknown, and with the Jacobi
///   preconditioner unless the diagonal is constant, as for the model problem).
/// - `bound_iterations`: the least `k` with `2((√κ − 1)/(√κ + 1))^k ≤ tol`.
/// - `diverged`.
/// - series over the iteration `k`, sampled every `⌈max_iterations/history_points⌉`
///   iterations and at the last: `residual` (the solver's), `true_residual`,
///   `error`, `error_a_norm` (`‖x_k − x*‖_A/‖x*‖_A`) and `cg_bound`
///   (`2((√κ − 1)/(√κ + 1))^k`, drawn as a reference line in the
///   `error_a_norm` figure).
public struct ConjugateGradientWorkload: Workload {
    /// The binary64 system and its LAPACKE solution.
    public typealias Reference = LinearSystem

    /// The parsed parameters.
    struct Setup {
        var system: LinearSystemChoice
        var stopping: IterationStopping
        var preconditioner: Preconditioner
        var monitored: MonitoredResidual
        var accumulation: AccumulationFormat
        var tolerance: Double { stopping.tolerance }
        var maxIterations: Int { stopping.maxIterations }
        var window: StagnationWindow { stopping.window }
        var historyPoints: Int { stopping.historyPoints }

        init(_ values: ParameterValues) throws {
            system = try LinearSystemChoice(values)
            stopping = try IterationStopping(values)
            guard let p = Preconditioner(rawValue: values.string("preconditioner").lowercased()) else {
                throw ParameterError("parameter preconditioner=\(values.string("preconditioner")) is not accepted; accepted: none, jacobi")
            }
            preconditioner = p
            guard let r = MonitoredResidual(rawValue: values.string("residual").lowercased()) else {
                throw ParameterError("parameter residual=\(values.string("residual")) is not accepted; accepted: updated, computed")
            }
            monitored = r
            accumulation = try AccumulationFormat(values)
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `cg`.
    public var name: String { "cg" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "conjugate gradient (mixed precision) on 2D Poisson / SPD / .mtx vs LAPACKE: residual history, attainable accuracy" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        LinearSystemChoice.parameters(defaultSize: 32) + [
            WorkloadParameter("preconditioner", default: "none", "none or jacobi (diagonal)"),
            WorkloadParameter("residual", default: "updated", "residual the solver tests: updated (recursive, standard) or computed (b − Ax each iteration)"),
            WorkloadParameter("accumulation", default: "same",
                              "arithmetic type (storage is the cell's): same, fp64, fp32, bf16, fp16 (cell's mode; rne or sr)"),
        ] + IterationStopping.parameters(maxIterations: 1000, unit: "iteration", autoRate: "the κ bound")
    }

    /// The binary64 system and its LAPACKE solution.
    public func reference(_ values: ParameterValues) throws -> Reference {
        try Setup(values).system.system()
    }

    /// The solve in `precision` and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        try setup.accumulation.check(mode: precision.mode, given: values.string("accumulation"))
        let kappa = Self.boundConditionNumber(reference, preconditioner: setup.preconditioner)
        let rate = Self.boundRate(kappa)
        let window = setup.window.resolved(rate: rate)
        let out = precision.run(Solve(setup: setup, system: reference, window: window, mode: precision.mode))
        let sample = out.history.sampledIterations(maxIterations: setup.maxIterations, points: setup.historyPoints)
        var metrics = out.history.metrics(tolerance: setup.tolerance, stop: out.stop, sample: sample, final: out.solution,
                                     storedSolution: out.storedSolution)
        let boundIterations = rate < 1 ? (log(setup.tolerance / 2) / log(rate)).rounded(.up) : .nan
        metrics.append(Metric("condition_number", kappa))
        metrics.append(Metric("bound_iterations", Swift.max(boundIterations, 0)))
        if kappa.isFinite {
            for k in sample {
                metrics.append(Metric("cg_bound", ConjugateGradient<CSRMatrix<Double>, Double>.errorBound(iterations: k, conditionNumber: kappa), x: Double(k)))
            }
        }
        return metrics
    }

    /// `κ₂` of the matrix the bound applies to: `A`, or `D⁻¹A` with the
    /// Jacobi preconditioner when the diagonal is constant (then the same);
    /// NaN otherwise.
    static func boundConditionNumber(_ system: LinearSystem, preconditioner: Preconditioner) -> Double {
        if preconditioner == .jacobi {
            let d = system.matrix.diagonal
            guard let first = d.first, d.allSatisfy({ $0 == first }) else { return .nan }
        }
        return system.conditionNumber
    }

    /// The factor `(√κ − 1)/(√κ + 1)` of the bound (NaN for unknown `κ`).
    static func boundRate(_ kappa: Double) -> Double {
        let s = kappa.squareRoot()
        return (s - 1) / (s + 1)
    }

    /// One solve.
    struct Solve: ScalarComputation, MixedPrecisionComputation {
        let setup: Setup
        let system: LinearSystem
        let window: Int
        let mode: RoundingMode

        struct Output {
            var history: IterationHistory
            var stop: StopReason
            var solution: [Double]
            /// `x*` rounded into the storage type (after the solve, so
            /// that it draws no stochastic bits the solve would have used).
            var storedSolution: [Double]
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            setup.accumulation.dispatch(T.self, mode: mode, self)
        }

        func run<Storage: RealScalar, Accumulator: RealScalar>(storage: Storage.Type, accumulator: Accumulator.Type) -> Output {
            system.withOperator(Storage.self, matrixFree: setup.system.matrixFree, Iterate<Accumulator>(solve: self))
        }
    }

    /// The iteration on a given matrix representation.
    struct Iterate<Accumulator: RealScalar>: OperatorComputation {
        let solve: Solve

        func run<Operator: LinearOperator>(_ matrix: Operator) -> Solve.Output {
            let setup = solve.setup
            var cg = ConjugateGradient<Operator, Accumulator>(
                matrix: matrix, rightHandSide: solve.system.rightHandSide,
                preconditioner: setup.preconditioner, monitoring: setup.monitored)
            var monitor = ConvergenceMonitor(tolerance: setup.tolerance, maxIterations: setup.maxIterations,
                                             stagnationWindow: solve.window)
            var history = IterationHistory(system: solve.system, measuresEnergyNorm: true)
            let stop = cg.solve(&monitor) { history.record(iterate: $0.solution, monitoredResidual: $0.relativeResidual) }
            let stored = solve.system.solution.map { Operator.Scalar($0).doubleValue }
            return Solve.Output(history: history, stop: stop, solution: cg.solution, storedSolution: stored)
        }
    }
}
