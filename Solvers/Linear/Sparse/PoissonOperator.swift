import Roundoff

/// The 5-point discrete Laplacian of the model problem, applied without
/// storing a matrix: `−Δu = f` on the unit square with `u = 0` on the
/// boundary, on the `N × N` interior grid points `(ih, jh)`, `i, j = 1…N`,
/// mesh width `h = 1/(N+1)`, unknowns numbered row by row
/// (`k = (i−1) + N·(j−1)`, `i` fastest).
///
/// **Scaling convention.** The operator is `h²·(−Δ_h)`: 4 on the diagonal
/// and −1 for each of the (up to four) neighbours inside the grid, so its
/// entries are exact in every format and the right-hand side is `h²·f`.
/// Its eigenvalues are `4 − 2cos(pπh) − 2cos(qπh)`, `p, q = 1…N`
/// (``PoissonModelProblem``).
///
/// Every sum follows the ``LinearOperator`` order of the equivalent
/// ``CSRMatrix/poisson(gridSize:)``: neighbour `(i, j−1)`, `(i−1, j)`, the
/// diagonal, `(i+1, j)`, `(i, j+1)`, starting from the first term present.
/// Multiplying by −1 is exact and `4x` is exact below overflow, so in a
/// deterministic rounding mode ``apply(_:into:accumulating:)`` and
/// ``offDiagonalProduct(row:_:)`` give the same bits as the CSR matrix (a
/// stochastic mode draws fewer random bits here, as it does not round the
/// products by −1).
@frozen
public struct PoissonOperator<Scalar: RealScalar>: LinearOperator, Sendable {
    /// The number of interior grid points per side, `N`.
    public let gridSize: Int

    /// The operator on an `N × N` interior grid.
    /// - Precondition: `N ≥ 1`.
    @inlinable
    public init(gridSize n: Int) {
        precondition(n >= 1, "PoissonOperator needs a grid of at least 1 × 1 points (got \(n))")
        gridSize = n
    }

    /// `N²`.
    @inlinable public var dimension: Int { gridSize * gridSize }

    /// Every diagonal entry is 4.
    @inlinable public var diagonal: [Scalar] { [Scalar](repeating: Scalar(4.0), count: dimension) }

    /// `y = A·x` in the order described on the type, in `Accumulator`,
    /// each row rounded once into `Scalar`.
    @inlinable
    public func apply<Accumulator: RealScalar>(
        _ x: UnsafeBufferPointer<Scalar>, into y: UnsafeMutableBufferPointer<Scalar>, accumulating _: Accumulator.Type
    ) {
        let n = gridSize
        precondition(x.count == n * n && y.count == n * n, "PoissonOperator.apply: vectors of \(x.count) and \(y.count) for \(n * n) unknowns")
        let four = Accumulator(4.0)
        @inline(__always) func v(_ k: Int) -> Accumulator { Accumulator(convertingFrom: x[k]) }
        for j in 0..<n {
            let row = j * n
            for i in 0..<n {
                let k = row + i
                var s: Accumulator
                if j > 0 {
                    s = -v(k - n)
                    if i > 0 { s = s - v(k - 1) }
                    s = s + four * v(k)
                } else if i > 0 {
                    s = -v(k - 1)
                    s = s + four * v(k)
                } else {
                    s = four * v(k)
                }
                if i < n - 1 { s = s - v(k + 1) }
                if j < n - 1 { s = s - v(k + n) }
                y[k] = Scalar(convertingFrom: s)
            }
        }
    }

    /// `Σ_{j≠i} a_ij·x_j` of row `k`: minus the sum of the neighbours inside
    /// the grid, in the order described on the type, in `Scalar`.
    @inlinable
    public func offDiagonalProduct(row k: Int, _ x: UnsafeBufferPointer<Scalar>) -> Scalar {
        let n = gridSize
        let (j, i) = k.quotientAndRemainder(dividingBy: n)
        var s = Scalar.zero, first = true
        @inline(__always) func subtract(_ m: Int) {
            s = first ? -x[m] : s - x[m]
            first = false
        }
        if j > 0 { subtract(k - n) }
        if i > 0 { subtract(k - 1) }
        if i < n - 1 { subtract(k + 1) }
        if j < n - 1 { subtract(k + n) }
        return s
    }
}

extension CSRMatrix {
    /// The model-problem matrix of ``PoissonOperator`` on an `N × N` grid,
    /// stored: 4 on the diagonal, −1 for each grid neighbour, rows in the
    /// same numbering.
    /// - Precondition: `N ≥ 1`.
    @inlinable
    public static func poisson(gridSize n: Int) -> CSRMatrix {
        precondition(n >= 1, "CSRMatrix.poisson needs a grid of at least 1 × 1 points (got \(n))")
        var rowStart = [0], columns: [Int] = [], values: [Scalar] = []
        let minusOne = Scalar(-1.0), four = Scalar(4.0)
        for j in 0..<n {
            for i in 0..<n {
                let k = i + n * j
                if j > 0 { columns.append(k - n); values.append(minusOne) }
                if i > 0 { columns.append(k - 1); values.append(minusOne) }
                columns.append(k); values.append(four)
                if i < n - 1 { columns.append(k + 1); values.append(minusOne) }
                if j < n - 1 { columns.append(k + n); values.append(minusOne) }
                rowStart.append(columns.count)
            }
        }
        return CSRMatrix(rowCount: n * n, columnCount: n * n, rowStart: rowStart, columns: columns, values: values)
    }
}
