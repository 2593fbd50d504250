import Foundation
import Testing
import Roundoff
import RoundoffReference
import Solvers

/// The model-problem matrix (stored and matrix-free), CSR construction and
/// the mixed-precision matrix–vector product.
struct SparseOperatorTests {
    /// The 5-point matrix written out by the test from the grid: 4 on the
    /// diagonal, −1 between horizontal and vertical grid neighbours.
    static func poissonDense(_ n: Int) -> [[Double]] {
        var a = [[Double]](repeating: [Double](repeating: 0, count: n * n), count: n * n)
        for j in 0..<n {
            for i in 0..<n {
                let k = i + n * j
                a[k][k] = 4
                for (di, dj) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                    let (p, q) = (i + di, j + dj)
                    if p >= 0 && p < n && q >= 0 && q < n { a[k][p + n * q] = -1 }
                }
            }
        }
        return a
    }

    /// A vector of bf16 values (exact in every wider format) from a fixed pattern.
    static func testVector(_ count: Int) -> [Double] {
        (0..<count).map { bf16(sin(Double($0) * 1.7 + 0.3) * 3) }
    }

    @Test func csrPoissonIsTheFivePointMatrix() {
        let n = 5
        let a = CSRMatrix<Double>.poisson(gridSize: n)
        let dense = Self.poissonDense(n)
        for i in 0..<(n * n) { for j in 0..<(n * n) { #expect(a[i, j] == dense[i][j], "(\(i), \(j))") } }
        #expect(a.isSymmetric)
        #expect(a.bandwidth == n)
        #expect(a.storedCount == 5 * n * n - 4 * n)
        #expect(PoissonOperator<Double>(gridSize: n).diagonal == [Double](repeating: 4, count: n * n))
    }

    /// Matrix-free and stored give the same bits in a deterministic mode,
    /// and the binary64 product matches the test's dense product.
    @Test func matrixFreeMatchesStoredBitForBit() {
        let n = 6
        let x = Self.testVector(n * n)
        func products<T: RealScalar>(_: T.Type) -> (free: [Double], stored: [Double]) {
            let xt = x.map { T($0) }
            var y1 = [T](repeating: 0, count: n * n), y2 = y1
            xt.withUnsafeBufferPointer { xs in
                y1.withUnsafeMutableBufferPointer { PoissonOperator<T>(gridSize: n).apply(xs, into: $0, accumulating: T.self) }
                y2.withUnsafeMutableBufferPointer { CSRMatrix<T>.poisson(gridSize: n).apply(xs, into: $0, accumulating: T.self) }
            }
            return (y1.map(\.doubleValue), y2.map(\.doubleValue))
        }
        let d = products(Double.self)
        #expect(d.free == d.stored)
        let dense = Self.poissonDense(n)
        for i in 0..<(n * n) {
            // Small integers times bf16 values: the binary64 sum is exact.
            let exact = (0..<(n * n)).reduce(0.0) { $0 + dense[i][$1] * x[$1] }
            #expect(d.free[i] == exact)
        }
        let b = products(Emulated<BF16, RNE>.self)
        #expect(b.free == b.stored)
        let h = products(Emulated<FP16, RD>.self)
        #expect(h.free == h.stored)
        for i in 0..<(n * n) {
            let xt = x.map { Emulated<BF16, RNE>($0) }
            let free = xt.withUnsafeBufferPointer { PoissonOperator<Emulated<BF16, RNE>>(gridSize: n).offDiagonalProduct(row: i, $0) }
            let stored = xt.withUnsafeBufferPointer { CSRMatrix<Emulated<BF16, RNE>>.poisson(gridSize: n).offDiagonalProduct(row: i, $0) }
            #expect(free == stored)
        }
    }

    /// Storage bf16, accumulation binary64: each row is the exact sum
    /// rounded once; accumulation bf16: every operation rounded, which the
    /// test replays with its own bit-level bf16 rounding.
    @Test func mixedPrecisionRowsRoundOnce() {
        let n = 4
        typealias B = Emulated<BF16, RNE>
        let x = Self.testVector(n * n).map { $0 * 37 }.map(bf16)
        let xb = x.map { B($0) }
        var wide = [B](repeating: 0, count: n * n), narrow = wide
        xb.withUnsafeBufferPointer { xs in
            wide.withUnsafeMutableBufferPointer { PoissonOperator<B>(gridSize: n).apply(xs, into: $0, accumulating: Double.self) }
            narrow.withUnsafeMutableBufferPointer { PoissonOperator<B>(gridSize: n).apply(xs, into: $0, accumulating: B.self) }
        }
        let dense = Self.poissonDense(n)
        for i in 0..<(n * n) {
            let exact = (0..<(n * n)).reduce(0.0) { $0 + dense[i][$1] * x[$1] }
            #expect(wide[i].doubleValue == bf16(exact))
            // Replay: terms in increasing column order, each sum rounded.
            var s: Double? = nil
            for j in 0..<(n * n) where dense[i][j] != 0 {
                let term = dense[i][j] * x[j]
                s = s.map { bf16($0 + term) } ?? term
            }
            #expect(narrow[i].doubleValue == s!)
        }
    }

    @Test func csrFromEntriesSortsAndSumsDuplicates() {
        let a = CSRMatrix<Double>(rowCount: 2, columnCount: 3, entries: [
            (1, 2, 5), (0, 1, 1), (1, 0, 2), (0, 1, 0.5), (1, 2, -1),
        ])
        #expect(a.rowStart == [0, 1, 3])
        #expect(a.columns == [1, 0, 2])
        #expect(a.values == [1.5, 2, 4])
        #expect(a[0, 0] == 0 && a[1, 2] == 4)
        let d = CSRMatrix<Double>(denseColumnMajor: [1, 0, 3, 4], rows: 2, columns: 2)
        #expect(d.rowStart == [0, 2, 3] && d.columns == [0, 1, 1] && d.values == [1, 3, 4])
        #expect(!d.isSymmetric)
        let f = CSRMatrix<Emulated<BF16, RNE>>(CSRMatrix<Double>(rowCount: 1, columnCount: 1, entries: [(0, 0, 0.1)]))
        #expect(f.values[0].doubleValue == bf16(0.1))
    }

    /// The closed forms of the model problem against the eigenvalues LAPACKE
    /// computes for the dense matrix.
    @Test(arguments: [3, 8])
    func modelProblemTheoryMatchesLAPACKE(n: Int) throws {
        let dense = Self.poissonDense(n)
        var a = [Double](repeating: 0, count: n * n * n * n)
        for i in 0..<(n * n) { for j in 0..<(n * n) { a[i + j * n * n] = dense[i][j] } }
        let eigenvalues = try SymmetricEigenvalues.of(a, order: n * n)
        var formula: [Double] = []
        for p in 1...n { for q in 1...n { formula.append(PoissonModelProblem.eigenvalue(p, q, gridSize: n)) } }
        for (e, f) in zip(eigenvalues, formula.sorted()) { #expect(abs(e - f) < 1e-13) }
        let (low, high) = PoissonModelProblem.extremeEigenvalues(gridSize: n)
        #expect(abs(low - eigenvalues.first!) < 1e-13 && abs(high - eigenvalues.last!) < 1e-13)
        #expect(abs(PoissonModelProblem.conditionNumber(gridSize: n) / (eigenvalues.last! / eigenvalues.first!) - 1) < 1e-12)
        // Jacobi's iteration matrix I − A/4 has spectral radius max |1 − λ/4|.
        let jacobi = eigenvalues.map { abs(1 - $0 / 4) }.max()!
        #expect(abs(PoissonModelProblem.jacobiSpectralRadius(gridSize: n) - jacobi) < 1e-13)
        let h = 1 / Double(n + 1)
        #expect(abs(PoissonModelProblem.gaussSeidelSpectralRadius(gridSize: n) - jacobi * jacobi) < 1e-13)
        let wOpt = 2 / (1 + sin(.pi * h))
        #expect(abs(PoissonModelProblem.optimalOmega(gridSize: n) - wOpt) < 1e-15)
        #expect(abs(PoissonModelProblem.sorSpectralRadius(omega: wOpt, gridSize: n) - (wOpt - 1)) < 1e-15)
        // Young's formula at ω = 1 is Gauss–Seidel's μ², and it is continuous at ω_opt.
        #expect(abs(PoissonModelProblem.sorSpectralRadius(omega: 1, gridSize: n) - cos(.pi * h) * cos(.pi * h)) < 1e-14)
        #expect(abs(PoissonModelProblem.sorSpectralRadius(omega: wOpt * (1 - 1e-12), gridSize: n) - (wOpt - 1)) < 1e-5)
    }
}
