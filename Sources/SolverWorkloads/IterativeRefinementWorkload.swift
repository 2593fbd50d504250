import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// LU-based iterative refinement (``IterativeRefinement``) with the LU
/// factorisation and the correction solves in the cell's precision, the
/// residual and the update in higher precisions, on systems of chosen
/// condition number, against LAPACKE's binary64 `dgesv`.
///
/// Source: Carson & Higham, "Accelerating the solution of linear systems
/// by iterative refinement in three precisions", SISC 40(2) 2018: LU-IR
/// converges when `κ∞(A)·u_f` is sufficiently below 1 — binary16 factors up
/// to `κ ≈ 10⁴`, bfloat16 up to `κ ≈ 10²` — and then reaches the working
/// precision's accuracy.
///
/// **Precisions.** Factorisation `u_f`: the cell's format and mode.
/// Working `u` (`working`: `fp64` → `Double`, `fp32` → `Float`) and
/// residual `u_r` (`residual`: `fp64`, `fp32`, at least as precise as
/// `working`) use native round-to-nearest: the cell's mode applies to the
/// factorisation precision only.
///
/// **Systems.** For each `κ` in `kappa` (and for `history_kappa`), an
/// `n × n` matrix `A = U·Σ·Vᵀ` with Haar-random `U`, `V` and singular values
/// geometrically spaced from 1 to `1/κ` (``SingularValueMatrix``, seed
/// `matrix_seed`; κ₂(A) = κ), `b = A·x` for `x` uniform in `[−1, 1]`
/// (``StochasticStream`` of `matrix_seed`, product by OpenBLAS `dgemv`),
/// and the reference solution `x₆₄` of LAPACKE `dgesv`.
///
/// **Stopping**, as LAPACK's mixed-precision `DSGESV`: refinement stops
/// when `‖b − Ax_i‖∞ ≤ √n·u·‖A‖∞·‖x_i‖∞` (from the residual as computed in
/// `u_r`), i.e. when the iterate is as backward stable as a binary64 (or
/// binary32, for `working=fp32`) LU solve, or after `max_iterations`
/// corrections (`DSGESV`: 30), or at a correction no smaller than the one
/// before (no longer contracting), or on a non-finite value.
///
/// Metrics, series over κ (x = κ):
/// - `iterations`: corrections applied before the refinement stopped
///   (= steps to converge when `converged` is 1);
/// - `converged`: 1 if the stopping test was met (backward stable in the
///   working precision), else 0;
/// - `forward_error`: `‖x̂ − x₆₄‖∞ / ‖x₆₄‖∞` of the last iterate;
///   `initial_forward_error`: the same for `x₀`, the plain solve with the
///   low-precision factors;
/// - `backward_error`: `η = ‖b − Ax‖∞ / (‖A‖∞‖x‖∞)` of the last iterate
///   (the normwise backward error with perturbations in `A`, the quantity
///   the stopping test bounds), recomputed in binary64 with compensated
///   sums (``CompensatedSum``) from the binary64 `A` and `b`;
///   `backward_error_lapack`: the same for `x₆₄`.
/// Series over the refinement step for `history_kappa` (x = step i, 0 for `x₀`):
/// `history_forward_error`, `history_backward_error`.
/// And `unit_roundoff` (of the factorisation format) and `diverged`.
public struct IterativeRefinementWorkload: Workload {
    /// The systems and LAPACK's solutions.
    public struct Reference: Sendable {
        /// One system per κ of `kappa`, then one for `history_kappa`.
        public var systems: [System]
    }

    /// One test system.
    public struct System: Sendable {
        public var kappa: Double
        /// `A`, column-major, binary64.
        public var matrix: [Double]
        public var rhs: [Double]
        /// LAPACKE `dgesv`'s solution.
        public var solution: [Double]
        /// `η` of ``solution``.
        public var backwardError: Double
    }

    /// A precision of the refinement loop, dispatched to a native type.
    enum LoopPrecision: String {
        case fp64, fp32
        var unitRoundoff: Double { self == .fp64 ? 0x1p-53 : 0x1p-24 }
    }

