import Foundation
import RoundoffReference
import Testing

@Suite struct PositiveDefiniteSolveTests {
    /// The tridiagonal matrix tridiag(−1, 2, −1) of order n, as CSR arrays
    /// and dense column-major; its solution for b = 1 is xᵢ = i(n + 1 − i)/2
    /// (1-based), exact in binary64 for small n.
    static func tridiagonal(_ n: Int) -> (rowStart: [Int], columns: [Int], values: [Double], dense: [Double]) {
        var rowStart = [0], columns: [Int] = [], values: [Double] = []
        var dense = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in max(0, i - 1)...min(n - 1, i + 1) {
                let v: Double = i == j ? 2 : -1
                columns.append(j); values.append(v); dense[i + j * n] = v
            }
            rowStart.append(columns.count)
        }
        return (rowStart, columns, values, dense)
    }

    @Test func bandAndDenseCholeskySolveTheSecondDifference() throws {
        let n = 9
        let t = Self.tridiagonal(n)
        let b = [Double](repeating: 1, count: n)
        let exact = (1...n).map { Double($0 * (n + 1 - $0)) / 2 }
        #expect(PositiveDefiniteSolve.lowerBandwidth(rowStart: t.rowStart, columns: t.columns) == 1)
        let banded = try PositiveDefiniteSolve.banded(rowStart: t.rowStart, columns: t.columns, values: t.values, rightHandSide: b)
        let dense = try PositiveDefiniteSolve.dense(t.dense, rightHandSide: b)
        for i in 0..<n {
            #expect(abs(banded[i] - exact[i]) <= 1e-14 * exact[i])
            #expect(abs(dense[i] - exact[i]) <= 1e-14 * exact[i])
        }
        // Eigenvalues of tridiag(−1, 2, −1): 2 − 2cos(kπ/(n+1)).
        let eigenvalues = try SymmetricEigenvalues.of(t.dense, order: n)
        for (k, e) in eigenvalues.enumerated() {
            #expect(abs(e - (2 - 2 * cos(Double(k + 1) * .pi / Double(n + 1)))) < 1e-14)
        }
    }

    @Test func indefiniteMatricesAreReported() {
        let a: [Double] = [1, 2, 2, 1]   // eigenvalues 3 and −1
        #expect(throws: PositiveDefiniteSolve.Failure(routine: "dposv", info: 2)) {
            try PositiveDefiniteSolve.dense(a, rightHandSide: [1, 1])
        }
        #expect(throws: PositiveDefiniteSolve.Failure(routine: "dpbsv", info: 2)) {
            try PositiveDefiniteSolve.banded(rowStart: [0, 2, 4], columns: [0, 1, 0, 1], values: a, rightHandSide: [1, 1])
        }
        #expect(PositiveDefiniteSolve.Failure(routine: "dpbsv", info: 2).description.contains("not positive definite"))
    }
}
