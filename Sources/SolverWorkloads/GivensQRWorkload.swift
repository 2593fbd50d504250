import Roundoff
import RoundoffReference
import RoundoffWorkloads
import Solvers

/// QR factorisation by Givens rotations (``GivensQR``) in the cell's
/// precision, against Householder QR by LAPACKE's `dgeqrf`/`dorgqr` in
/// binary64 (``HouseholderQR``): backward error, loss of orthogonality and
/// the difference of the triangular factors, for square matrices of
/// several orders.
///
/// **Matrices.** For each order `n`, `A = scale·U·Σ·Vᵀ` with Haar-random `U`,
/// `V` and singular values geometrically spaced from 1 to `1/kappa`
/// (``SingularValueMatrix``, seed `matrix_seed + n`), built in binary64 by
/// OpenBLAS and rounded to nearest into the cell's format, so every mode
/// factors the same matrix `A_f` and modes differ only in the arithmetic.
/// `scale` moves the entries through the format's range: the naive
/// rotation squares them, so in binary16 it overflows once entries pass
/// about 256.
///
/// Metrics, each a series over `n` (x = n), all computed in binary64 with
/// compensated dot products (``CompensatedSum``) from the computed factors:
/// - `backward_error`: `‖A_f − Q̂R̂‖_F / ‖A_f‖_F`.
/// - `orthogonality`: `‖Q̂ᵀQ̂ − I‖_F`.
/// - `r_difference`: `‖D̂R̂ − D R‖_F / ‖R‖_F` against LAPACK's `R` of the
///   binary64 `A`, `D̂`, `D` making the diagonals nonnegative (both
///   factorisations fix rows' signs differently); it includes the effect
///   of rounding `A` into the format.
/// - `backward_error_lapack`, `orthogonality_lapack`: the first two for
///   LAPACK's binary64 factors of the binary64 `A`.
/// And `unit_roundoff` (`2^−p`) and `diverged`.
public struct GivensQRWorkload: Workload {
    /// The binary64 matrices and LAPACK's factorisations, one per order.
    public struct Reference: Sendable {
        /// The orders `n`.
        public var orders: [Int]
        /// `A` (binary64, column-major) for each order.
        public var matrices: [[Double]]
        /// LAPACK's `R` with nonnegative diagonal, for each order.
        public var triangular: [[Double]]
        /// `‖A − QR‖_F/‖A‖_F` of LAPACK's factors.
        public var backwardErrors: [Double]
        /// `‖QᵀQ − I‖_F` of LAPACK's `Q`.
        public var orthogonality: [Double]
    }

    /// The parsed parameters.
    struct Setup {
        var orders: [Int]
        var kappa: Double
        var scale: Double
        var algorithm: GivensAlgorithm
        var matrixSeed: UInt64

        init(_ values: ParameterValues) throws {
            orders = try values.ints("n", in: 1...2000)
            kappa = try values.double("kappa", in: 1...1e300)
            scale = try values.double("scale", in: 1e-300...1e300)
            let name = values.string("algorithm").lowercased()
            guard let a = GivensAlgorithm(rawValue: name) else {
                throw ParameterError("parameter algorithm=\(values.string("algorithm")) is not accepted; accepted: \(GivensAlgorithm.names.joined(separator: ", "))")
            }
            algorithm = a
            guard let seed = UInt64(values.string("matrix_seed")) else {
                throw ParameterError("parameter matrix_seed=\(values.string("matrix_seed")) is not an unsigned integer")
            }
            matrixSeed = seed
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `givens-qr`.
    public var name: String { "givens-qr" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "QR by Givens rotations vs LAPACKE dgeqrf: ‖A − QR‖/‖A‖, ‖QᵀQ − I‖" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("n", default: "8,16,32,64", "orders n of the square matrices (comma-separated)"),
            WorkloadParameter("kappa", default: "1e3", "2-norm condition number of A"),
            WorkloadParameter("scale", default: "1", "A is multiplied by this (‖A‖₂ = scale)"),
            WorkloadParameter("algorithm", default: "plg2022", "rotation algorithm: \(GivensAlgorithm.names.joined(separator: ", "))"),
            WorkloadParameter("matrix_seed", default: "1", "seed of the random orthogonal factors (order n uses matrix_seed + n)"),
        ]
    }

