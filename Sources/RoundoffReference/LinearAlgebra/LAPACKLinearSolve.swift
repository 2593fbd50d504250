import CLAPACKE

/// The solution of a dense linear system `A·x = b` by LAPACKE's `dgesv`
/// (LU with partial pivoting, then two triangular solves, in binary64).
///
/// Backward stable: the computed `x̂` solves `(A + ΔA)x̂ = b` with
/// `|ΔA| ≤ γ_{3n}|L̂||Û|`, so its forward error is about `κ(A)·u₆₄` for a
/// well-behaved growth factor.
public enum LAPACKLinearSolve {
    /// `x` with `A·x = b` for the `n × n` column-major `a`, or nil when
    /// `dgesv` finds an exactly zero pivot (`info > 0`).
    /// - Precondition: `a.count == n·n`, `b.count == n`, `n ≥ 1`.
    public static func solve(_ a: [Double], order n: Int, _ b: [Double]) -> [Double]? {
        precondition(n >= 1 && a.count == n * n && b.count == n,
                     "LAPACKLinearSolve.solve: \(a.count) matrix and \(b.count) right-hand-side values for order \(n)")
        var lu = a, x = b
        var pivots = [Int32](repeating: 0, count: n)
        let ni = Int32(n)
        let info = LAPACKE_dgesv(LAPACK_COL_MAJOR, ni, 1, &lu, ni, &pivots, &x, ni)
        precondition(info >= 0, "dgesv rejected argument \(-info)")
        return info == 0 ? x : nil
    }
}
