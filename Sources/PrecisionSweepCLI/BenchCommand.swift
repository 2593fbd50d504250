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

            Timings are medians over repetitions (google/swift-benchmark), single thread.
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
        if let filter { cases = cases.filter { $0.name.contains(filter) || $0.name == $0.baseline } }

        let suite = BenchmarkSuite(name: "roundoff") { suite in
            for c in cases { suite.benchmark(c.name, function: c.body) }
        }
        var runner = BenchmarkRunner(
            suites: [suite],
            settings: [Iterations(iterations), WarmupIterations(1), Format(.none), Quiet(true)])
        try runner.run()
        var median: [String: Double] = [:]
        for r in runner.results {
            median[r.benchmarkName] = r.measurements.sorted()[r.measurements.count / 2]
        }
        let rows = cases.map { c -> BenchRow in
            let ns = (median[c.name] ?? .nan) / Double(c.work)
            let base = (median[c.baseline] ?? .nan) / Double(cases.first { $0.name == c.baseline }?.work ?? 1)
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
        let w = max(28, rows.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
        var out = [pad("case", w) + "  " + pad("time", 16) + pad("baseline", 20) + "ratio"]
        for r in rows {
            out.append(pad(r.name, w) + "  " + pad(String(format: "%.3f %@", r.value, r.unit), 16)
                       + pad(r.baseline, 20) + String(format: "%.2f×", r.ratio))
        }
        return out.joined(separator: "\n")
    }
}

/// Keeps a computed value alive so the optimizer cannot drop the work.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