    /// The matrices and LAPACK's binary64 QR of each.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        var reference = Reference(orders: setup.orders, matrices: [], triangular: [], backwardErrors: [], orthogonality: [])
        for n in setup.orders {
            let sigma = RandomOrthogonal.geometricSpectrum(n: n, kappa: setup.kappa).map { $0 * setup.scale }
            let a = SingularValueMatrix.make(singularValues: sigma, rows: n, seed: setup.matrixSeed &+ UInt64(n))
            let (q, r) = HouseholderQR.factor(a, rows: n, columns: n)
            reference.matrices.append(a)
            reference.triangular.append(Self.nonnegativeDiagonal(r, n: n))
            reference.backwardErrors.append(Self.backwardError(a: a, q: q, r: r, n: n))
            reference.orthogonality.append(Self.orthogonality(q, n: n))
        }
        return reference
    }

    /// The Givens QR in `precision` of each matrix and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let rounding = RoundingKernel(format: precision.format, mode: .nearestEven)
        let rounded = reference.matrices.map { $0.map { rounding.round($0) } }
        let factors = precision.run(Factorisations(matrices: rounded, orders: reference.orders, algorithm: setup.algorithm))
        var metrics: [Metric] = []
        var all: [Double] = []
        for (k, n) in reference.orders.enumerated() {
            let (q, r) = factors[k]
            all += q + r
            let x = Double(n)
            let lapackR = reference.triangular[k]
            let difference = zip(Self.nonnegativeDiagonal(r, n: n), lapackR).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let size = lapackR.reduce(0.0) { $0 + $1 * $1 }
            metrics.append(Metric("backward_error", Self.backwardError(a: rounded[k], q: q, r: r, n: n), x: x))
            metrics.append(Metric("orthogonality", Self.orthogonality(q, n: n), x: x))
            metrics.append(Metric("r_difference", (difference / size).squareRoot(), x: x))
            metrics.append(Metric("backward_error_lapack", reference.backwardErrors[k], x: x))
            metrics.append(Metric("orthogonality_lapack", reference.orthogonality[k], x: x))
        }
        return metrics + [Metric("unit_roundoff", precision.format.unitRoundoff), Metric.diverged(all)]
    }

    /// `‖A − QR‖_F / ‖A‖_F` for `n × n` column-major factors, each entry of
    /// `QR` a compensated dot product (as if in twice binary64's precision).
    static func backwardError(a: [Double], q: [Double], r: [Double], n: Int) -> Double {
        var residual = 0.0, size = 0.0
        for j in 0..<n {
            for i in 0..<n {
                var s = CompensatedSum<Double>()
                s.add(a[i + j * n])
                // R is upper triangular: row k of column j vanishes for k > j.
                for k in 0...j { s.addProduct(-q[i + k * n], r[k + j * n]) }
                residual += s.sum * s.sum
                size += a[i + j * n] * a[i + j * n]
            }
        }
        return (residual / size).squareRoot()
    }

    /// `‖QᵀQ − I‖_F` for an `n × n` column-major `q`, compensated as above.
    static func orthogonality(_ q: [Double], n: Int) -> Double {
        var total = 0.0
        for j in 0..<n {
            for i in 0...j {
                var s = CompensatedSum<Double>()
                if i == j { s.add(-1) }
                for k in 0..<n { s.addProduct(q[k + i * n], q[k + j * n]) }
                total += (i == j ? 1 : 2) * s.sum * s.sum
            }
        }
        return total.squareRoot()
    }

    /// `D·R` with `D = diag(sign r_ii)` (`+1` for a zero diagonal entry).
    static func nonnegativeDiagonal(_ r: [Double], n: Int) -> [Double] {
        var out = r
        for i in 0..<n where r[i + i * n] < 0 {
            for j in 0..<n { out[i + j * n] = -out[i + j * n] }
        }
        return out
    }

    /// The Givens QR of each matrix in a scalar type; returns `(Q, R)` as binary64.
    struct Factorisations: ScalarComputation {
        let matrices: [[Double]]
        let orders: [Int]
        let algorithm: GivensAlgorithm

        func run<T: RealScalar>(_: T.Type) -> [(q: [Double], r: [Double])] {
            zip(matrices, orders).map { a, n in
                let qr = GivensQR(DenseMatrix<T>(rows: n, columns: n, columnMajor: a), algorithm: algorithm)
                return (qr.q.doubleValues, qr.r.doubleValues)
            }
        }
    }
}
