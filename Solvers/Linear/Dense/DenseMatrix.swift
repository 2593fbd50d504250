import Roundoff

/// A dense `rows × columns` matrix stored column by column: entry `(i, j)`
/// is `values[i + j·rows]` (LAPACK's layout with leading dimension `rows`),
/// so column-major data from LAPACKE can be rounded into it directly.
@frozen
public struct DenseMatrix<T: RealScalar> {
    /// The number of rows `m`.
    public let rows: Int
    /// The number of columns `n`.
    public let columns: Int
    /// The entries, column-major: `(i, j)` at `i + j·rows`.
    public var values: [T]

    /// A `rows × columns` matrix with every entry `value`.
    @inlinable
    public init(rows: Int, columns: Int, repeating value: T = .zero) {
        precondition(rows >= 0 && columns >= 0, "DenseMatrix needs nonnegative dimensions (got \(rows) × \(columns))")
        self.rows = rows
        self.columns = columns
        values = [T](repeating: value, count: rows * columns)
    }

    /// A matrix from column-major binary64 entries, each rounded into `T`
    /// (with `T`'s rounding mode).
    /// - Precondition: `values.count == rows · columns`.
    @inlinable
    public init(rows: Int, columns: Int, columnMajor values: [Double]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "DenseMatrix: \(values.count) values for a \(rows) × \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values.map { T($0) }
    }

    /// The `n × n` identity.
    @inlinable
    public static func identity(_ n: Int) -> DenseMatrix {
        var m = DenseMatrix(rows: n, columns: n)
        for i in 0..<n { m.values[i + i * n] = 1 }
        return m
    }

    /// Entry `(i, j)`, zero-based.
    @inlinable
    public subscript(i: Int, j: Int) -> T {
        get { values[i + j * rows] }
        set { values[i + j * rows] = newValue }
    }

    /// The entries as binary64, column-major (exact).
    @inlinable
    public var doubleValues: [Double] { values.map(\.doubleValue) }
}
