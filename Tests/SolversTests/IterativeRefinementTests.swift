import Testing
import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// A `n × n` test matrix with 2-norm condition number `kappa` and a
/// right-hand side for `x` uniform in `[−1, 1]`, with LAPACK's solution.
func conditionedSystem(n: Int, kappa: Double, seed: UInt64) -> (a: [Double], b: [Double], x: [Double]) {
    let a = SingularValueMatrix.make(singularValues: RandomOrthogonal.geometricSpectrum(n: n, kappa: kappa), rows: n, seed: seed)
    let s = StochasticStream(seed: seed, stream: 3)
    let xTrue = (0..<n).map { 2 * s.unitInterval(at: UInt64($0)) - 1 }
    let b = BLASMatrixVector.product(a, rows: n, xTrue)
    return (a, b, LAPACKLinearSolve.solve(a, order: n, b)!)
}

/// `‖b − Ax‖∞ / (‖A‖∞‖x‖∞)`, the residual by compensated dot products
/// (as if in twice binary64's precision).
func backwardError(_ a: [Double], _ b: [Double], _ x: [Double]) -> Double {
    let n = b.count
    var r = 0.0, norm = 0.0
    for i in 0..<n {
        var s = CompensatedSum<Double>(), row = 0.0
        s.add(b[i])
        for j in 0..<n { s.addProduct(-a[i + j * n], x[j]); row += abs(a[i + j * n]) }
        r = max(r, abs(s.sum)); norm = max(norm, row)
    }
    return r / (norm * x.map(\.magnitude).max()!)
}

func relativeDifference(_ x: [Double], _ y: [Double]) -> Double {
    zip(x, y).map { ($0 - $1).magnitude }.max()! / y.map(\.magnitude).max()!
}

@Suite struct LUFactorizationTests {
    /// `A = L·U` with dyadic `L` (multipliers ±1/2, ±1/4) and small integer
    /// `U`: partial pivoting keeps the row order, every operation is exact
    /// even in binary16, and the solve returns the integer solution exactly.
    @Test func exactFactorsAreRecoveredInBinary16() {
        let l: [[Double]] = [[1, 0, 0, 0], [0.5, 1, 0, 0], [-0.25, 0.5, 1, 0], [0.5, -0.25, 0.5, 1]]
        let u: [[Double]] = [[4, 2, -2, 8], [0, 8, 4, -4], [0, 0, 16, 4], [0, 0, 0, 2]]
        let n = 4
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i + j * n] += l[i][k] * u[k][j] } } }
        let x = [1.0, -2, 3, -1]
        let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i + $1 * n] * x[$1] } }
        func check<T: RealScalar>(_: T.Type) {
            let lu = LUFactorization(DenseMatrix<T>(rows: n, columns: n, columnMajor: a))
            #expect(lu.pivots == [0, 1, 2, 3] && !lu.isSingular)
            for i in 0..<n {
                for j in 0..<n {
                    let expected = i > j ? l[i][j] : u[i][j]
                    #expect(lu.factors[i, j].doubleValue == expected, "(\(i), \(j)) in \(T.self)")
                }
            }
            #expect(lu.solve(b.map { T($0) }).map(\.doubleValue) == x)
        }
        check(Double.self)
        check(Emulated<FP16, RNE>.self)
        check(Emulated<BF16, SR>.self)
    }

    /// Pivoting: `[[0, 1], [1, 0]]` needs a row swap; a zero column is singular.
    @Test func pivotsAndSingularity() {
        let swap = LUFactorization(DenseMatrix<Double>(rows: 2, columns: 2, columnMajor: [0, 1, 1, 0]))
        #expect(swap.pivots == [1, 1] && !swap.isSingular)
        #expect(swap.solve([3, 5]) == [5, 3])
        let singular = LUFactorization(DenseMatrix<Double>(rows: 2, columns: 2, columnMajor: [0, 0, 1, 1]))
        #expect(singular.isSingular)
        let solution = singular.solve([1, 1])
        #expect(solution.contains { !$0.isFinite })
    }

    /// In binary64 the solve agrees with LAPACK's `dgesv` to the bound both
    /// share: each solution has forward error ≲ κ·γ_{3n}·(growth), so they
    /// differ by at most about `2·3n·κ·u` here (growth ≈ 1 for these matrices).
    @Test func binary64MatchesDgesv() {
        let n = 40, kappa = 1e4
        let (a, b, x) = conditionedSystem(n: n, kappa: kappa, seed: 2)
        let lu = LUFactorization(DenseMatrix<Double>(rows: n, columns: n, columnMajor: a))
        let mine = lu.solve(b)
        #expect(relativeDifference(mine, x) <= 2 * 3 * Double(n) * kappa * 0x1p-53)
    }
}

