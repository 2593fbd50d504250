import COpenBLAS

/// Matrix–vector products by OpenBLAS's `dgemv`, in binary64.
public enum BLASMatrixVector {
    /// `A·x` for the `m × n` column-major `a` (`n = x.count`).
    public static func product(_ a: [Double], rows m: Int, _ x: [Double]) -> [Double] {
        let n = x.count
        precondition(m >= 1 && a.count == m * n, "BLASMatrixVector.product: \(a.count) values for \(m) × \(n)")
        var y = [Double](repeating: 0, count: m)
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(m), Int32(n), 1, a, Int32(m), x, 1, 0, &y, 1)
        return y
    }
}
