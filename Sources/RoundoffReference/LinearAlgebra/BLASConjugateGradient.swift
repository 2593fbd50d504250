import COpenBLAS

/// Unpreconditioned conjugate gradient in binary64 with OpenBLAS for the
/// vector operations (`cblas_ddot`, `cblas_daxpy`, `cblas_daxpby`) and a
/// plain compressed-sparse-row product for `A·p` (BLAS has no sparse
/// matrix–vector product): the tuned baseline that the speed of the generic
/// solver in binary64 is measured against (`precision-sweep bench`). It is
/// not a reference solution; those come from ``PositiveDefiniteSolve``.
///
/// The recurrences are those of the generic solver: from `x₀ = 0`,
/// `r₀ = p₀ = b`, `ρ₀ = bᵀb`; `q = A·p`, `α = ρ/(pᵀq)`, `x += α·p`,
/// `r −= α·q`, `ρ' = rᵀr`, `p = r + (ρ'/ρ)·p`. OpenBLAS may sum dot
/// products in another order (blocked, vectorised) than the generic
/// solver, so iterates agree to rounding error, not to the bit.
///
/// OpenBLAS may run the vector operations on several threads; call
/// ``singleThreaded()`` first for single-thread timings.
public enum BLASConjugateGradient {
    /// The result of ``solve(rowStart:columns:values:rightHandSide:maxIterations:tolerance:)``.
    public struct Result: Sendable {
        /// The last iterate.
        public var x: [Double]
        /// The iterations taken.
        public var iterations: Int
        /// `√(rᵀr)/√(bᵀb)` of the updated residual at the start and after each iteration.
        public var relativeResiduals: [Double]
    }

    /// Limits OpenBLAS to one thread (process-wide).
    public static func singleThreaded() { openblas_set_num_threads(1) }

    /// Runs CG on the CSR matrix (0-based, order `n = b.count`) until
    /// `√(rᵀr) ≤ tolerance·√(bᵀb)`, `maxIterations` steps, or a curvature
    /// `pᵀAp` that is not positive.
    public static func solve(rowStart: [Int], columns: [Int], values: [Double], rightHandSide b: [Double],
                             maxIterations: Int, tolerance: Double = 0) -> Result {
        let n = b.count
        precondition(rowStart.count == n + 1 && rowStart[n] == values.count && columns.count == values.count,
                     "BLASConjugateGradient: CSR arrays do not describe a matrix of order \(n)")
        let m = Int32(n)
        var x = [Double](repeating: 0, count: n), r = b, p = b, q = [Double](repeating: 0, count: n)
        let bb = cblas_ddot(m, b, 1, b, 1)
        var rho = bb
        var residuals = [bb == 0 ? 0 : 1.0]
        var k = 0
        while k < maxIterations && (rho / bb).squareRoot() > tolerance {
            rowStart.withUnsafeBufferPointer { start in
                columns.withUnsafeBufferPointer { col in
                    values.withUnsafeBufferPointer { a in
                        p.withUnsafeBufferPointer { p in
                            q.withUnsafeMutableBufferPointer { q in
                                for i in 0..<n {
                                    var s = 0.0
                                    for j in start[i]..<start[i + 1] { s += a[j] * p[col[j]] }
                                    q[i] = s
                                }
                            }
                        }
                    }
                }
            }
            let pq = cblas_ddot(m, p, 1, q, 1)
            guard pq > 0 else { break }
            let alpha = rho / pq
            cblas_daxpy(m, alpha, p, 1, &x, 1)
            cblas_daxpy(m, -alpha, q, 1, &r, 1)
            let next = cblas_ddot(m, r, 1, r, 1)
            cblas_daxpby(m, 1, r, 1, next / rho, &p, 1)
            rho = next
            k += 1
            residuals.append((rho / bb).squareRoot())
        }
        return Result(x: x, iterations: k, relativeResiduals: residuals)
    }
}
