/// Which way the scale blocks of a row-major `rows × columns` matrix run.
///
/// Block scaling must run along the reduction dimension of the product that
/// consumes the matrix, so that each partial dot product meets one scale per
/// operand: in `C = A·B`, `A` is blocked ``alongRows`` (its rows are reduced)
/// and `B` ``alongColumns``. Quantizing a matrix ``alongColumns`` gives the
/// transpose of quantizing its transpose ``alongRows`` (for deterministic
/// modes; stochastic modes draw from the element's row-major position, which
/// the transpose changes).
public enum BlockLayout: String, Hashable, Sendable, CaseIterable {
    /// Blocks are `blockSize` consecutive elements of one row (contiguous in
    /// memory): row `r`, columns `k·blockSize ..< (k+1)·blockSize`. The last
    /// block of a row is shorter when `blockSize` does not divide `columns`.
    case alongRows
    /// Blocks are `blockSize` consecutive elements of one column: column
    /// `c`, rows `k·blockSize ..< (k+1)·blockSize`. The last block of a
    /// column is shorter when `blockSize` does not divide `rows`.
    case alongColumns
}
