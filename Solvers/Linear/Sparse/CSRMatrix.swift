import Roundoff

/// A sparse matrix in compressed sparse row (CSR) form, its entries stored
/// in `Scalar`: row `i` holds the entries `values[k]` in columns
/// `columns[k]` for `k` in `rowStart[i]..<rowStart[i+1]`, columns strictly
/// increasing within a row. Entries not stored are zero; stored zeros are
/// kept (they take part in sums).
///
/// As a ``LinearOperator`` the matrix must be square.
@frozen
public struct CSRMatrix<Scalar: RealScalar>: LinearOperator, Sendable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// `rowCount + 1` offsets into ``columns`` and ``values``; `rowStart[0] == 0`.
    public let rowStart: [Int]
    /// The column of each stored entry, increasing within a row.
    public let columns: [Int]
    /// The stored entries.
    public let values: [Scalar]

    /// A matrix from its CSR arrays.
    ///
    /// - Precondition: the arrays describe a valid CSR matrix (offsets
    ///   nondecreasing from 0 to `values.count`, columns in range and
    ///   strictly increasing within each row).
    @inlinable
    public init(rowCount: Int, columnCount: Int, rowStart: [Int], columns: [Int], values: [Scalar]) {
        precondition(rowCount >= 0 && columnCount >= 0, "CSRMatrix: negative size \(rowCount) × \(columnCount)")
        precondition(rowStart.count == rowCount + 1 && rowStart.first == 0 && rowStart.last == values.count
                     && columns.count == values.count,
                     "CSRMatrix: \(rowStart.count) row offsets, \(columns.count) columns and \(values.count) values do not describe \(rowCount) rows")
        for i in 0..<rowCount {
            precondition(rowStart[i] <= rowStart[i + 1], "CSRMatrix: row offsets decrease at row \(i)")
            var previous = -1
            for k in rowStart[i]..<rowStart[i + 1] {
                precondition(columns[k] > previous && columns[k] < columnCount,
                             "CSRMatrix: column \(columns[k]) of row \(i) out of order or outside 0..<\(columnCount)")
                previous = columns[k]
            }
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
    }

    /// A matrix from `(row, column, value)` triples (0-based, any order),
    /// values rounded from binary64 into `Scalar`. Duplicate positions are
    /// summed in binary64 first, in the order given, then rounded once.
    ///
    /// - Precondition: every position is inside the `rowCount × columnCount` matrix.
    @inlinable
    public init(rowCount: Int, columnCount: Int, entries: [(row: Int, column: Int, value: Double)]) {
        var perRow = [[(column: Int, value: Double)]](repeating: [], count: rowCount)
        for e in entries {
            precondition(e.row >= 0 && e.row < rowCount && e.column >= 0 && e.column < columnCount,
                         "CSRMatrix: entry (\(e.row), \(e.column)) outside \(rowCount) × \(columnCount)")
            perRow[e.row].append((e.column, e.value))
        }
        var rowStart = [0], columns: [Int] = [], values: [Scalar] = []
        rowStart.reserveCapacity(rowCount + 1)
        columns.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        for row in perRow {
            // A stable sort keeps duplicates in the order given.
            let sorted = row.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
            var k = 0
            while k < sorted.count {
                let c = sorted[k].column
                var sum = sorted[k].value
                k += 1
                while k < sorted.count && sorted[k].column == c { sum += sorted[k].value; k += 1 }
                columns.append(c)
                values.append(Scalar(sum))
            }
            rowStart.append(columns.count)
        }
        self.init(rowCount: rowCount, columnCount: columnCount, rowStart: rowStart, columns: columns, values: values)
    }

    /// Every nonzero entry of a dense column-major `rows × columns` binary64
    /// matrix (`a[i + j·rows]`), rounded into `Scalar` (an entry that rounds
    /// to zero is still stored).
    ///
    /// - Precondition: `a.count == rows · columns`.
    @inlinable
    public init(denseColumnMajor a: [Double], rows: Int, columns: Int) {
        precondition(a.count == rows * columns, "CSRMatrix: \(a.count) values for a dense \(rows) × \(columns) matrix")
        var rowStart = [0], cols: [Int] = [], values: [Scalar] = []
        for i in 0..<rows {
            for j in 0..<columns where a[i + j * rows] != 0 {
                cols.append(j)
                values.append(Scalar(a[i + j * rows]))
            }
            rowStart.append(cols.count)
        }
        self.init(rowCount: rows, columnCount: columns, rowStart: rowStart, columns: cols, values: values)
    }

    /// The same matrix with every entry converted into `Scalar`
    /// (``Roundoff/RealScalar/init(convertingFrom:)``: one rounding, none for the same type).
    @inlinable
    public init<Other: RealScalar>(_ other: CSRMatrix<Other>) {
        self.init(rowCount: other.rowCount, columnCount: other.columnCount, rowStart: other.rowStart,
                  columns: other.columns, values: other.values.map { Scalar(convertingFrom: $0) })
    }

    /// The number of stored entries.
    @inlinable public var storedCount: Int { values.count }

    /// The order of the (square) matrix.
    @inlinable public var dimension: Int {
        precondition(rowCount == columnCount, "CSRMatrix: a \(rowCount) × \(columnCount) matrix is not square")
        return rowCount
    }

    /// The entry at `(i, j)`: the stored value, or zero.
    @inlinable
    public subscript(i: Int, j: Int) -> Scalar {
        for k in rowStart[i]..<rowStart[i + 1] where columns[k] == j { return values[k] }
        return .zero
    }

    /// The diagonal entries (zero where none is stored).
    @inlinable public var diagonal: [Scalar] {
        (0..<Swift.min(rowCount, columnCount)).map { self[$0, $0] }
    }

    /// The entries as binary64 (exact).
    @inlinable public var binary64: CSRMatrix<Double> { CSRMatrix<Double>(self) }

    /// Whether `a_ij == a_ji` for every stored entry, exactly.
    @inlinable public var isSymmetric: Bool {
        guard rowCount == columnCount else { return false }
        for i in 0..<rowCount {
            for k in rowStart[i]..<rowStart[i + 1] where self[columns[k], i] != values[k] { return false }
        }
        return true
    }

    /// The half-bandwidth: the largest `|i − j|` over stored entries (0 for a diagonal or empty matrix).
    @inlinable public var bandwidth: Int {
        var w = 0
        for i in 0..<rowCount {
            for k in rowStart[i]..<rowStart[i + 1] { w = Swift.max(w, abs(i - columns[k])) }
        }
        return w
    }

    /// `y = A·x` as described by ``LinearOperator/apply(_:into:accumulating:)``;
    /// a row with no stored entry gives zero.
    @inlinable
    public func apply<Accumulator: RealScalar>(
        _ x: UnsafeBufferPointer<Scalar>, into y: UnsafeMutableBufferPointer<Scalar>, accumulating _: Accumulator.Type
    ) {
        precondition(x.count == columnCount && y.count == rowCount, "CSRMatrix.apply: vectors of \(x.count) and \(y.count) for \(rowCount) × \(columnCount)")
        rowStart.withUnsafeBufferPointer { start in
            columns.withUnsafeBufferPointer { col in
                values.withUnsafeBufferPointer { a in
                    for i in 0..<rowCount {
                        let lo = start[i], hi = start[i + 1]
                        guard lo < hi else { y[i] = .zero; continue }
                        var s = Accumulator(convertingFrom: a[lo]) * Accumulator(convertingFrom: x[col[lo]])
                        var k = lo + 1
                        while k < hi {
                            s = s + Accumulator(convertingFrom: a[k]) * Accumulator(convertingFrom: x[col[k]])
                            k += 1
                        }
                        y[i] = Scalar(convertingFrom: s)
                    }
                }
            }
        }
    }

    /// `Σ_{j≠i} a_ij·x_j` in `Scalar`, as described by
    /// ``LinearOperator/offDiagonalProduct(row:_:)``.
    @inlinable
    public func offDiagonalProduct(row i: Int, _ x: UnsafeBufferPointer<Scalar>) -> Scalar {
        rowStart.withUnsafeBufferPointer { start in
            columns.withUnsafeBufferPointer { col in
                values.withUnsafeBufferPointer { a in
                    var s = Scalar.zero, first = true
                    for k in start[i]..<start[i + 1] where col[k] != i {
                        let term = a[k] * x[col[k]]
                        s = first ? term : s + term
                        first = false
                    }
                    return s
                }
            }
        }
    }
}
