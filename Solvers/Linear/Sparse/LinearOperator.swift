import Roundoff

/// A square matrix `A` stored in the scalar type ``Scalar``, applied to
/// vectors stored in the same type: what the iterative solvers
/// (``ConjugateGradient``, ``StationaryIteration``) need of a matrix.
///
/// Conformers fix the order of every sum, so that an iteration is
/// reproducible to the bit in every format and rounding mode: the terms of
/// row `i` are taken in increasing column order, and a sum starts from its
/// first term (not from an added zero).
public protocol LinearOperator<Scalar> {
    /// The type the matrix entries and the vectors are stored in.
    associatedtype Scalar: RealScalar

    /// The order `n` of the matrix (it is `n × n`).
    var dimension: Int { get }

    /// The diagonal `a_ii`, `i = 0…n−1`.
    var diagonal: [Scalar] { get }

    /// `y = A·x`: for each row, `Σ_j a_ij·x_j` over the row's stored
    /// entries in increasing column order, every product and sum computed
    /// in `Accumulator` (entries and `x_j` converted into it, exactly when
    /// it is at least as wide), and the row's sum rounded once into
    /// ``Scalar``.
    ///
    /// - Precondition: `x.count == y.count == dimension`, and `x`, `y` do not overlap.
    func apply<Accumulator: RealScalar>(
        _ x: UnsafeBufferPointer<Scalar>, into y: UnsafeMutableBufferPointer<Scalar>, accumulating: Accumulator.Type)

    /// `Σ_{j≠i} a_ij·x_j` over the stored off-diagonal entries of row `i`, in
    /// increasing column order, computed in ``Scalar``; zero for a row with
    /// no off-diagonal entry. The row sweep of Jacobi, Gauss–Seidel and SOR.
    ///
    /// - Precondition: `0 ≤ i < dimension` and `x.count == dimension`.
    func offDiagonalProduct(row i: Int, _ x: UnsafeBufferPointer<Scalar>) -> Scalar
}
