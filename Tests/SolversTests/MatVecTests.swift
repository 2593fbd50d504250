import Testing
import Roundoff
import Solvers

/// Column-wise y = A·x (Connolly, Higham & Mary 2021, §5).
struct MatVecTests {
    /// The solver accumulates in the stated order: in binary16 with
    /// round-to-nearest it equals a native `Float16` loop doing
    /// `y_i = y_i + a_ij·x_j` column by column.
    @Test func emulatedBinary16MatchesNativeFloat16() {
        let m = 7, n = 300
        let s = StochasticStream(seed: 9)
        let a = (0..<(m * n)).map { Float16(s.unitInterval(at: UInt64($0))) }
        let x = (0..<n).map { Float16(s.unitInterval(at: UInt64(m * n + $0))) }
        var native = [Float16](repeating: 0, count: m)
        for j in 0..<n { for i in 0..<m { native[i] = native[i] + a[i + j * m] * x[j] } }
        typealias Half = Emulated<FP16, RNE>
        let y = ColumnwiseMatVec<Half>.product(a.map { Half(Double($0)) }, rows: m, x: x.map { Half(Double($0)) })
        #expect(y.map(\.value) == native.map { Double($0) })
    }

    /// Round-to-nearest obeys the deterministic bound: the componentwise
    /// backward error of a recursively summed dot product is at most
    /// γ_n = n·u/(1 − n·u) (Higham, Accuracy and Stability, Thm. 3.5 /
    /// eq. 3.12 per row). binary64, binary32 and bfloat16 (no underflow
    /// with these data: all have at least binary32's range).
    @Test(arguments: [(FloatFormat.fp64, 1000), (.fp32, 1000), (.bf16, 100)])
    func nearestStaysWithinTheDeterministicBound(format: FloatFormat, maxN: Int) throws {
        let metrics = try runCell("matvec", format, .nearestEven, ["n": "10,\(maxN / 2),\(maxN)", "rows": "20"])
        let errors = metrics.series("backward_error")
        #expect(errors.count == 3)
        for (n, e) in errors {
            let nu = n * format.unitRoundoff
            #expect(e <= nu / (1 - nu), "n = \(n): \(e) > γ_n")
        }
        // the binary64 run's own error: within n·u64 as well
        for (n, e) in metrics.series("backward_error_binary64") { #expect(e <= n * 0x1p-53 * 1.01) }
    }

    /// Beyond the point where increments fall under half an ulp of the
    /// partial sums, round-to-nearest stagnates and its backward error
    /// grows like n·u, while stochastic rounding stays near √n·u
    /// (binary16, n = 10^4: y ≈ 2.5 has spacing 2^−9, products are ~2.5·10^−4).
    @Test func stochasticStaysNearRootNU() throws {
        let params = ["n": "10000", "rows": "10"]
        let nearest = try #require(runCell("matvec", .fp16, .nearestEven, params).series("backward_error")[10000])
        var errors: [Double] = []
        for seed: UInt64 in 1...3 {
            errors.append(try #require(runCell("matvec", .fp16, .stochastic, seed: seed, params).series("backward_error")[10000]))
        }
        let rootNU = 100 * FloatFormat.fp16.unitRoundoff
        #expect(nearest > rootNU)
        #expect(errors.allSatisfy { $0 < rootNU }, "SR \(errors), √n·u = \(rootNU)")
        #expect(errors.reduce(0, +) / 3 < nearest / 4, "SR \(errors) vs RN \(nearest)")
    }

    /// The exact-product accumulator: Σ of products whose binary64 sum
    /// cancels to nothing still gives the exact result.
    @Test func compensatedSumIsExactOnCancellation() {
        var s = CompensatedSum<Double>()
        s.addProduct(1 + 0x1p-30, 1 - 0x1p-30)   // 1 − 2^−60
        s.add(-1)
        #expect(s.sum == -0x1p-60)
        var t = CompensatedSum<Double>()
        for x in [1e100, 1.0, -1e100] { t.add(x) }
        #expect(t.sum == 1)
    }
}
