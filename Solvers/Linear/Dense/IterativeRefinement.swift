import Roundoff

/// LU-based iterative refinement in three precisions (Carson & Higham,
/// SIAM J. Sci. Comput. 40(2) 2018, Algorithm 1.1 with LU as the solver):
/// `A` is factorised once in the factorisation precision `Factor` (`u_f`),
/// and from `x₀ = Û⁻¹L̂⁻¹Pb` each step
///
/// 1. computes the residual `r_i = b − A·x_i` in `Residual` (`u_r`),
/// 2. solves `A·d_i = r_i` with the `Factor` LU factors (`u_f`),
/// 3. updates `x_{i+1} = x_i + d_i` in `Working` (`u`).
///
/// `A` and `b` are stored in `Working` (rounded from binary64 with
/// `Working`'s mode), `A` is rounded again into `Factor` (with `Factor`'s
/// mode) for the factorisation. `Residual` must be at least as precise as `Working`, so
/// that `A`, `b` and `x_i` convert into it exactly; every conversion goes
/// through binary64 and is one rounding.
///
/// **Scaling.** A residual far below `Factor`'s range (binary16 underflows
/// below 6·10⁻⁸) would be flushed before it is solved for, so the
/// right-hand side of each solve — `b` for `x₀`, `r_i` after — is divided by
/// `σ = 2^⌊log₂ ‖r‖∞⌋` (exactly, in binary64) before it is rounded into
/// `Factor`, and the solution is multiplied by `σ` in binary64 (exactly) and
/// rounded once into `Working`. The power of two keeps the scaling itself
/// free of rounding, so only `Factor`'s own errors enter the correction.
///
/// **Stopping**, as LAPACK's mixed-precision `DSGESV`: after computing
/// `r_i`, the refinement stops when `‖r_i‖∞ ≤ tolerance·‖A‖∞·‖x_i‖∞`
/// (converged; `DSGESV` takes `tolerance = √n·u`, a backward error as small
/// as a backward-stable solve's, with `u` of the working precision; norms
/// of the `Residual` and `Working` values, in binary64), when `r_i` or `x_i`
/// is not finite, or after `maxIterations` corrections (`DSGESV`: 30). It
/// also stops, without applying it, at a correction no smaller than the one
/// before (`‖d_i‖∞ ≥ ‖d_{i−1}‖∞`, `i ≥ 1`): the iteration no longer
/// contracts, so it has reached its limiting accuracy or diverges
/// (`κ·u_f ≳ 1`), and further steps would only grow the error.
///
/// Theory (Carson & Higham's analysis): with `κ∞(A)·u_f`
/// sufficiently below 1 the forward error contracts by about `κ·u_f` per
/// step down to `≈ u + 4n·u_r·cond(A, x)`, and the normwise backward
/// error reaches `O(u)` when `u_r ≤ u`: binary16 factors suffice up to
/// `κ ≈ 10⁴`, bfloat16 up to `κ ≈ 10²`.
@frozen
public struct IterativeRefinement<Factor: RealScalar, Working: RealScalar, Residual: RealScalar> {
    /// `A` in the working precision.
    public let matrix: DenseMatrix<Working>
    /// The LU factors of `A` rounded into `Factor`.
    public let lu: LUFactorization<Factor>
    /// `A` in the residual precision (exact copy of ``matrix``).
    @usableFromInline let residualMatrix: DenseMatrix<Residual>
    /// `‖A‖∞` (max row sum of `|a_ij|`) of ``matrix``, in binary64.
    @usableFromInline let matrixNorm: Double

    /// Stores `a` (square, column-major binary64) in `Working` and `Residual`
    /// and factorises it in `Factor`.
    /// - Precondition: `a.count == n·n`.
    @inlinable
    public init(matrix a: [Double], order n: Int) {
        precondition(n >= 1 && a.count == n * n, "IterativeRefinement: \(a.count) values for an \(n) × \(n) matrix")
        let working = DenseMatrix<Working>(rows: n, columns: n, columnMajor: a)
        matrix = working
        residualMatrix = DenseMatrix<Residual>(rows: n, columns: n, columnMajor: working.doubleValues)
        lu = LUFactorization(DenseMatrix<Factor>(rows: n, columns: n, columnMajor: working.doubleValues))
        var norm = 0.0
        for i in 0..<n {
            var rowSum = 0.0
            for j in 0..<n { rowSum += working[i, j].doubleValue.magnitude }
            norm = Swift.max(norm, rowSum)
        }
        matrixNorm = norm
    }

