import Roundoff

/// Jacobi, Gauss–Seidel and SOR (``StationaryMethod``) for `A·x = b`, every
/// operation in the scalar type `Operator.Scalar`.
///
/// From `x₀ = 0`, one step sweeps the rows `i = 0…n−1` in order:
///
///     σᵢ = bᵢ − Σ_{j≠i} aᵢⱼxⱼ        (``LinearOperator/offDiagonalProduct(row:_:)``)
///     gᵢ = σᵢ·(1/aᵢᵢ)                (the reciprocal rounded once, at the start)
///     Jacobi:        xᵢ' = gᵢ        (σ from the previous iterate, all rows, then x ← x')
///     Gauss–Seidel:  xᵢ ← gᵢ         (σ from the newest values)
///     SOR:           xᵢ ← xᵢ + ω·(gᵢ − xᵢ)
///
/// each operation rounded in the order written (`ω` rounded once). The
/// correction form of SOR adds a small change to `xᵢ` near convergence, as
/// SOR codes usually do; `ω = 1` is not bit-identical to Gauss–Seidel.
///
/// After each sweep the residual `b − A·x` is computed in the same type
/// (``LinearOperator/apply(_:into:accumulating:)``, then `bᵢ − (A·x)ᵢ`) and
/// ``relativeResidual`` is `√(rᵀr)/√(bᵀb)` with both dot products (recursive
/// sums from zero) in the scalar type and the rest in binary64. This is the
/// residual a solver in that precision can see: it levels off where the
/// rounding of `A·x` dominates.
///
/// For the model problem (``PoissonModelProblem``) the error falls per step
/// by the spectral radius: `cos πh` (Jacobi), `cos² πh` (Gauss–Seidel) and
/// `ω_opt − 1` for SOR with `ω_opt = 2/(1 + sin πh)`.
@frozen
public struct StationaryIteration<Operator: LinearOperator>: IterativeSolver {
    /// The scalar type of the matrix, the vectors and the arithmetic.
    public typealias Scalar = Operator.Scalar

    /// The matrix `A`.
    public let matrix: Operator
    /// The method.
    public let method: StationaryMethod
    /// The right-hand side `b`, rounded into `Scalar`.
    public let rightHandSide: [Scalar]
    /// The iterate `x_k` (the iteration's state: change it only between steps).
    public var x: [Scalar]
    /// `1/aᵢᵢ`, rounded.
    @usableFromInline let inverseDiagonal: [Scalar]
    /// `ω` (1 for Jacobi and Gauss–Seidel), rounded.
    @usableFromInline let omega: Scalar
    /// Jacobi's next iterate, and `A·x` for the residual.
    @usableFromInline var next: [Scalar], product: [Scalar]
    /// `rᵀr` of the residual of the iterate.
    public var residualNormSquared: Scalar
    /// `bᵀb`.
    public let rightHandSideNormSquared: Scalar
    /// The sweeps taken, `k`.
    public var iteration = 0

    /// A solve of `A·x = b` from `x₀ = 0`, `b` rounded from binary64.
    /// - Precondition: `b.count == matrix.dimension`; for SOR `0 < ω < 2`.
    @inlinable
    public init(matrix: Operator, rightHandSide b: [Double], method: StationaryMethod) {
        let n = matrix.dimension
        precondition(b.count == n, "StationaryIteration: right-hand side of \(b.count) entries for a matrix of order \(n)")
        self.matrix = matrix
        self.method = method
        let rhs = b.map { Scalar($0) }
        rightHandSide = rhs
        x = [Scalar](repeating: .zero, count: n)
        next = method == .jacobi ? x : []
        product = x
        inverseDiagonal = matrix.diagonal.map { 1 / $0 }
        if case .sor(let w) = method {
            precondition(w > 0 && w < 2, "SOR needs 0 < ω < 2 (got \(w))")
            omega = Scalar(w)
        } else {
            omega = 1
        }
        var bb = Scalar.zero
        for v in rhs { bb = bb + v * v }
        rightHandSideNormSquared = bb
        residualNormSquared = bb
    }

    /// `√(rᵀr)/√(bᵀb)` (dot products in `Scalar`, the rest in binary64); 0 when `b = 0`.
    @inlinable public var relativeResidual: Double {
        let b = rightHandSideNormSquared.doubleValue
        return b == 0 ? 0 : (residualNormSquared.doubleValue / b).squareRoot()
    }

    /// The iterate as binary64 (exact).
    @inlinable public var solution: [Double] { x.map(\.doubleValue) }

    /// One sweep, then the residual of the new iterate.
    @inlinable
    public mutating func step() {
        let n = x.count
        let matrix = self.matrix
        let omega = self.omega
        // The vectors move into locals for the step, so that each is
        // uniquely referenced (no copy on write) and accessed exclusively.
        var x: [Scalar] = [], next: [Scalar] = [], product: [Scalar] = []
        swap(&x, &self.x); swap(&next, &self.next); swap(&product, &self.product)
        defer { swap(&x, &self.x); swap(&next, &self.next); swap(&product, &self.product) }
        let b = rightHandSide, d = inverseDiagonal
        b.withUnsafeBufferPointer { b in
            d.withUnsafeBufferPointer { d in
                switch method {
                case .jacobi:
                    x.withUnsafeBufferPointer { x in
                        next.withUnsafeMutableBufferPointer { next in
                            for i in 0..<n { next[i] = (b[i] - matrix.offDiagonalProduct(row: i, x)) * d[i] }
                        }
                    }
                    swap(&x, &next)
                case .gaussSeidel:
                    x.withUnsafeMutableBufferPointer { x in
                        for i in 0..<n {
                            x[i] = (b[i] - matrix.offDiagonalProduct(row: i, UnsafeBufferPointer(x))) * d[i]
                        }
                    }
                case .sor:
                    x.withUnsafeMutableBufferPointer { x in
                        for i in 0..<n {
                            let g = (b[i] - matrix.offDiagonalProduct(row: i, UnsafeBufferPointer(x))) * d[i]
                            x[i] = x[i] + omega * (g - x[i])
                        }
                    }
                }
            }
        }
        x.withUnsafeBufferPointer { x in
            product.withUnsafeMutableBufferPointer { y in matrix.apply(x, into: y, accumulating: Scalar.self) }
        }
        var rr = Scalar.zero
        b.withUnsafeBufferPointer { b in
            product.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    let ri = b[i] - y[i]
                    rr = rr + ri * ri
                }
            }
        }
        residualNormSquared = rr
        iteration += 1
    }
}
