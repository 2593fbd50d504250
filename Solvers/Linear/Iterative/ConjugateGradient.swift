import RealModule
import Roundoff

/// The (preconditioned) conjugate gradient method (Hestenes & Stiefel 1952)
/// for `A·x = b` with `A` symmetric positive definite, in **mixed
/// precision**: the matrix and every vector (`x`, `r`, `p`, `A·p`, `z`) are
/// stored in `Operator.Scalar` (the storage type), every arithmetic
/// operation — the matrix–vector product, the dot products, the scalars
/// `α`, `β` and the vector updates — is computed in `Accumulator`, and
/// each vector entry is rounded once into the storage type when stored.
/// With the two types equal this is plain CG in one type.
///
/// From `x₀ = 0`, `r₀ = b`, `z₀ = M⁻¹r₀`, `p₀ = z₀`, `ρ₀ = r₀ᵀz₀`, one step is
///
///     q = A·p                    (``LinearOperator/apply(_:into:accumulating:)``)
///     α = ρ / (pᵀq)
///     xᵢ ← xᵢ + α·pᵢ,  rᵢ ← rᵢ − α·qᵢ,  zᵢ ← rᵢ·(1/aᵢᵢ) (Jacobi; else z = r)
///     ρ' = rᵀz,  β = ρ'/ρ,  pᵢ ← zᵢ + β·pᵢ,  ρ ← ρ'
///
/// with every operation rounded in `Accumulator` in the order written
/// (no fused multiply–add), storage entries converted into `Accumulator`
/// (exactly when it is at least as wide) and results rounded once into
/// storage. Dot products are recursive sums from zero in index order,
/// `s ← s + uᵢ·vᵢ`. The relative residual ``relativeResidual`` is
/// `√(rᵀr)/√(bᵀb)` with both dot products computed in `Accumulator` and
/// the square roots and quotient in binary64; `r` is the updated residual
/// or the recomputed `b − A·x` (``MonitoredResidual``).
///
/// A step whose curvature `pᵀq` is not positive and finite (possible only
/// through rounding, overflow or underflow) changes nothing and sets
/// ``brokeDown``. Note that `rᵀr` may underflow to zero in a narrow
/// format, which reads as convergence.
///
/// In exact arithmetic `‖x − x_k‖_A ≤ 2((√κ − 1)/(√κ + 1))^k·‖x − x₀‖_A`
/// with `κ` the 2-norm condition number (of `M⁻¹A` when preconditioned):
/// ``errorBound(iterations:conditionNumber:)``.
@frozen
public struct ConjugateGradient<Operator: LinearOperator, Accumulator: RealScalar>: IterativeSolver {
    /// The storage type of the matrix and the vectors.
    public typealias Storage = Operator.Scalar

    /// The matrix `A`.
    public let matrix: Operator
    /// The right-hand side `b`, rounded into storage.
    public let rightHandSide: [Storage]
    /// The preconditioner.
    public let preconditioner: Preconditioner
    /// The residual the relative residual is measured on.
    public let monitoredResidual: MonitoredResidual
    /// The iterate `x_k` (the iteration's state, like the other vectors and
    /// scalars here: change them only between steps, consistently).
    public var x: [Storage]
    /// The updated residual `r_k`.
    public var r: [Storage]
    /// The search direction `p_k`.
    public var p: [Storage]
    /// `A·p` and, for ``MonitoredResidual/computed``, `A·x`.
    @usableFromInline var q: [Storage], product: [Storage]
    /// `M⁻¹r` (empty without a preconditioner: `z = r`).
    @usableFromInline var z: [Storage]
    /// `1/aᵢᵢ` rounded into `Accumulator` (empty without a preconditioner).
    @usableFromInline let inverseDiagonal: [Accumulator]
    /// `ρ_k = r_kᵀz_k`.
    public var rho: Accumulator
    /// `rᵀr` of the monitored residual.
    public var residualNormSquared: Accumulator
    /// `rᵀr` of the updated residual.
    public var updatedResidualNormSquared: Accumulator
    /// `bᵀb`.
    public let rightHandSideNormSquared: Accumulator
    /// The iterations taken, `k`.
    public var iteration = 0
    /// Whether a step met a curvature `pᵀAp` that is not positive and finite.
    public var brokeDown = false

    /// A solve of `A·x = b` from `x₀ = 0`, `b` rounded from binary64 into storage.
    /// - Precondition: `b.count == matrix.dimension`.
    @inlinable
    public init(matrix: Operator, rightHandSide b: [Double], preconditioner: Preconditioner = .none,
                monitoring monitored: MonitoredResidual = .updated, accumulating _: Accumulator.Type = Accumulator.self) {
        let n = matrix.dimension
        precondition(b.count == n, "ConjugateGradient: right-hand side of \(b.count) entries for a matrix of order \(n)")
        self.matrix = matrix
        self.preconditioner = preconditioner
        monitoredResidual = monitored
        let rhs = b.map { Storage($0) }
        rightHandSide = rhs
        x = [Storage](repeating: .zero, count: n)
        r = rhs
        q = x
        product = monitored == .computed ? x : []
        var bb = Accumulator.zero
        for v in rhs { let a = Accumulator(convertingFrom: v); bb = bb + a * a }
        rightHandSideNormSquared = bb
        updatedResidualNormSquared = bb
        residualNormSquared = bb
        switch preconditioner {
        case .none:
            inverseDiagonal = []
            z = []
            p = rhs
            rho = bb
        case .jacobi:
            let d = matrix.diagonal
            let inverse = d.map { 1 / Accumulator(convertingFrom: $0) }
            inverseDiagonal = inverse
            var rz = Accumulator.zero
            var z0 = [Storage](repeating: .zero, count: n)
            for i in 0..<n {
                let ri = Accumulator(convertingFrom: rhs[i])
                let zi = Storage(convertingFrom: ri * inverse[i])
                z0[i] = zi
                rz = rz + ri * Accumulator(convertingFrom: zi)
            }
            z = z0
            p = z0
            rho = rz
        }
    }