    /// Solves `A·x = b` (see the type): `b` is rounded into `Working`;
    /// refinement stops at `‖r_i‖∞ ≤ tolerance·‖A‖∞·‖x_i‖∞` or after
    /// `maxIterations` corrections.
    /// - Precondition: `b.count == n`, `maxIterations ≥ 0`.
    @inlinable
    public func solve(_ b: [Double], tolerance: Double, maxIterations: Int) -> IterativeRefinementResult {
        let n = matrix.rows
        precondition(b.count == n && maxIterations >= 0, "IterativeRefinement.solve: \(b.count) entries for order \(n)")
        let bWorking = b.map { Working($0) }
        let bResidual = bWorking.map { Residual($0.doubleValue) }

        var x = correction(for: bResidual)
        var iterates = [x.map(\.doubleValue)]
        var backwardErrors: [Double] = []
        var previousCorrection = Double.infinity
        guard iterates[0].allSatisfy(\.isFinite) else {
            return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors, stop: .nonFinite)
        }
        while true {
            let r = residual(bResidual, x)
            let rNorm = r.reduce(0.0) { Swift.max($0, $1.doubleValue.magnitude) }
            let xNorm = x.reduce(0.0) { Swift.max($0, $1.doubleValue.magnitude) }
            let eta = rNorm / (matrixNorm * xNorm)
            backwardErrors.append(eta)
            if !rNorm.isFinite || !xNorm.isFinite { return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors, stop: .nonFinite) }
            if rNorm <= tolerance * matrixNorm * xNorm { return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors, stop: .converged) }
            if iterates.count > maxIterations {
                return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors, stop: .iterationLimit)
            }
            let d = correction(for: r)
            let dNorm = d.reduce(0.0) { Swift.max($0, $1.doubleValue.magnitude) }
            if iterates.count > 1 && !(dNorm < previousCorrection) {
                return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors,
                                                 stop: dNorm.isNaN ? .nonFinite : .noProgress)
            }
            previousCorrection = dNorm
            for i in 0..<n { x[i] = x[i] + d[i] }
            let next = x.map(\.doubleValue)
            iterates.append(next)
            if !next.allSatisfy(\.isFinite) {
                return IterativeRefinementResult(iterates: iterates, backwardErrors: backwardErrors, stop: .nonFinite)
            }
        }
    }

    /// `b − A·x` in `Residual`, accumulated column by column
    /// (`r_i ← fl(r_i − fl(a_ij·x_j))`).
    @inlinable
    func residual(_ b: [Residual], _ x: [Working]) -> [Residual] {
        let n = b.count
        var r = b
        residualMatrix.values.withUnsafeBufferPointer { a in
            r.withUnsafeMutableBufferPointer { r in
                for j in 0..<n {
                    let xj = Residual(x[j].doubleValue)
                    for i in 0..<n { r[i] = r[i] - a[i + j * n] * xj }
                }
            }
        }
        return r
    }

    /// The solution of `A·d = v` with the `Factor` LU factors, scaled by
    /// `σ = 2^⌊log₂ ‖v‖∞⌋` on the way in and out (see the type), in
    /// `Working`: zero for `v = 0`, NaN for a non-finite `v`.
    @inlinable
    func correction(for v: [Residual]) -> [Working] {
        let norm = v.reduce(0.0) { Swift.max($0, $1.doubleValue.magnitude) }
        guard norm > 0 else { return [Working](repeating: .zero, count: v.count) }
        guard norm.isFinite else { return [Working](repeating: Working(Double.nan), count: v.count) }
        let exponent = norm.exponent
        let down = Double(sign: .plus, exponent: -exponent, significand: 1)
        let up = Double(sign: .plus, exponent: exponent, significand: 1)
        let d = lu.solve(v.map { Factor($0.doubleValue * down) })
        return d.map { Working($0.doubleValue * up) }
    }
}

/// The iterates of an ``IterativeRefinement`` solve and how it ended.
public struct IterativeRefinementResult: Sendable {
    /// Why the refinement stopped.
    public enum Stop: Sendable, Equatable {
        /// `‖r_i‖∞ ≤ tolerance·‖A‖∞·‖x_i‖∞`.
        case converged
        /// `maxIterations` corrections were applied without converging.
        case iterationLimit
        /// A correction was no smaller than the previous one (not applied).
        case noProgress
        /// A residual, correction or iterate was ±∞ or NaN.
        case nonFinite
    }

    /// `x₀, x₁, …` as binary64 (exact values of `Working`).
    public var iterates: [[Double]]
    /// `‖r_i‖∞ / (‖A‖∞‖x_i‖∞)` of each iterate whose residual was computed,
    /// from the residual as the algorithm computed it.
    public var backwardErrors: [Double]
    /// The number of corrections applied (`iterates.count − 1`).
    public var iterations: Int { iterates.count - 1 }
    /// Why it stopped.
    public var stop: Stop

    /// A result from its parts.
    @inlinable
    public init(iterates: [[Double]], backwardErrors: [Double], stop: Stop) {
        self.iterates = iterates
        self.backwardErrors = backwardErrors
        self.stop = stop
    }
}
