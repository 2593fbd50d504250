import Testing
import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// QR by Givens rotations against Householder QR from LAPACKE.
@Suite struct GivensQRTests {
    /// Higham (§19.6): the backward error is `γ̃_{m+n−2}`-sized per column and
    /// `Q̂` is orthogonal to the same order, so both stay below `(m+n)·u`
    /// (`c = 1` in `γ̃_k = c·k·u`; measured values sit near √n·u).
    @Test(arguments: [FloatFormat.fp64, .fp32, .fp16, .bf16])
    func backwardErrorIsOfOrderU(format: FloatFormat) throws {
        let m = try runCell("givens-qr", format, .nearestEven, ["n": "6,24"])
        for n in [6.0, 24.0] {
            let bound = 2 * n * format.unitRoundoff
            #expect(m.series("backward_error")[n]! <= bound, "\(format.name) n = \(n)")
            #expect(m.series("orthogonality")[n]! <= bound * n.squareRoot(), "\(format.name) n = \(n)")
            #expect(m.series("backward_error")[n]! > 0)
        }
        #expect(m.scalar("diverged") == 0)
    }

    /// In binary64 the Givens factors match LAPACK's: same backward error
    /// and orthogonality class, and `R` agrees (rows normalised to a
    /// nonnegative diagonal) to `κ·n·u` (the perturbation bound of `R`).
    @Test func binary64AgreesWithLAPACK() throws {
        let m = try runCell("givens-qr", .fp64, .nearestEven, ["n": "20", "kappa": "100"])
        let u = 0x1p-53
        #expect(m.series("backward_error_lapack")[20]! <= 40 * u)
        #expect(m.series("orthogonality_lapack")[20]! <= 40 * u * 20.0.squareRoot())
        #expect(m.series("r_difference")[20]! <= 100 * 20 * u)
    }

    /// The solver directly: `R` is upper triangular with exact zeros, and a
    /// 2 × 1 column (3, 4) becomes (±5, 0) with `Q` its rotation.
    @Test func factorsHaveTheirShapes() {
        let qr = GivensQR(DenseMatrix<Double>(rows: 2, columns: 1, columnMajor: [3, 4]), algorithm: .pereiraLotfiLangou2022)
        #expect(qr.r[1, 0] == 0 && abs(qr.r[0, 0] - 5) <= 4 * 0x1p-53 * 5)
        #expect(abs(qr.q[0, 0] - 0.6) <= 4e-16 && abs(qr.q[1, 0] - 0.8) <= 4e-16)
        let square = GivensQR(DenseMatrix<Emulated<FP16, RNE>>(rows: 5, columns: 5, columnMajor: (0..<25).map { Double($0 % 7) - 3 }),
                              algorithm: .lapack310)
        for j in 0..<5 { for i in (j + 1)..<5 { #expect(square.r[i, j].value == 0) } }
    }

    /// Binary16 entries past √xmax: the naive rotation overflows (NaN/∞ in
    /// the factors), the scaled ones do not.
    @Test func naiveRotationsOverflowInBinary16() throws {
        let values = ["n": "8", "scale": "1000"]
        let naive = try runCell("givens-qr", .fp16, .nearestEven, values.merging(["algorithm": "naive"]) { $1 })
        #expect(naive.scalar("diverged") == 1)
        let safe = try runCell("givens-qr", .fp16, .nearestEven, values)
        #expect(safe.scalar("diverged") == 0)
        #expect(safe.series("backward_error")[8]! <= 16 * FloatFormat.fp16.unitRoundoff)
        #expect(throws: ParameterError.self) { try runCell("givens-qr", .fp16, .nearestEven, ["algorithm": "fast"]) }
    }
}
