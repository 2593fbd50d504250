import Foundation
import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// The parameters shared by the linear-solver workloads that choose the
/// system: the matrix (`matrix`, `n`, `kappa`, `operator`), the right-hand
/// side (`rhs`) and the seed of the random ones (`problem_seed`).
///
/// - `matrix=poisson`: the model problem of ``PoissonOperator`` on an
///   `n × n` interior grid, `h = 1/(n+1)`, scaled by `h²` (4 on the
///   diagonal, −1 off it: exact in every format); `κ₂ = cot²(πh/2)`.
///   `operator=matrix-free` (default) applies the stencil, `operator=csr`
///   stores the matrix (the same bits in deterministic modes).
/// - `matrix=spd`: `Q·diag(d)·Qᵀ` of order `n` with `Q` Haar-random
///   (``RandomOrthogonal``, seed `problem_seed`) and `d` geometric from 1
///   down to `1/kappa`, so `κ₂ = kappa`; dense, stored as CSR.
/// - `matrix=PATH.mtx`: a symmetric positive definite Matrix Market file
///   (``MatrixMarket``), e.g. from the SuiteSparse collection.
/// - `rhs=ones`: `bᵢ = 1` (exact in every format; for the model problem the
///   discrete `−Δu = 1/h²`, a smooth solution of size ≈ 0.074/h²);
///   `rhs=random`: `bᵢ` uniform in `[−1, 1)` from `problem_seed`.
///
/// Every cell rounds `A` and `b` into its storage format, so the rounding
/// of the data is part of what a cell measures.
struct LinearSystemChoice: Hashable {
    enum Matrix: Hashable {
        case poisson(gridSize: Int)
        case spd(order: Int, kappa: Double)
        case file(String)
    }
    enum RightHandSide: String { case ones, random }

    var matrix: Matrix
    var rightHandSide: RightHandSide
    var seed: UInt64
    var matrixFree: Bool

    /// The largest model-problem grid side (the banded reference needs
    /// `(n + 1)·n²` doubles: 135 MB at 256).
    static let maxGridSize = 300
    /// The largest `spd` order (its construction costs `O(n³)`).
    static let maxOrder = 1000
    /// The largest band storage `(kd + 1)·n` of a file's reference solve, in doubles.
    static let maxBandStorage = 50_000_000
    /// The largest file order for which `κ₂` is computed (dense eigenvalues).
    static let maxEigenvalueOrder = 2000

    /// The shared parameters, with `n` defaulting to `defaultSize`.
    static func parameters(defaultSize: Int) -> [WorkloadParameter] {
        [
            WorkloadParameter("matrix", default: "poisson",
                              "poisson (5-point Laplacian, n × n grid), spd (random, order n, condition kappa) or a Matrix Market file PATH.mtx"),
            WorkloadParameter("n", default: "\(defaultSize)", "grid side N (poisson: N² unknowns, h = 1/(N+1)) or order (spd)"),
            WorkloadParameter("kappa", default: "1000", "2-norm condition number of the spd matrix"),
            WorkloadParameter("operator", default: "matrix-free", "poisson: matrix-free (stencil) or csr (stored matrix)"),
            WorkloadParameter("rhs", default: "ones", "right-hand side: ones or random (uniform in [-1, 1))"),
            WorkloadParameter("problem_seed", default: "1", "seed of the spd matrix and the random right-hand side (the same in every cell)"),
        ]
    }

    init(_ values: ParameterValues) throws {
        let name = values.string("matrix")
        switch name.lowercased() {
        case "poisson":
            matrix = .poisson(gridSize: try values.int("n", in: 1...Self.maxGridSize))
        case "spd":
            matrix = .spd(order: try values.int("n", in: 1...Self.maxOrder), kappa: try values.double("kappa", in: 1...1e16))
        default:
            guard name.lowercased().hasSuffix(".mtx") else {
                throw ParameterError("parameter matrix=\(name) is not accepted; accepted: poisson, spd, or a Matrix Market file path ending in .mtx")
            }
            matrix = .file(name)
        }
        switch values.string("operator").lowercased() {
        case "matrix-free", "stencil": matrixFree = true
        case "csr": matrixFree = false
        default:
            throw ParameterError("parameter operator=\(values.string("operator")) is not accepted; accepted: matrix-free, csr")
        }
        guard let rhs = RightHandSide(rawValue: values.string("rhs").lowercased()) else {
            throw ParameterError("parameter rhs=\(values.string("rhs")) is not accepted; accepted: ones, random")
        }
        rightHandSide = rhs
        seed = UInt64(try values.int("problem_seed", in: 0...Int.max))
    }