@Suite struct IterativeRefinementTests {
    /// Binary16 and bfloat16 factors, binary64 residual and update, on a
    /// well-conditioned system (κ·u_f ≤ 0.05): refinement meets `DSGESV`'s
    /// test `η ≤ √n·u₆₄`, so the solution is as good as LAPACK's: each has
    /// forward error ≤ κ∞·η ≤ n·κ₂·√n·u₆₄, and they differ by at most twice that.
    @Test func lowPrecisionFactorsReachBinary64Accuracy() {
        let n = 40
        func check<F: RealScalar>(_: F.Type, kappa: Double) {
            let (a, b, x) = conditionedSystem(n: n, kappa: kappa, seed: 4)
            let solver = IterativeRefinement<F, Double, Double>(matrix: a, order: n)
            let tolerance = Double(n).squareRoot() * 0x1p-53
            let result = solver.solve(b, tolerance: tolerance, maxIterations: 30)
            #expect(result.stop == .converged, "\(F.self) κ = \(kappa)")
            let last = result.iterates.last!
            #expect(backwardError(a, b, last) <= tolerance * 1.01, "\(F.self) κ = \(kappa)")
            #expect(relativeDifference(last, x) <= 2 * Double(n) * kappa * tolerance, "\(F.self) κ = \(kappa)")
            // The first solve alone is only as good as the factors: far from binary64.
            #expect(relativeDifference(result.iterates[0], x) > 1e-8, "\(F.self) κ = \(kappa)")
            // Convergence is linear with rate ≈ κ·u_f: a handful of steps.
            #expect(result.iterations >= 1 && result.iterations <= 10, "\(result.iterations) steps")
        }
        check(Emulated<FP16, RNE>.self, kappa: 1e2)
        check(Emulated<FP16, SR>.self, kappa: 1e2)
        check(Emulated<BF16, RNE>.self, kappa: 1e1)
    }

    /// Carson & Higham's headline set-up: binary16 factors, binary32
    /// working precision, binary64 residuals, κ = 10³: the refinement
    /// reaches a binary32 backward-stable solution (`η ≤ √n·u₃₂`) that the
    /// binary16 solve alone is far from.
    @Test func threePrecisions() {
        let n = 40, kappa = 1e3
        let (a, b, x) = conditionedSystem(n: n, kappa: kappa, seed: 5)
        let solver = IterativeRefinement<Emulated<FP16, RNE>, Float, Double>(matrix: a, order: n)
        let tolerance = Double(n).squareRoot() * 0x1p-24
        let result = solver.solve(b, tolerance: tolerance, maxIterations: 30)
        #expect(result.stop == .converged)
        #expect(backwardError(a, b, result.iterates.last!) <= tolerance * 1.01)
        #expect(backwardError(a, b, result.iterates[0]) > 100 * tolerance)
        #expect(relativeDifference(result.iterates.last!, x) <= Double(n) * kappa * tolerance)
    }

    /// With κ·u_f well above 1 the low-precision factors carry no
    /// information about `A⁻¹` and refinement cannot converge.
    @Test func illConditionedSystemsDoNotConverge() {
        let n = 40
        func check<F: RealScalar>(_: F.Type, kappa: Double) {
            let (a, b, _) = conditionedSystem(n: n, kappa: kappa, seed: 6)
            let result = IterativeRefinement<F, Double, Double>(matrix: a, order: n)
                .solve(b, tolerance: Double(n).squareRoot() * 0x1p-53, maxIterations: 15)
            #expect(result.stop != .converged, "\(F.self) κ = \(kappa)")
        }
        check(Emulated<FP16, RNE>.self, kappa: 1e7)    // κ·u_f ≈ 5000
        check(Emulated<BF16, RNE>.self, kappa: 1e5)    // κ·u_f ≈ 400
    }

    /// The `ir` workload: binary16 converges for small κ and not for κ = 10⁸;
    /// its history series starts at step 0.
    @Test func workloadReportsConvergenceByKappa() throws {
        let values = ["n": "30", "kappa": "1e1,1e2,1e8", "history_kappa": "1e2", "max_iterations": "20"]
        let m = try runCell("ir", .fp16, .nearestEven, values)
        let converged = m.series("converged")
        #expect(converged[10] == 1 && converged[100] == 1 && converged[1e8] == 0)
        #expect(m.series("iterations")[10]! >= 1 && m.series("iterations")[10]! <= 10)
        #expect(m.series("backward_error")[100]! <= 30.0.squareRoot() * 0x1p-53 * 1.01)
        #expect(m.series("history_forward_error")[0]! > 1e-6)
        // binary64 factors: the first solve already converged.
        let exact = try runCell("ir", .fp64, .nearestEven, values)
        #expect(exact.series("iterations")[10] == 0 && exact.series("converged")[100] == 1)
    }

    @Test func workloadRejectsBadPrecisions() throws {
        #expect(throws: ParameterError.self) { try runCell("ir", .fp16, .nearestEven, ["working": "fp64", "residual": "fp32", "n": "4"]) }
        #expect(throws: ParameterError.self) { try runCell("ir", .fp16, .nearestEven, ["working": "fp16", "n": "4"]) }
        #expect(throws: ParameterError.self) { try runCell("ir", .fp16, .nearestEven, ["kappa": "10,abc", "n": "4"]) }
    }
}
