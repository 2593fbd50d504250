import Roundoff
import Solvers

/// A computation generic over the matrix representation, so that the
/// choice between the matrix-free model problem and a stored matrix, made
/// at run time, still runs specialised code.
protocol OperatorComputation {
    associatedtype Output
    func run<Operator: LinearOperator>(_ matrix: Operator) -> Output
}

extension LinearSystem {
    /// Runs `computation` on this system's matrix stored in `Scalar`: the
    /// matrix-free ``PoissonOperator`` for the model problem when
    /// `matrixFree`, otherwise the ``CSRMatrix`` rounded into `Scalar`.
    func withOperator<Scalar: RealScalar, C: OperatorComputation>(
        _: Scalar.Type, matrixFree: Bool, _ computation: C
    ) -> C.Output {
        if matrixFree, let n = gridSize {
            return computation.run(PoissonOperator<Scalar>(gridSize: n))
        }
        return computation.run(CSRMatrix<Scalar>(matrix))
    }
}
