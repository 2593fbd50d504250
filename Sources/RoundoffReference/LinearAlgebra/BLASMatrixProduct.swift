import COpenBLAS

/// Matrix products by OpenBLAS's `dgemm`, in binary64: the reference for
/// emulated matrix products.
public enum BLASMatrixProduct {
    /// `C = op(A) · op(B)` for row-major operands, where `op` transposes when
    /// asked: `op(A)` is `m × k`, `op(B)` is `k × n`, and `C` is returned
    /// row-major `m × n`. `a` holds A as stored (`m × k`, or `k × m` when
    /// `transposeA`), likewise `b`.
    public static func product(
        _ a: [Double], _ b: [Double], m: Int, n: Int, k: Int,
        transposeA: Bool = false, transposeB: Bool = false
    ) -> [Double] {
        precondition(a.count == m * k && b.count == k * n, "BLASMatrixProduct: operand sizes do not match \(m) × \(k) · \(k) × \(n)")
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0 && n > 0 && k > 0 else { return c }
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
                    0, &c, Int32(n))
        return c
    }
}
