import Benchmark
import Roundoff
import RoundoffReference
import Solvers

/// Bench cases for conjugate gradient on the `N × N` Poisson model problem
/// (`bᵢ = 1/N`, so `‖b‖₂ = 1` and `bᵀb` stays inside fp16's range; a fixed
/// number of iterations, no stopping test), in time per unknown and
/// iteration:
///
/// - the generic solver (matrix-free stencil) in emulated formats against
///   the same generic code in `Double` (`cg/double`);
/// - the generic solver in `Double` on the stored (CSR) and matrix-free
///   matrix against an OpenBLAS-based binary64 CG with the same CSR
///   product (`cg/openblas-csr`, OpenBLAS limited to one thread).
enum ConjugateGradientBench {
    struct BrokeDown: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name): conjugate gradient broke down; the timing would not be of full iterations" }
    }

    static func cases(gridSize n: Int, iterations: Int) -> [BenchCase] {
        BLASConjugateGradient.singleThreaded()
        let work = iterations * n * n
        let b = [Double](repeating: 1 / Double(n), count: n * n)
        let csr = CSRMatrix<Double>.poisson(gridSize: n)
        func generic<S: RealScalar, A: RealScalar>(_ name: String, _: S.Type, _: A.Type, baseline: String = "cg/double",
                                                   csr stored: Bool = false) -> BenchCase {
            BenchCase(name: name, unit: "ns/(unknown·iter)", work: work, baseline: baseline) {
                try RoundingContext.withStream(StochasticStream(seed: 1)) {
                    stored
                        ? try iterate(name, CSRMatrix<S>(csr), A.self, b, iterations)
                        : try iterate(name, PoissonOperator<S>(gridSize: n), A.self, b, iterations)
                }
            }
        }
        func runtime(_ name: String, _ format: FloatFormat, _ mode: RoundingMode) -> BenchCase {
            BenchCase(name: name, unit: "ns/(unknown·iter)", work: work, baseline: "cg/double") {
                if RoundingContext.run(Iterations(gridSize: n, b: b, iterations: iterations), format: format, mode: mode, seed: 1) {
                    throw BrokeDown(name: name)
                }
            }
        }
        return [
            generic("cg/double", Double.self, Double.self),
            runtime("cg/bf16-rne-runtime", .bf16, .nearestEven),
            generic("cg/bf16-rne-static", Emulated<BF16, RNE>.self, Emulated<BF16, RNE>.self),
            runtime("cg/bf16-sr-runtime", .bf16, .stochastic),
            generic("cg/bf16-storage-fp32-accumulation", Emulated<BF16, RNE>.self, Float.self),
            runtime("cg/fp16-rne-runtime", .fp16, .nearestEven),
            BenchCase(name: "cg/openblas-csr", unit: "ns/(unknown·iter)", work: work, baseline: "cg/openblas-csr") {
                let r = BLASConjugateGradient.solve(rowStart: csr.rowStart, columns: csr.columns, values: csr.values,
                                                    rightHandSide: b, maxIterations: iterations)
                if r.iterations < iterations { throw BrokeDown(name: "cg/openblas-csr") }
                blackHole(r.x)
            },
            generic("cg/double-csr", Double.self, Double.self, baseline: "cg/openblas-csr", csr: true),
            generic("cg/double-matrix-free", Double.self, Double.self, baseline: "cg/openblas-csr"),
        ]
    }

    /// The sweep's path: format and mode from values, dispatched once. Returns whether CG broke down.
    struct Iterations: ScalarComputation {
        let gridSize: Int, b: [Double], iterations: Int
        func run<T: RealScalar>(_: T.Type) -> Bool {
            (try? iterate("", PoissonOperator<T>(gridSize: gridSize), T.self, b, iterations)) == nil
        }
    }

    @inline(never)
    static func iterate<Op: LinearOperator, A: RealScalar>(_ name: String, _ matrix: Op, _: A.Type, _ b: [Double], _ iterations: Int) throws {
        var cg = ConjugateGradient<Op, A>(matrix: matrix, rightHandSide: b)
        for _ in 0..<iterations { cg.step() }
        if cg.brokeDown { throw BrokeDown(name: name) }
        blackHole(cg.x)
    }
}
