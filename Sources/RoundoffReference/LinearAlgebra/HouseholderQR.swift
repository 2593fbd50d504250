import CLAPACKE

/// `A = Q·R` by Householder reflections in binary64: LAPACKE's `dgeqrf`
/// (blocked Householder QR) and `dorgqr` (the explicit `Q`).
///
/// Backward stable (Higham, *Accuracy and Stability*, 2nd ed., §19.3):
/// `‖A − Q̂R̂‖_F ≲ n·γ̃_m·‖A‖_F` and `‖Q̂ᵀQ̂ − I‖ = O(m·u₆₄)`, in practice a
/// small multiple of `u₆₄`.
public enum HouseholderQR {
    /// The factors of the `m × n` column-major `a`, `m ≥ n ≥ 1`: `q` is
    /// `m × m` orthogonal, `r` is `m × n` upper triangular (exact zeros
    /// below the diagonal), both column-major.
    public static func factor(_ a: [Double], rows m: Int, columns n: Int) -> (q: [Double], r: [Double]) {
        precondition(m >= n && n >= 1 && a.count == m * n,
                     "HouseholderQR.factor needs m ≥ n ≥ 1 and m·n values (got \(m) × \(n), \(a.count) values)")
        // dgeqrf works on the first n columns of an m × m array, which
        // dorgqr then turns into the full Q.
        var work = [Double](repeating: 0, count: m * m)
        for k in 0..<(m * n) { work[k] = a[k] }
        var tau = [Double](repeating: 0, count: n)
        let mi = Int32(m)
        var info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, mi, Int32(n), &work, mi, &tau)
        precondition(info == 0, "dgeqrf failed (info \(info))")
        var r = [Double](repeating: 0, count: m * n)
        for j in 0..<n { for i in 0...j { r[i + j * m] = work[i + j * m] } }
        info = LAPACKE_dorgqr(LAPACK_COL_MAJOR, mi, mi, Int32(n), &work, mi, &tau)
        precondition(info == 0, "dorgqr failed (info \(info))")
        return (work, r)
    }
}
