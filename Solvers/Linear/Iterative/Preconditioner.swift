/// A preconditioner `M ≈ A` of an iterative solver, applied as `z = M⁻¹r`.
public enum Preconditioner: String, Sendable, Hashable, CaseIterable {
    /// `M = I`.
    case none
    /// Jacobi: `M = diag(A)`, applied as `zᵢ = rᵢ·(1/aᵢᵢ)` with the
    /// reciprocal rounded once.
    case jacobi
}
