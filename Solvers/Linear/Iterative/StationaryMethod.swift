/// A classical stationary iteration for `A·x = b`, splitting `A = D − L − U`
/// (diagonal, strictly lower, strictly upper).
public enum StationaryMethod: Sendable, Hashable {
    /// `x ← D⁻¹(b + (L + U)·x)`, every row from the previous iterate.
    case jacobi
    /// Rows in order, each from the newest values: `x ← (D − L)⁻¹(b + U·x)`.
    case gaussSeidel
    /// Successive over-relaxation: the Gauss–Seidel value of each row
    /// blended with the old one by the relaxation factor `ω` (0 < ω < 2).
    case sor(omega: Double)
}
