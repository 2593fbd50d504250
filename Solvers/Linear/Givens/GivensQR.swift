import Roundoff

/// `A = Q·R` for an `m × n` matrix by Givens rotations in `T`, with `Q`
/// (`m × m`) accumulated explicitly.
///
/// Column `j = 0…min(m−1, n)−1` is reduced bottom-up: for `i = m−1` down to
/// `j+1` a rotation `G` from ``GivensGenerator`` with `f = R(i−1, j)`,
/// `g = R(i, j)` sets `R(i−1, j) = r`, `R(i, j) = 0` and rotates rows
/// `i−1, i` of the remaining columns `k > j` by ``GivensRotation/apply(_:_:)``;
/// `Q ← Q·Gᵀ` rotates columns `i−1, i` of `Q` by the same formula
/// (starting from `Q = I`). Every operation is rounded in `T`.
///
/// Backward error (Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., §19.6): `R̂ = Qᵀ(A + ΔA)` for an exactly orthogonal `Q` with
/// `‖Δa_j‖₂ ≤ γ̃_{m+n−2}·‖a_j‖₂` per column, and the accumulated `Q̂` is
/// orthogonal to `O((m+n)·u)`; in practice both are nearer `√(m+n)·u`.
@frozen
public struct GivensQR<T: RealScalar> {
    /// The accumulated orthogonal factor, `m × m`.
    public var q: DenseMatrix<T>
    /// The upper-triangular factor, `m × n` (exact zeros below the diagonal).
    public var r: DenseMatrix<T>

    /// Factors `a` with rotations from `algorithm`.
    @inlinable
    public init(_ a: DenseMatrix<T>, algorithm: GivensAlgorithm) {
        let m = a.rows, n = a.columns
        let generator = GivensGenerator<T>(algorithm)
        var rv = a.values
        var qv = DenseMatrix<T>.identity(m).values
        rv.withUnsafeMutableBufferPointer { r in
            qv.withUnsafeMutableBufferPointer { q in
                for j in 0..<Swift.max(0, Swift.min(m - 1, n)) {
                    for i in stride(from: m - 1, to: j, by: -1) {
                        let p = i - 1
                        let g = generator.rotation(f: r[p + j * m], g: r[i + j * m])
                        r[p + j * m] = g.r
                        r[i + j * m] = .zero
                        for k in (j + 1)..<n {
                            (r[p + k * m], r[i + k * m]) = g.apply(r[p + k * m], r[i + k * m])
                        }
                        for k in 0..<m {
                            (q[k + p * m], q[k + i * m]) = g.apply(q[k + p * m], q[k + i * m])
                        }
                    }
                }
            }
        }
        q = DenseMatrix(rows: m, columns: m)
        q.values = qv
        r = DenseMatrix(rows: m, columns: n)
        r.values = rv
    }
}
