import Roundoff

/// The matrix–vector product `y = A·x` accumulated column by column,
/// `y ← fl(y + fl(A(:, j)·x_j))` for `j = 1…n`, entirely in the scalar type
/// `T`: each `y_i` is a recursive sum of rounded products, the setting of
/// Connolly, Higham & Mary (SISC 43(2) 2021, §5), where round-to-nearest
/// backward errors grow like `n·u` and stochastic rounding's like `√n·u`.
///
/// The accumulator takes one column at a time, so the matrix need never be
/// stored and the partial product after any number of columns can be read
/// (`y` after `k` columns is the product of the leading `m × k` block with
/// the leading `k` entries of `x`).
@frozen
public struct ColumnwiseMatVec<T: RealScalar> {
    /// The partial product: `Σ_{j<columns} A(:, j)·x_j`, accumulated in `T`.
    public var y: [T]
    /// The number of columns added so far.
    public var columns: Int

    /// An empty product with `rows` rows (`y = 0`).
    @inlinable
    public init(rows: Int) {
        precondition(rows >= 0, "rows must be nonnegative")
        y = [T](repeating: .zero, count: rows)
        columns = 0
    }

    /// Adds one column: `y_i ← fl(y_i + fl(a_i·x))` for every row `i`.
    /// - Precondition: `column.count == y.count`.
    @inlinable
    public mutating func add<C: RandomAccessCollection<T>>(column a: C, times x: T) where C.Index == Int {
        precondition(a.count == y.count, "column has \(a.count) entries, expected \(y.count)")
        let base = a.startIndex
        y.withUnsafeMutableBufferPointer { y in
            for i in 0..<y.count {
                y[i] = y[i] + a[base + i] * x
            }
        }
        columns += 1
    }

    /// `y = A·x` for a dense column-major `m × n` matrix (`a[i + j·m]` is
    /// `A(i, j)`), accumulated column by column.
    /// - Precondition: `a.count == rows · x.count`.
    @inlinable
    public static func product(_ a: [T], rows: Int, x: [T]) -> [T] {
        precondition(a.count == rows * x.count, "A has \(a.count) entries, expected \(rows)×\(x.count)")
        var p = ColumnwiseMatVec(rows: rows)
        a.withUnsafeBufferPointer { a in
            for j in x.indices {
                p.add(column: UnsafeBufferPointer(rebasing: a[(j * rows)..<((j + 1) * rows)]), times: x[j])
            }
        }
        return p.y
    }
}