    /// The parsed parameters.
    struct Setup {
        var n: Int
        var kappas: [Double]
        var historyKappa: Double
        var working: LoopPrecision
        var residual: LoopPrecision
        var maxIterations: Int
        var matrixSeed: UInt64

        init(_ values: ParameterValues) throws {
            n = try values.int("n", in: 1...2000)
            kappas = try values.string("kappa").split(separator: ",").map { part in
                let text = part.trimmingCharacters(in: .whitespaces)
                guard let k = Double(text), k.isFinite, k >= 1 else {
                    throw ParameterError("parameter kappa has '\(text)', not a number ≥ 1; accepted: a comma-separated list of condition numbers ≥ 1")
                }
                return k
            }
            guard !kappas.isEmpty else { throw ParameterError("parameter kappa is empty; accepted: a comma-separated list of condition numbers ≥ 1") }
            historyKappa = try values.double("history_kappa", in: 1...1e300)
            working = try Self.loopPrecision(values, "working")
            residual = try Self.loopPrecision(values, "residual")
            if residual.unitRoundoff > working.unitRoundoff {
                throw ParameterError("parameter residual=\(residual.rawValue) is less precise than working=\(working.rawValue); accepted: residual at least as precise as working (fp64 with fp32)")
            }
            maxIterations = try values.int("max_iterations", in: 0...10_000)
            guard let seed = UInt64(values.string("matrix_seed")) else {
                throw ParameterError("parameter matrix_seed=\(values.string("matrix_seed")) is not an unsigned integer")
            }
            matrixSeed = seed
        }

        static func loopPrecision(_ values: ParameterValues, _ name: String) throws -> LoopPrecision {
            let spec = values.string(name).lowercased()
            switch spec {
            case "fp64", "binary64": return .fp64
            case "fp32", "binary32": return .fp32
            default: throw ParameterError("parameter \(name)=\(values.string(name)) is not accepted; accepted: fp64, fp32")
            }
        }

        /// `DSGESV`'s stopping tolerance `√n·u` of the working precision.
        var tolerance: Double { Double(n).squareRoot() * working.unitRoundoff }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `ir`.
    public var name: String { "ir" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "LU iterative refinement (Carson–Higham): low-precision LU, binary64 residual; convergence vs κ" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("n", default: "100", "order of the systems"),
            WorkloadParameter("kappa", default: "1,1e1,1e2,1e3,1e4,1e5,1e6,1e7,1e8,1e9,1e10",
                              "2-norm condition numbers κ of the systems (comma-separated)"),
            WorkloadParameter("history_kappa", default: "1e3", "κ of the system whose per-step errors are recorded"),
            WorkloadParameter("working", default: "fp64", "working precision of x and the update: fp64, fp32 (round to nearest)"),
            WorkloadParameter("residual", default: "fp64", "precision of the residual b − Ax: fp64, fp32 (round to nearest)"),
            WorkloadParameter("max_iterations", default: "30", "most corrections applied"),
            WorkloadParameter("matrix_seed", default: "1", "seed of the random matrices and solutions"),
        ]
    }

