import Roundoff
import RoundoffWorkloads
import Solvers

/// The backward error of `y = A·x` accumulated column by column
/// (``ColumnwiseMatVec``) with `A = 10^−3·rand(m, n)`, `x = rand(n)`.
///
/// Source: Connolly, Higham & Mary, "Stochastic rounding and its
/// probabilistic backward error analysis", SISC 43(2) 2021, §5 (m = 100,
/// n = logspace(1, 6, 20); the default stops at 10^5 to keep a cell short).
/// Round-to-nearest errors grow like `n·u` until the sums stagnate;
/// stochastic rounding's stay near `√n·u`.
///
/// The data are uniform in `[0, 1)` from ``StochasticStream`` with seed
/// `data_seed` (`A(i, j)` at position `j·m + i` of stream 0, `x_j` at
/// position `j` of stream 1), so every cell sees the same matrix, and the
/// problem for a smaller `n` is the leading block of a larger one: one pass
/// over the largest `n` gives every point. A and x are rounded to nearest
/// (ties to even) into the cell's format before the product — the same data
/// for every rounding mode of a format, so modes differ only in the
/// arithmetic — and the backward error is measured against the exact
/// product of those rounded data (a binary64 double-length dot product,
/// ``CompensatedSum``, accurate to about `u_64²`).
///
/// Metrics, each a series over `n` (x = n):
/// - `backward_error`: `max_i |y_i − ŷ_i| / (|A||x|)_i` (= `ŷ_i`, the data
///   being nonnegative).
/// - `backward_error_binary64`: the same for the binary64 run.
/// - `n_u`, `sqrt_n_u`: `n·u` and `√n·u` with the format's `u = 2^−p`.
/// And `diverged`.
public struct MatVecWorkload: Workload {
    /// The binary64 run's backward errors.
    public struct Reference: Sendable {
        /// The column counts `n`, increasing.
        public var columns: [Int]
        /// The binary64 backward error for each `n`.
        public var backwardErrors: [Double]
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `matvec`.
    public var name: String { "matvec" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "backward error of column-wise y = A·x: RN grows like n·u, SR like √n·u" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("n", default: "10,32,100,316,1000,3162,10000,31623,100000",
                              "column counts n (comma-separated; published: logspace(1, 6, 20))"),
            WorkloadParameter("rows", default: "100", "rows m of A"),
            WorkloadParameter("data_seed", default: "1", "seed of the random A and x (the same for every cell)"),
        ]
    }

    struct Problem {
        var rows: Int
        var columns: [Int]
        var dataSeed: UInt64

        init(_ values: ParameterValues) throws {
            rows = try values.int("rows", in: 1...100_000)
            columns = try values.ints("n", in: 1...100_000_000).sorted()
            guard let seed = UInt64(values.string("data_seed")) else {
                throw ParameterError("parameter data_seed=\(values.string("data_seed")) is not an unsigned integer")
            }
            dataSeed = seed
        }
    }

    /// The binary64 run's backward error for each `n`.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let problem = try Problem(values)
        let r = Product(problem: problem, format: .fp64).run(Double.self)
        return Reference(columns: problem.columns, backwardErrors: r)
    }

    /// The product in `precision` (data rounded to nearest into its format) and its backward errors.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let problem = try Problem(values)
        let errors = precision.run(Product(problem: problem, format: precision.format))
        let u = precision.format.unitRoundoff
        var metrics = [Metric.diverged(errors)]
        for (i, n) in problem.columns.enumerated() {
            let x = Double(n)
            metrics.append(Metric("backward_error", errors[i], x: x))
            metrics.append(Metric("backward_error_binary64", reference.backwardErrors[i], x: x))
            metrics.append(Metric("n_u", x * u, x: x))
            metrics.append(Metric("sqrt_n_u", x.squareRoot() * u, x: x))
        }
        return metrics
    }

    /// The product in a scalar type; returns the backward error after each
    /// column count. The data are generated and rounded column by column in
    /// binary64; the same rounded values feed the product in `T` and the
    /// exact binary64 reference product.
    struct Product: ScalarComputation {
        let problem: Problem
        /// The format the data are rounded into (to nearest).
        let format: FloatFormat

        func run<T: RealScalar>(_: T.Type) -> [Double] {
            let m = problem.rows
            let n = problem.columns.last ?? 0
            let dataRounding = RoundingKernel(format: format, mode: .nearestEven)
            let aStream = StochasticStream(seed: problem.dataSeed, stream: 0)
            let xStream = StochasticStream(seed: problem.dataSeed, stream: 1)

            var product = ColumnwiseMatVec<T>(rows: m)
            var exact = [CompensatedSum<Double>](repeating: CompensatedSum(), count: m)
            var column = [Double](repeating: 0, count: m)
            var columnT = [T](repeating: .zero, count: m)
            var errors: [Double] = []
            var next = 0
            for j in 0..<n {
                let x = dataRounding.round(xStream.unitInterval(at: UInt64(j)))
                for i in 0..<m {
                    let a = dataRounding.round(1e-3 * aStream.unitInterval(at: UInt64(j * m + i)))
                    column[i] = a
                    columnT[i] = T(a)
                    exact[i].addProduct(a, x)
                }
                product.add(column: columnT, times: T(x))
                while next < problem.columns.count && problem.columns[next] == j + 1 {
                    errors.append(backwardError(product.y, exact))
                    next += 1
                }
            }
            return errors
        }

        /// `max_i |y_i − ŷ_i| / ŷ_i` (NaN if any term is), the difference taken against the
        /// double-length `ŷ = head + tail` so that it is accurate even when
        /// `y` is binary64. (`ŷ_i = (|A||x|)_i` for nonnegative data.)
        func backwardError<T: RealScalar>(_ y: [T], _ exact: [CompensatedSum<Double>]) -> Double {
            var worst = 0.0
            for i in y.indices {
                let difference = (y[i].doubleValue - exact[i].head) - exact[i].tail
                // An exact zero product (all data underflowed) is computed exactly.
                let e = difference == 0 ? 0 : abs(difference) / exact[i].sum
                if e.isNaN { return .nan }
                worst = Swift.max(worst, e)
            }
            return worst
        }
    }
}
