import CLAPACKE

/// Binary64 solutions of `A·x = b` for symmetric positive definite `A` by
/// LAPACKE's Cholesky drivers: `dpbsv` for a band matrix, `dposv` for a
/// dense one. The reference solutions of the iterative-solver workloads.
///
/// Both read only the lower triangle of `A` (the upper is taken to mirror
/// it). Cholesky factorisation is backward stable: the computed `x̂` solves
/// `(A + E)·x̂ = b` with `‖E‖₂ ≤ c·n·u·‖A‖₂` (`u = 2⁻⁵³`, `c` a small
/// constant), so `‖x̂ − x‖/‖x‖ ≲ c·n·κ₂(A)·u` (Higham, *Accuracy and
/// Stability of Numerical Algorithms*, §10.1).
public enum PositiveDefiniteSolve {
    /// LAPACK reported a failure: `info < 0` is a bad argument, `info > 0`
    /// means the leading minor of that order is not positive definite.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        /// The LAPACK routine, e.g. `dpbsv`.
        public var routine: String
        /// LAPACK's `info`.
        public var info: Int
        /// A failure of `routine` with LAPACK's `info`.
        public init(routine: String, info: Int) {
            self.routine = routine
            self.info = info
        }
        public var description: String {
            info > 0
                ? "\(routine): the matrix is not positive definite (leading minor of order \(info))"
                : "\(routine): argument \(-info) is invalid"
        }
    }

    /// The half-bandwidth `kd` of the lower triangle of a CSR matrix: the
    /// largest `i − j` over stored entries with `j ≤ i`.
    public static func lowerBandwidth(rowStart: [Int], columns: [Int]) -> Int {
        var kd = 0
        for i in 0..<(rowStart.count - 1) {
            for k in rowStart[i]..<rowStart[i + 1] where columns[k] <= i { kd = max(kd, i - columns[k]) }
        }
        return kd
    }

    /// `x` with `A·x = b` by `dpbsv`, `A` of order `n` given in compressed
    /// sparse row form (`rowStart`, `columns`, `values`, 0-based); its lower
    /// triangle is copied into LAPACK's lower band storage of `kd + 1` rows,
    /// `kd` = ``lowerBandwidth(rowStart:columns:)``. Memory `(kd + 1)·n`
    /// doubles, time `O(n·kd²)`.
    ///
    /// - Throws: ``Failure`` when `A` is not positive definite.
    /// - Precondition: consistent CSR arrays of order `n = b.count`.
    public static func banded(rowStart: [Int], columns: [Int], values: [Double], rightHandSide b: [Double]) throws -> [Double] {
        let n = b.count
        precondition(rowStart.count == n + 1 && columns.count == values.count && rowStart[n] == values.count,
                     "PositiveDefiniteSolve.banded: CSR arrays do not describe a matrix of order \(n)")
        let kd = lowerBandwidth(rowStart: rowStart, columns: columns)
        let ld = kd + 1
        var ab = [Double](repeating: 0, count: ld * n)
        for i in 0..<n {
            for k in rowStart[i]..<rowStart[i + 1] where columns[k] <= i {
                let j = columns[k]
                ab[(i - j) + j * ld] += values[k]
            }
        }
        var x = b
        let info = LAPACKE_dpbsv(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), Int32(n), Int32(kd), 1, &ab, Int32(ld), &x, Int32(max(n, 1)))
        guard info == 0 else { throw Failure(routine: "dpbsv", info: Int(info)) }
        return x
    }

    /// `x` with `A·x = b` by `dposv`, `A` dense of order `n = b.count`,
    /// column-major (`a[i + j·n]`).
    ///
    /// - Throws: ``Failure`` when `A` is not positive definite.
    /// - Precondition: `a.count == n²`.
    public static func dense(_ a: [Double], rightHandSide b: [Double]) throws -> [Double] {
        let n = b.count
        precondition(a.count == n * n, "PositiveDefiniteSolve.dense: \(a.count) entries for a matrix of order \(n)")
        var factor = a
        var x = b
        let info = LAPACKE_dposv(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), Int32(n), 1, &factor, Int32(max(n, 1)), &x, Int32(max(n, 1)))
        guard info == 0 else { throw Failure(routine: "dposv", info: Int(info)) }
        return x
    }
}