    /// The model-problem grid side, when the matrix is the model problem.
    var gridSize: Int? {
        if case .poisson(let n) = matrix { return n }
        return nil
    }

    /// Builds the binary64 system and solves it with LAPACKE.
    /// - Throws: ``ParameterError`` for an unusable file or matrix.
    func system() throws -> LinearSystem {
        let csr: CSRMatrix<Double>
        var dense: [Double]? = nil
        var kappa = Double.nan
        switch matrix {
        case .poisson(let n):
            csr = CSRMatrix<Double>.poisson(gridSize: n)
            kappa = PoissonModelProblem.conditionNumber(gridSize: n)
        case .spd(let n, let k):
            let a = RandomOrthogonal.symmetric(eigenvalues: RandomOrthogonal.geometricSpectrum(n: n, kappa: k), seed: seed)
            csr = CSRMatrix<Double>(denseColumnMajor: a, rows: n, columns: n)
            dense = a
            kappa = k
        case .file(let path):
            do {
                csr = try MatrixMarket.read(path: path)
            } catch let e as MatrixMarket.ReadError {
                throw ParameterError("parameter matrix=\(path): \(e.description)")
            }
            guard csr.rowCount == csr.columnCount, csr.rowCount > 0 else {
                throw ParameterError("parameter matrix=\(path): a \(csr.rowCount) × \(csr.columnCount) matrix; accepted: square, symmetric positive definite")
            }
            guard csr.isSymmetric else {
                throw ParameterError("parameter matrix=\(path): the matrix is not symmetric; accepted: symmetric positive definite")
            }
            let n = csr.rowCount
            let kd = PositiveDefiniteSolve.lowerBandwidth(rowStart: csr.rowStart, columns: csr.columns)
            guard (kd + 1) * n <= Self.maxBandStorage else {
                throw ParameterError("parameter matrix=\(path): order \(n) with half-bandwidth \(kd) needs \((kd + 1) * n) doubles for the LAPACKE reference; accepted: at most \(Self.maxBandStorage) (reorder the matrix to reduce its bandwidth)")
            }
            if n <= Self.maxEigenvalueOrder {
                var a = [Double](repeating: 0, count: n * n)
                for i in 0..<n { for k in csr.rowStart[i]..<csr.rowStart[i + 1] { a[i + csr.columns[k] * n] = csr.values[k] } }
                let eigenvalues = try SymmetricEigenvalues.of(a, order: n)
                if let low = eigenvalues.first, let high = eigenvalues.last, low > 0 { kappa = high / low }
            }
        }
        let n = csr.rowCount
        let b: [Double]
        switch rightHandSide {
        case .ones:
            b = [Double](repeating: 1, count: n)
        case .random:
            let stream = StochasticStream(seed: seed, stream: 0x5EED_0B)
            b = (0..<n).map { 2 * stream.unitInterval(at: UInt64($0)) - 1 }
        }
        do {
            return try LinearSystem(matrix: csr, dense: dense, rightHandSide: b, conditionNumber: kappa, gridSize: gridSize)
        } catch let e as PositiveDefiniteSolve.Failure {
            throw ParameterError("parameter matrix=\(values(of: matrix)): \(e.description); accepted: symmetric positive definite matrices")
        }
    }

    private func values(of matrix: Matrix) -> String {
        switch matrix {
        case .poisson: "poisson"
        case .spd: "spd"
        case .file(let path): path
        }
    }
}