    /// The order `n` of the system.
    @inlinable public var dimension: Int { x.count }

    /// `√(rᵀr)/√(bᵀb)` of the monitored residual (both dot products in
    /// `Accumulator`, the rest in binary64); 0 when `b = 0`.
    @inlinable public var relativeResidual: Double {
        Self.ratio(residualNormSquared, rightHandSideNormSquared)
    }

    /// The same for the updated residual, whatever is monitored.
    @inlinable public var updatedRelativeResidual: Double {
        Self.ratio(updatedResidualNormSquared, rightHandSideNormSquared)
    }

    @inlinable static func ratio(_ rr: Accumulator, _ bb: Accumulator) -> Double {
        let b = bb.doubleValue
        return b == 0 ? 0 : (rr.doubleValue / b).squareRoot()
    }

    /// The iterate as binary64 (exact).
    @inlinable public var solution: [Double] { x.map(\.doubleValue) }

    /// One CG step (see the type's description); does nothing once ``brokeDown``.
    @inlinable
    public mutating func step() {
        guard !brokeDown else { return }
        let n = x.count
        let matrix = self.matrix
        // The vectors move into locals for the step, so that each is
        // uniquely referenced (no copy on write) and accessed exclusively.
        var x: [Storage] = [], r: [Storage] = [], p: [Storage] = [], q: [Storage] = [], z: [Storage] = []
        swap(&x, &self.x); swap(&r, &self.r); swap(&p, &self.p); swap(&q, &self.q); swap(&z, &self.z)
        defer { swap(&x, &self.x); swap(&r, &self.r); swap(&p, &self.p); swap(&q, &self.q); swap(&z, &self.z) }
        p.withUnsafeBufferPointer { p in
            q.withUnsafeMutableBufferPointer { q in matrix.apply(p, into: q, accumulating: Accumulator.self) }
        }
        var pq = Accumulator.zero
        p.withUnsafeBufferPointer { p in
            q.withUnsafeBufferPointer { q in
                for i in 0..<n { pq = pq + Accumulator(convertingFrom: p[i]) * Accumulator(convertingFrom: q[i]) }
            }
        }
        guard pq > 0 && pq.isFinite else { brokeDown = true; return }
        let alpha = rho / pq
        var rr = Accumulator.zero, rz = Accumulator.zero
        x.withUnsafeMutableBufferPointer { x in
            r.withUnsafeMutableBufferPointer { r in
                p.withUnsafeBufferPointer { p in
                    q.withUnsafeBufferPointer { q in
                        for i in 0..<n {
                            let pi = Accumulator(convertingFrom: p[i])
                            x[i] = Storage(convertingFrom: Accumulator(convertingFrom: x[i]) + alpha * pi)
                            let ri = Storage(convertingFrom: Accumulator(convertingFrom: r[i]) - alpha * Accumulator(convertingFrom: q[i]))
                            r[i] = ri
                            let ra = Accumulator(convertingFrom: ri)
                            rr = rr + ra * ra
                        }
                    }
                }
            }
        }
        let jacobi = preconditioner == .jacobi
        if jacobi {
            z.withUnsafeMutableBufferPointer { z in
                r.withUnsafeBufferPointer { r in
                    inverseDiagonal.withUnsafeBufferPointer { d in
                        for i in 0..<n {
                            let ra = Accumulator(convertingFrom: r[i])
                            let zi = Storage(convertingFrom: ra * d[i])
                            z[i] = zi
                            rz = rz + ra * Accumulator(convertingFrom: zi)
                        }
                    }
                }
            }
        }
        let rhoNext = jacobi ? rz : rr
        let beta = rhoNext / rho
        p.withUnsafeMutableBufferPointer { p in
            (jacobi ? z : r).withUnsafeBufferPointer { z in
                for i in 0..<n {
                    p[i] = Storage(convertingFrom: Accumulator(convertingFrom: z[i]) + beta * Accumulator(convertingFrom: p[i]))
                }
            }
        }
        rho = rhoNext
        updatedResidualNormSquared = rr
        iteration += 1
        if monitoredResidual == .computed {
            residualNormSquared = Self.computedResidualNormSquared(matrix, x: x, b: rightHandSide, product: &product)
        } else {
            residualNormSquared = rr
        }
    }

    /// `Σ (bᵢ − (A·x)ᵢ)²` in `Accumulator`, `A·x` rounded into storage.
    @inlinable
    static func computedResidualNormSquared(_ matrix: Operator, x: [Storage], b: [Storage], product: inout [Storage]) -> Accumulator {
        x.withUnsafeBufferPointer { x in
            product.withUnsafeMutableBufferPointer { y in matrix.apply(x, into: y, accumulating: Accumulator.self) }
        }
        var s = Accumulator.zero
        b.withUnsafeBufferPointer { b in
            product.withUnsafeBufferPointer { y in
                for i in 0..<b.count {
                    let d = Accumulator(convertingFrom: b[i]) - Accumulator(convertingFrom: y[i])
                    s = s + d * d
                }
            }
        }
        return s
    }

    /// The exact-arithmetic bound on the A-norm error after `k` iterations,
    /// relative to the start: `2((√κ − 1)/(√κ + 1))^k`, in binary64.
    @inlinable
    public static func errorBound(iterations k: Int, conditionNumber kappa: Double) -> Double {
        let s = kappa.squareRoot()
        return 2 * Double.pow((s - 1) / (s + 1), Double(k))
    }
}
