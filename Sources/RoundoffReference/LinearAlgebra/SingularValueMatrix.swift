import COpenBLAS

/// Test matrices with prescribed singular values, `A = U·Σ·Vᵀ` with
/// Haar-random orthogonal `U` and `V` (``RandomOrthogonal``), multiplied by
/// OpenBLAS's `dgemm` in binary64. With ``RandomOrthogonal/geometricSpectrum(n:kappa:)``
/// as `Σ` this is LAPACK `dlatms`'s mode 3 with 2-norm condition number κ
/// (to binary64 round-off).
public enum SingularValueMatrix {
    /// The `m × n` column-major matrix `U·Σ·Vᵀ`, `m ≥ n = sigma.count`, with
    /// `U` from seed `2·seed` (`m × m`, first `n` columns used) and `V` from
    /// seed `2·seed + 1` (`n × n`), so different seeds share no factor.
    public static func make(singularValues sigma: [Double], rows m: Int, seed: UInt64) -> [Double] {
        let n = sigma.count
        precondition(n >= 1 && m >= n, "SingularValueMatrix.make needs m ≥ n ≥ 1 (got \(m) × \(n))")
        var u = RandomOrthogonal.matrix(n: m, seed: seed &* 2)
        let v = RandomOrthogonal.matrix(n: n, seed: seed &* 2 &+ 1)
        // U(:, j) ← σ_j·U(:, j) for the first n columns; A = U(:, 1:n)·Vᵀ.
        for j in 0..<n { for i in 0..<m { u[i + j * m] *= sigma[j] } }
        var a = [Double](repeating: 0, count: m * n)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(n),
                    1, u, Int32(m), v, Int32(n), 0, &a, Int32(m))
        return a
    }

}
