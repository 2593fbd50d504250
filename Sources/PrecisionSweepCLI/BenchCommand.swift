import ArgumentParser
import Benchmark
import Foundation
import Roundoff
import Solvers

/// `precision-sweep bench`: speed of the rounding kernels and of emulated
/// arithmetic, each case timed against a baseline measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure rounding and emulated-arithmetic speed as ratios to in-run baselines.",
        discussion: """
            Build in release mode first (swift build -c release). Every case prints its time per \
            element (or per step) and its ratio to a baseline timed in the same run, so the ratios \
            stay meaningful on a shared, noisy machine:

              array/FORMAT/MODE   rounding 10^7 doubles out of place  vs  array/copy (a plain copy)
              lorenz63/TYPE       one Lorenz-63 RK4 step, generic     vs  lorenz63/double
              shallow-water/TYPE  10 model days of the 100 × 50 shallow-water model, per grid
                                  point per step (state and tendency types)  vs  shallow-water/double
              sweep/default-N-thread  the default study (no plots), N threads  vs  1 thread
              cg/TYPE             CG on the 256 × 256 Poisson problem, generic  vs  cg/double
              cg/double-csr       generic binary64 CG, stored matrix  vs  cg/openblas-csr (OpenBLAS, 1 thread)
              nn/matmul/acc-F-M   256³ matrix product, every partial sum rounded into F with M
                                  vs  nn/matmul/double-loop (the same loop unrounded); also openblas
              nn/digits-mlp/POLICY  digits-mlp training steps (64-32-10, batch 16) per policy
                                  vs  nn/digits-mlp/binary64 (OpenBLAS products)
              neural-ode/TYPE     one ode_demo training iteration (20 windows of 10 points, hidden 50,
                                  backprop through RK4), generic  vs  neural-ode/double
              bessel/log-i-double one log I_v(x) in log space (also log-k, naive-i, wide ranges, bf16)
                                  vs  bessel/naive-series-double (the power series for I_v(x))

            Timings are the fastest of the repetitions (google/swift-benchmark), single thread.
            Example: precision-sweep bench --quick --csv
            """
    )

    @Flag(help: "Smaller problem sizes and fewer repetitions (for a smoke test).")
    var quick = false

    @Flag(help: "Print CSV with the header case,value,unit,baseline,ratio.")
    var csv = false

    @Option(help: "Only run cases whose name contains this text.")
    var filter: String?

    mutating func run() throws {
        let elements = quick ? 1_000_000 : 10_000_000
        let steps = quick ? 20_000 : 200_000
        let iterations = quick ? 5 : 15
        var cases: [BenchCase] = []
        cases += ArrayRoundingBench.cases(elements: elements)
        cases += Lorenz63Bench.cases(steps: steps)
        cases += ShallowWaterBench.cases(days: quick ? 1 : 10)
        cases += ConjugateGradientBench.cases(gridSize: quick ? 64 : 256, iterations: quick ? 10 : 50)
        cases += NeuralNetworkBench.cases(size: quick ? 64 : 256, epochs: quick ? 1 : 3)
        cases += NeuralODEBench.cases(iterations: quick ? 2 : 10)
        cases += SweepBench.cases(quick: quick)
        cases += BesselBench.cases(repeats: quick ? 10 : 200)
        if let filter { cases = cases.filter { $0.name.contains(filter) || $0.name == $0.baseline } }

        let suite = BenchmarkSuite(name: "roundoff", settings: Iterations(iterations), WarmupIterations(1)) { suite in
            for c in cases {
                suite.benchmark(c.name, settings: c.settings, function: c.body)
            }
        }
        var runner = BenchmarkRunner(suites: [suite], settings: [Format(.none), Quiet(true)])
        try runner.run()
        var fastest: [String: Double] = [:]
        for r in runner.results {
            // The fastest repetition: on a shared machine, noise only ever adds time.
            fastest[r.benchmarkName] = r.measurements.min() ?? .nan
        }
        let rows = cases.map { c -> BenchRow in
            let ns = (fastest[c.name] ?? .nan) / Double(c.work) * c.scale
            let baseCase = cases.first { $0.name == c.baseline }
            let base = (fastest[c.baseline] ?? .nan) / Double(baseCase?.work ?? 1) * (baseCase?.scale ?? 1)
            return BenchRow(name: c.name, value: ns, unit: c.unit, baseline: c.baseline, ratio: ns / base)
        }
        print(csv ? BenchRow.csv(rows) : BenchRow.table(rows))
    }
}

/// One timed case: `body` does `work` elements or steps.
struct BenchCase {
    let name: String
    let unit: String
    let work: Int
    let baseline: String
    /// Multiplies the per-unit nanoseconds for display (1e-6 gives ms).
    var scale: Double = 1
    /// Settings overriding the suite's repetitions (for long cases).
    var settings: [any BenchmarkSetting] = []
    let body: () throws -> Void
}

/// One printed result.
struct BenchRow {
    let name: String, value: Double, unit: String, baseline: String, ratio: Double

    static func csv(_ rows: [BenchRow]) -> String {
        (["case,value,unit,baseline,ratio"] + rows.map {
            "\($0.name),\(String(format: "%.4f", $0.value)),\($0.unit),\($0.baseline),\(String(format: "%.3f", $0.ratio))"
        }).joined(separator: "\n")
    }

    static func table(_ rows: [BenchRow]) -> String {
        let times = rows.map { String(format: "%.3f %@", $0.value, $0.unit) }
        let w = max(4, rows.map(\.name.count).max() ?? 0) + 2
        let t = max(4, times.map(\.count).max() ?? 0) + 2
        let b = max(8, rows.map(\.baseline.count).max() ?? 0) + 2
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
        var out = [pad("case", w) + pad("time", t) + pad("baseline", b) + "ratio"]
        for (r, time) in zip(rows, times) {
            out.append(pad(r.name, w) + pad(time, t) + pad(r.baseline, b) + String(format: "%.2f×", r.ratio))
        }
        return out.joined(separator: "\n")
    }
}

/// Keeps a computed value alive so the optimizer cannot drop the work.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
