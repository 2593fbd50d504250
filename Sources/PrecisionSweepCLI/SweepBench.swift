import Benchmark
import Foundation
import RoundoffWorkloads

/// Bench cases for the sweep engine: the default study at 1 and 2 threads,
/// in cells per second, the 1-thread run as baseline. Needs the solver
/// workloads registered (the `precision-sweep` executable does that).
enum SweepBench {
    static func cases(quick: Bool) -> [BenchCase] {
        var base = SweepConfiguration.defaultStudy
        base.plot = false
        if quick { base.seeds = 1 }
        guard (try? SweepRunner(configuration: base, registry: .shared)) != nil else { return [] }
        let cellCount = (try? SweepGrid(configuration: base, registry: .shared).cells.count) ?? 1
        return [1, 2].map { threads in
            BenchCase(name: "sweep/default-\(threads)-thread", unit: "ms/cell", work: cellCount,
                      baseline: "sweep/default-1-thread", scale: 1e-6,
                      settings: [Iterations(quick ? 1 : 3), WarmupIterations(0)]) {
                var configuration = base
                configuration.threads = threads
                let directory = FileManager.default.temporaryDirectory
                    .appendingPathComponent("roundoff-bench-\(ProcessInfo.processInfo.processIdentifier)-\(threads)")
                configuration.outputDirectory = directory.path
                defer { try? FileManager.default.removeItem(at: directory) }
                try SweepRunner(configuration: configuration, registry: .shared).run(force: true)
            }
        }
    }
}
