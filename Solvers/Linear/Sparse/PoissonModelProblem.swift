import RealModule

/// The classical convergence theory of the model problem of
/// ``PoissonOperator`` (the 5-point Laplacian scaled by `h²` on an `N × N`
/// interior grid, `h = 1/(N+1)`), in binary64. Young (1971); Varga,
/// *Matrix Iterative Analysis*, §4.
///
/// The Jacobi iteration matrix `I − D⁻¹A` has eigenvalues
/// `μ_pq = (cos pπh + cos qπh)/2`, largest `μ = cos πh`; the matrix is
/// consistently ordered (natural ordering), so Gauss–Seidel and SOR follow
/// from `μ` through Young's relation `(λ + ω − 1)² = λω²μ²`.
public enum PoissonModelProblem {
    /// The mesh width `h = 1/(N+1)`.
    public static func meshWidth(gridSize n: Int) -> Double { 1 / Double(n + 1) }

    /// The eigenvalue `4 − 2cos(pπh) − 2cos(qπh)` of the operator, `p, q = 1…N`.
    public static func eigenvalue(_ p: Int, _ q: Int, gridSize n: Int) -> Double {
        let h = meshWidth(gridSize: n)
        return 4 - 2 * Double.cos(Double(p) * .pi * h) - 2 * Double.cos(Double(q) * .pi * h)
    }

    /// The least eigenvalue `8 sin²(πh/2)` and the largest `8 cos²(πh/2)`.
    public static func extremeEigenvalues(gridSize n: Int) -> (min: Double, max: Double) {
        let t = .pi * meshWidth(gridSize: n) / 2
        return (8 * Double.sin(t) * Double.sin(t), 8 * Double.cos(t) * Double.cos(t))
    }

    /// The 2-norm condition number `λ_max/λ_min = cot²(πh/2)`.
    public static func conditionNumber(gridSize n: Int) -> Double {
        let t = .pi * meshWidth(gridSize: n) / 2
        return 1 / (Double.tan(t) * Double.tan(t))
    }

    /// The spectral radius of the Jacobi iteration, `cos πh`.
    public static func jacobiSpectralRadius(gridSize n: Int) -> Double {
        Double.cos(.pi * meshWidth(gridSize: n))
    }

    /// The spectral radius of the Gauss–Seidel iteration, `cos² πh`.
    public static func gaussSeidelSpectralRadius(gridSize n: Int) -> Double {
        let mu = jacobiSpectralRadius(gridSize: n)
        return mu * mu
    }

    /// The optimal SOR relaxation factor `ω_opt = 2/(1 + sin πh)`.
    public static func optimalOmega(gridSize n: Int) -> Double {
        2 / (1 + Double.sin(.pi * meshWidth(gridSize: n)))
    }

    /// The spectral radius of SOR with relaxation factor `ω ∈ (0, 2)`
    /// (Young): `ω − 1` for `ω ≥ ω_opt` (where it is least, `ω_opt − 1`),
    /// else `((ωμ + √(ω²μ² − 4(ω − 1)))/2)²` with `μ = cos πh`; `ω = 1` gives
    /// Gauss–Seidel's `μ²`.
    public static func sorSpectralRadius(omega: Double, gridSize n: Int) -> Double {
        precondition(omega > 0 && omega < 2, "SOR converges only for 0 < ω < 2 (got \(omega))")
        if omega >= optimalOmega(gridSize: n) { return omega - 1 }
        let mu = jacobiSpectralRadius(gridSize: n)
        let root = (omega * omega * mu * mu - 4 * (omega - 1)).squareRoot()
        let r = (omega * mu + root) / 2
        return r * r
    }
}
