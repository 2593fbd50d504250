import Foundation
import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// Per-cell wall times of every solver workload with its defaults, over the
/// default study grid (fp64, fp32, bf16, fp16, e4m3 × rne, sr with 3 seeds).
/// Off by default; run in release with
/// `ROUNDOFF_TIMING=1 swift test -c release --filter WorkloadTimingTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ROUNDOFF_TIMING"] != nil))
struct WorkloadTimingTests {
    @Test func defaultCells() throws {
        let only = ProcessInfo.processInfo.environment["ROUNDOFF_TIMING_WORKLOADS"]?.split(separator: ",").map(String.init)
        var total = 0.0
        for workload in SolverWorkloads.all where only?.contains(workload.name) ?? true {
            let values = try workload.values([:])
            var start = Date()
            let reference = try workload.reference(values)
            let referenceTime = Date().timeIntervalSince(start)
            var line = "\(workload.name): reference \(String(format: "%.3f", referenceTime)) s;"
            var sum = referenceTime
            for format in [FloatFormat.fp64, .fp32, .bf16, .fp16, .e4m3] {
                for (mode, seed) in [(RoundingMode.nearestEven, UInt64(0)), (.stochastic, 1), (.stochastic, 2), (.stochastic, 3)] {
                    start = Date()
                    let metrics = try workload.run(Precision(format: format, mode: mode, seed: seed), values, reference: reference)
                    let t = Date().timeIntervalSince(start)
                    sum += t
                    if seed <= 1 {
                        line += " \(format.name)/\(mode.spec) \(String(format: "%.3f", t)) s"
                        let scalars = metrics.filter { $0.x == nil }.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                        print("  \(workload.name) \(format.name)/\(mode.spec)/\(seed): \(scalars)")
                    }
                }
            }
            print(line + " — total \(String(format: "%.2f", sum)) s")
            total += sum
        }
        print("all workloads, one core: \(String(format: "%.1f", total)) s")
    }
}
