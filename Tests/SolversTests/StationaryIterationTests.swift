import Foundation
import Testing
import Roundoff
import Solvers

/// Convergence rates on the model problem against the classical theory,
/// the spectral radii computed here from h = 1/(N+1).
struct StationaryIterationTests {
    /// Runs `method` on the model problem with b = 1 until the relative
    /// residual is ≤ `tolerance`; returns the residual history.
    static func history(_ method: StationaryMethod, gridSize n: Int, tolerance: Double) -> [Double] {
        var it = StationaryIteration(matrix: PoissonOperator<Double>(gridSize: n),
                                     rightHandSide: [Double](repeating: 1, count: n * n), method: method)
        var monitor = ConvergenceMonitor(tolerance: tolerance, maxIterations: 100_000)
        let stop = it.solve(&monitor)
        #expect(stop == .converged)
        return monitor.residuals
    }

    /// The factor per sweep over the second half of a run, `(r_k/r_{k/2})^{1/(k−k/2)}`.
    static func factor(_ r: [Double]) -> Double {
        let k = r.count - 1, j = k / 2
        return pow(r[k] / r[j], 1 / Double(k - j))
    }

    /// Jacobi (ρ = cos πh) and Gauss–Seidel (ρ = cos² πh): the sweeps to
    /// 10⁻⁸ within 3 % of ln(10⁻⁸)/ln ρ, the factor within 0.5 %.
    @Test func jacobiAndGaussSeidelAtTheirRates() {
        let n = 16, tol = 1e-8
        let h = 1 / Double(n + 1)
        for (method, rho) in [(StationaryMethod.jacobi, cos(.pi * h)), (.gaussSeidel, cos(.pi * h) * cos(.pi * h))] {
            let r = Self.history(method, gridSize: n, tolerance: tol)
            let predicted = log(tol) / log(rho)
            let sweeps = Double(r.count - 1)
            #expect(abs(sweeps / predicted - 1) < 0.03, "\(method): \(sweeps) sweeps, theory \(predicted)")
            #expect(abs(Self.factor(r) / rho - 1) < 0.005, "\(method): factor \(Self.factor(r)), theory \(rho)")
        }
    }

    /// SOR with ω_opt = 2/(1 + sin πh) has spectral radius ρ = ω_opt − 1,
    /// and its iteration matrix a Jordan block for that eigenvalue, so the
    /// residual falls like k·ρ^{k−1}: the sweeps to 10⁻¹⁰ are within 5 % of
    /// the least k with k·ρ^{k−1} ≤ 10⁻¹⁰ — and well above ln(10⁻¹⁰)/ln ρ,
    /// which ignores the block — and the factor over the second half,
    /// (r_k/r_j)^{1/(k−j)}, is within 1 % of ρ·(k/j)^{1/(k−j)}.
    @Test(arguments: [16, 32, 64])
    func sorAtTheOptimalRate(n: Int) {
        let tol = 1e-10
        let h = 1 / Double(n + 1)
        let omega = 2 / (1 + sin(.pi * h))
        let rho = omega - 1
        let r = Self.history(.sor(omega: omega), gridSize: n, tolerance: tol)
        let sweeps = Double(r.count - 1)
        var jordan = 1.0
        while jordan * pow(rho, jordan - 1) > tol { jordan += 1 }
        #expect(abs(sweeps / jordan - 1) < 0.05, "N = \(n): \(sweeps) sweeps, k·ρ^(k−1) formula \(jordan)")
        #expect(sweeps > 1.1 * log(tol) / log(rho))
        let k = r.count - 1, j = k / 2
        let predicted = rho * pow(Double(k) / Double(j), 1 / Double(k - j))
        #expect(abs(Self.factor(r) / predicted - 1) < 0.01, "N = \(n): factor \(Self.factor(r)), theory \(predicted) (ρ = \(rho))")
        // SOR at ω_opt beats Gauss–Seidel by an order of magnitude in sweeps.
        #expect(sweeps * 5 < log(tol) / log(cos(.pi * h) * cos(.pi * h)))
    }

    /// SOR with ω = 1 is Gauss–Seidel in exact arithmetic (not to the bit:
    /// it adds a correction to xᵢ).
    @Test func sorWithOmegaOneConvergesLikeGaussSeidel() {
        let gs = Self.history(.gaussSeidel, gridSize: 8, tolerance: 1e-10)
        let sor = Self.history(.sor(omega: 1), gridSize: 8, tolerance: 1e-10)
        #expect(abs(gs.count - sor.count) <= 1)
    }
}
