import Roundoff

/// `P·A = L·U` by right-looking Gaussian elimination with partial
/// pivoting, every operation rounded in `T` (the order of LAPACK's
/// unblocked `xGETF2`, but dividing by the pivot where `xGETF2` multiplies
/// by its reciprocal).
///
/// At step `k = 0…n−2` the pivot is the first row `p ≥ k` of largest
/// `|a_pk|` (as `idamax` chooses); rows `k` and `p` are swapped across the
/// whole matrix; the multipliers are `l_ik = fl(a_ik / a_kk)` and the
/// trailing block is updated as `a_ij ← fl(a_ij − fl(l_ik·a_kj))` (two
/// roundings, no fused multiply–add), column by column. `L` (unit lower,
/// below the diagonal) and `U` (upper, with the diagonal) overwrite the
/// copy of `A`. A zero pivot leaves its column unreduced and sets
/// ``isSingular``; solving with such factors divides by zero, so the
/// solution is ±∞ or NaN rather than a trap.
///
/// Backward error (Higham, *Accuracy and Stability*, Thm. 9.3 and 9.4):
/// the computed factors satisfy `L̂Û = P(A + ΔA)` with
/// `|ΔA| ≤ γ_n·|L̂||Û|`, `γ_n = n·u/(1 − n·u)`, and a solve gives
/// `(A + ΔA)x̂ = b` with `|ΔA| ≤ γ_{3n}·Pᵀ|L̂||Û|` (u of `T`).
@frozen
public struct LUFactorization<T: RealScalar> {
    /// `L` strictly below the diagonal (unit diagonal implied) and `U` on and above it.
    public var factors: DenseMatrix<T>
    /// `pivots[k]` is the row swapped with row `k` at step `k`.
    public var pivots: [Int]
    /// Whether some pivot was exactly zero (the factors do not define a solve).
    public var isSingular: Bool

    /// Factors the square matrix `a`.
    /// - Precondition: `a.rows == a.columns`.
    @inlinable
    public init(_ a: DenseMatrix<T>) {
        precondition(a.rows == a.columns, "LU needs a square matrix (got \(a.rows) × \(a.columns))")
        let n = a.rows
        var values = a.values
        var pivots = Array(0..<n)
        var singular = false
        values.withUnsafeMutableBufferPointer { m in
            for k in 0..<n {
                var p = k
                var largest = m[k + k * n].magnitude
                for i in (k + 1)..<n where m[i + k * n].magnitude > largest {
                    largest = m[i + k * n].magnitude
                    p = i
                }
                pivots[k] = p
                if p != k {
                    for j in 0..<n { m.swapAt(k + j * n, p + j * n) }
                }
                let pivot = m[k + k * n]
                // A NaN pivot (from overflowed data) is not zero: it is
                // reduced like any other and its NaN propagates.
                if pivot == 0 { singular = true; continue }
                for i in (k + 1)..<n { m[i + k * n] = m[i + k * n] / pivot }
                for j in (k + 1)..<n {
                    let akj = m[k + j * n]
                    for i in (k + 1)..<n { m[i + j * n] = m[i + j * n] - m[i + k * n] * akj }
                }
            }
        }
        factors = DenseMatrix(rows: n, columns: n)
        factors.values = values
        self.pivots = pivots
        isSingular = singular
    }

    /// The order `n`.
    @inlinable public var order: Int { factors.rows }

    /// Solves `A·x = b` with the factors: `b` permuted by the pivots, then
    /// `L·y = Pb` by forward substitution (`y_i = fl(y_i − fl(l_ij·y_j))`
    /// column by column) and `U·x = y` by back substitution
    /// (`x_j = fl(y_j / u_jj)`, then `y_i ← fl(y_i − fl(u_ij·x_j))`), all in `T`.
    /// - Precondition: `b.count == order`.
    @inlinable
    public func solve(_ b: [T]) -> [T] {
        let n = order
        precondition(b.count == n, "right-hand side has \(b.count) entries, expected \(n)")
        var x = b
        for k in 0..<n where pivots[k] != k { x.swapAt(k, pivots[k]) }
        factors.values.withUnsafeBufferPointer { m in
            x.withUnsafeMutableBufferPointer { x in
                for j in 0..<n {
                    let xj = x[j]
                    for i in (j + 1)..<n { x[i] = x[i] - m[i + j * n] * xj }
                }
                for j in stride(from: n - 1, through: 0, by: -1) {
                    let xj = x[j] / m[j + j * n]
                    x[j] = xj
                    for i in 0..<j { x[i] = x[i] - m[i + j * n] * xj }
                }
            }
        }
        return x
    }
}
