import Foundation
import Roundoff
import RoundoffReference
import Solvers

/// A symmetric positive definite system `A·x = b` in binary64 with its
/// reference solution from LAPACKE: what the linear-solver workloads
/// (`cg`, `sor`) compute once per parameter set and compare every cell with.
public struct LinearSystem: Sendable {
    /// `A` in binary64.
    public var matrix: CSRMatrix<Double>
    /// `b` in binary64.
    public var rightHandSide: [Double]
    /// `x*` from LAPACKE (`dpbsv` for a band matrix, `dposv` for a dense one).
    public var solution: [Double]
    /// The LAPACKE routine that computed ``solution``.
    public var solver: String
    /// `‖b‖₂`, `‖x*‖₂` and `‖x*‖_A = √(x*ᵀ·A·x*)`, in binary64.
    public var rightHandSideNorm: Double, solutionNorm: Double, solutionEnergyNorm: Double
    /// `‖b − A·x*‖₂/‖b‖₂` in binary64: the floor a binary64 solver reaches.
    public var referenceResidual: Double
    /// The 2-norm condition number `κ₂(A)`: exact for the model problem,
    /// the construction's for `spd`, from LAPACKE's eigenvalues for a file
    /// of order ≤ 2000; NaN when unknown.
    public var conditionNumber: Double
    /// `N` of the `N × N` model-problem grid, nil for other matrices.
    public var gridSize: Int?

    /// The system with its reference solution.
    /// - Throws: ``PositiveDefiniteSolve/Failure`` if LAPACKE finds `A` not positive definite.
    init(matrix: CSRMatrix<Double>, dense: [Double]?, rightHandSide b: [Double], conditionNumber: Double, gridSize: Int?) throws {
        self.matrix = matrix
        rightHandSide = b
        if let dense {
            solution = try PositiveDefiniteSolve.dense(dense, rightHandSide: b)
            solver = "dposv"
        } else {
            solution = try PositiveDefiniteSolve.banded(rowStart: matrix.rowStart, columns: matrix.columns,
                                                        values: matrix.values, rightHandSide: b)
            solver = "dpbsv"
        }
        self.conditionNumber = conditionNumber
        self.gridSize = gridSize
        rightHandSideNorm = Self.norm(b)
        solutionNorm = Self.norm(solution)
        let ax = Self.product(matrix, solution)
        solutionEnergyNorm = zip(solution, ax).reduce(0) { $0 + $1.0 * $1.1 }.squareRoot()
        referenceResidual = Self.norm(zip(b, ax).map { $0 - $1 }) / rightHandSideNorm
    }

    /// The order `n`.
    public var dimension: Int { rightHandSide.count }

    /// `‖v‖₂` in binary64.
    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// `A·v` in binary64.
    static func product(_ a: CSRMatrix<Double>, _ v: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: a.rowCount)
        v.withUnsafeBufferPointer { v in
            y.withUnsafeMutableBufferPointer { y in a.apply(v, into: y, accumulating: Double.self) }
        }
        return y
    }
}
