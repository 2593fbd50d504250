import CLAPACKE

/// Eigenvalues of a dense symmetric matrix by LAPACKE's `dsyevd`, in
/// binary64: for the 2-norm condition number `κ₂ = λ_max/λ_min` of a
/// symmetric positive definite matrix, which bounds conjugate gradient's
/// convergence. Each computed eigenvalue is within `c·n·u·‖A‖₂` of an exact
/// one (`u = 2⁻⁵³`), so small eigenvalues have large relative errors when
/// `κ₂` approaches `1/u`.
public enum SymmetricEigenvalues {
    /// The eigenvalues in increasing order of the symmetric matrix `a` of
    /// order `n`, column-major (`a[i + j·n]`; the lower triangle is read).
    ///
    /// - Throws: ``PositiveDefiniteSolve/Failure`` (routine `dsyevd`) if LAPACK
    ///   reports a failure to converge.
    /// - Precondition: `a.count == n²`.
    public static func of(_ a: [Double], order n: Int) throws -> [Double] {
        precondition(a.count == n * n, "SymmetricEigenvalues.of: \(a.count) entries for a matrix of order \(n)")
        guard n > 0 else { return [] }
        var work = a
        var w = [Double](repeating: 0, count: n)
        let info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "L")), Int32(n), &work, Int32(n), &w)
        guard info == 0 else { throw PositiveDefiniteSolve.Failure(routine: "dsyevd", info: Int(info)) }
        return w
    }
}