    /// The systems and their LAPACKE `dgesv` solutions.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        let n = setup.n
        let stream = StochasticStream(seed: setup.matrixSeed, stream: 2)
        let x = (0..<n).map { 2 * stream.unitInterval(at: UInt64($0)) - 1 }
        var systems: [System] = []
        for kappa in setup.kappas + [setup.historyKappa] {
            let sigma = RandomOrthogonal.geometricSpectrum(n: n, kappa: kappa)
            let a = SingularValueMatrix.make(singularValues: sigma, rows: n, seed: setup.matrixSeed)
            let b = BLASMatrixVector.product(a, rows: n, x)
            guard let solution = LAPACKLinearSolve.solve(a, order: n, b) else {
                throw ParameterError("dgesv found the κ = \(kappa) matrix exactly singular; use smaller kappa values")
            }
            systems.append(System(kappa: kappa, matrix: a, rhs: b, solution: solution,
                                  backwardError: Self.backwardError(a, b, solution)))
        }
        return Reference(systems: systems)
    }

    /// The refinement in `precision` for every system, and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let results = precision.run(Refinements(setup: setup, systems: reference.systems))
        var metrics: [Metric] = []
        var finals: [Double] = []
        for (k, system) in reference.systems.enumerated() {
            let result = results[k]
            let last = result.iterates[result.iterates.count - 1]
            finals += last
            guard k < setup.kappas.count else {
                for (i, x) in result.iterates.enumerated() {
                    metrics.append(Metric("history_forward_error", Self.forwardError(x, system.solution), x: Double(i)))
                    metrics.append(Metric("history_backward_error", Self.backwardError(system.matrix, system.rhs, x), x: Double(i)))
                }
                continue
            }
            let kappa = system.kappa
            metrics.append(Metric("iterations", Double(result.iterations), x: kappa))
            metrics.append(Metric("converged", result.stop == .converged ? 1 : 0, x: kappa))
            metrics.append(Metric("forward_error", Self.forwardError(last, system.solution), x: kappa))
            metrics.append(Metric("initial_forward_error", Self.forwardError(result.iterates[0], system.solution), x: kappa))
            metrics.append(Metric("backward_error", Self.backwardError(system.matrix, system.rhs, last), x: kappa))
            metrics.append(Metric("backward_error_lapack", system.backwardError, x: kappa))
        }
        return metrics + [Metric("unit_roundoff", precision.format.unitRoundoff), Metric.diverged(finals)]
    }

    /// `‖x − y‖∞ / ‖y‖∞` (NaN if any entry of `x` is NaN).
    static func forwardError(_ x: [Double], _ y: [Double]) -> Double {
        var difference = 0.0, size = 0.0
        for i in x.indices {
            let d = (x[i] - y[i]).magnitude
            if !(d <= difference) { difference = d }
            size = Swift.max(size, y[i].magnitude)
        }
        return difference / size
    }

    /// `‖b − Ax‖∞ / (‖A‖∞‖x‖∞)` with each residual entry a compensated dot
    /// product (as if in twice binary64's precision).
    static func backwardError(_ a: [Double], _ b: [Double], _ x: [Double]) -> Double {
        let n = b.count
        var residual = 0.0, aNorm = 0.0
        for i in 0..<n {
            var s = CompensatedSum<Double>()
            s.add(b[i])
            var rowSum = 0.0
            for j in 0..<n {
                s.addProduct(-a[i + j * n], x[j])
                rowSum += a[i + j * n].magnitude
            }
            let r = s.sum.magnitude
            if !(r <= residual) { residual = r }
            aNorm = Swift.max(aNorm, rowSum)
        }
        let xNorm = x.reduce(0.0) { Swift.max($0, $1.magnitude) }
        return residual / (aNorm * xNorm)
    }

    /// Every system refined with the factorisation in a scalar type.
    struct Refinements: ScalarComputation {
        let setup: Setup
        let systems: [System]

        /// Dispatches the working and residual precisions (see the type).
        func run<T: RealScalar>(_: T.Type) -> [IterativeRefinementResult] {
            switch (setup.working, setup.residual) {
            case (.fp64, _): return refine(T.self, Double.self, Double.self)
            case (.fp32, .fp64): return refine(T.self, Float.self, Double.self)
            case (.fp32, .fp32): return refine(T.self, Float.self, Float.self)
            }
        }

        func refine<F: RealScalar, W: RealScalar, R: RealScalar>(_: F.Type, _: W.Type, _: R.Type)
            -> [IterativeRefinementResult] {
            systems.map { system in
                IterativeRefinement<F, W, R>(matrix: system.matrix, order: setup.n)
                    .solve(system.rhs, tolerance: setup.tolerance, maxIterations: setup.maxIterations)
            }
        }
    }
}
