/// A matrix of binary64 values in row-major order: a batch of vectors
/// (`rows` examples × `columns` features) or a layer's weights
/// (`rows` inputs × `columns` outputs).
///
/// Values are held in binary64 whatever the precision policy: a tensor in
/// a low-precision role holds values exactly representable in that role's
/// format (and scale), as the policy's quantizers leave them.
public struct Tensor: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major values: element (i, j) is `values[i * columns + j]`.
    public var values: [Double]

    /// A `rows × columns` tensor filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        values = [Double](repeating: value, count: rows * columns)
    }

    /// A tensor from row-major values. Precondition: `values.count == rows · columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "\(values.count) values for \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Element (i, j).
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// The transpose (a copy).
    public var transposed: Tensor {
        var t = Tensor(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t.values[j * rows + i] = values[i * columns + j] }
        }
        return t
    }

    /// The rows at `indices`, in that order.
    public func gatheringRows(_ indices: some Sequence<Int>) -> Tensor {
        var v: [Double] = []
        var n = 0
        for i in indices {
            v += values[i * columns ..< (i + 1) * columns]
            n += 1
        }
        return Tensor(rows: n, columns: columns, values: v)
    }

    /// Largest magnitude (0 for an empty tensor; NaN if any value is NaN).
    public var maxMagnitude: Double {
        var m = 0.0
        for v in values {
            if v.isNaN { return .nan }
            m = Swift.max(m, v.magnitude)
        }
        return m
    }

    /// Whether every value is finite.
    public var isFinite: Bool { values.allSatisfy(\.isFinite) }
}
