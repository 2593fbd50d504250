import Foundation
import Roundoff
@testable import RoundoffWorkloads

/// Tiny workloads for the sweep-engine tests: each cell takes microseconds,
/// so a whole sweep runs in milliseconds in a debug build.

/// The harmonic partial sums at a few checkpoints, in any scalar type.
struct PartialSums: ScalarComputation {
    let terms: Int

    func run<T: RealScalar>(_: T.Type) -> [Double] {
        var sum = T.zero
        var partials: [Double] = []
        for n in 1...terms {
            sum += 1 / T(Double(n))
            if n % 4 == 0 { partials.append(sum.doubleValue) }
        }
        return partials
    }
}

/// Counts calls from several threads.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

/// A harmonic sum whose stochastic cells depend on the seed: a scalar and a
/// series metric. Counts its reference computations.
struct SumWorkload: Workload {
    var name = "sum"
    let summary = "test: harmonic partial sums"
    let parameters = [
        WorkloadParameter("n", default: "32", "terms"),
        WorkloadParameter("tag", default: "a,b", "a value with a comma, to exercise CSV quoting"),
    ]
    var references = CallCounter()

    func reference(_ values: ParameterValues) throws -> [Double] {
        references.increment()
        return PartialSums(terms: try values.int("n", in: 4...100_000)).run(Double.self)
    }

    func run(_ precision: Precision, parameters values: ParameterValues, reference: [Double]) throws -> [Metric] {
        let partials = precision.run(PartialSums(terms: try values.int("n", in: 4...100_000)))
        return [Metric("sum", partials.last!), Metric("abs_error", abs(partials.last! - reference.last!))]
            + partials.enumerated().map { Metric("partial", $1, x: Double(4 * ($0 + 1))) }
    }
}

/// Throws in formats with fewer than 8 significand bits, as a workload with
/// an unsupported cell would.
struct FlakyWorkload: Workload {
    let name = "flaky"
    let summary = "test: throws for narrow formats"
    let parameters = [WorkloadParameter("n", default: "8", "terms")]

    func reference(_ values: ParameterValues) throws -> Int { try values.int("n") }

    func run(_ precision: Precision, parameters: ParameterValues, reference: Int) throws -> [Metric] {
        guard precision.format.precision >= 8 else {
            throw ParameterError("flaky cannot run in \(precision.format.spec)")
        }
        return [Metric("value", Double(reference))]
    }
}

/// Reports NaN and infinities, as a run that diverged does.
struct DivergingWorkload: Workload {
    let name = "diverging"
    let summary = "test: returns non-finite values"
    let parameters: [WorkloadParameter] = []

    func reference(_ values: ParameterValues) throws -> Double { 1 }

    func run(_ precision: Precision, parameters: ParameterValues, reference: Double) throws -> [Metric] {
        let values = [Double.nan, .infinity, -.infinity]
        return [Metric("y", .nan), Metric("y", .infinity, x: 1), Metric("y", -.infinity, x: 2), Metric.diverged(values)]
    }
}

/// A registry of its own per test, so that tests running in parallel never
/// see each other's workloads.
func registry(_ workloads: [any Workload] = [SumWorkload(), FlakyWorkload(), DivergingWorkload()]) -> WorkloadRegistry {
    let registry = WorkloadRegistry()
    for workload in workloads { registry.register(workload) }
    return registry
}

extension WorkloadRegistry {
    fileprivate func register(_ workload: any Workload) {
        func open<W: Workload>(_ w: W) { register(AnyWorkload(w)) }
        open(workload)
    }
}

/// A fresh folder under the temporary directory, removed by ``remove()``.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundoff-sweep-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder (not created).
    func path(_ name: String) -> URL { url.appendingPathComponent(name, isDirectory: true) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A configuration of the test workloads writing to `out`.
func testConfiguration(
    _ out: URL, workloads: [String] = ["sum"], formats: [String] = ["fp32", "bf16", "fp16"],
    modes: [String] = ["rne", "sr"], seeds: Int = 3, threads: Int = 2, shard: SweepShard? = nil,
    parameters: ParameterOverrides = ParameterOverrides()
) -> SweepConfiguration {
    SweepConfiguration(
        workloads: workloads, formats: formats, modes: modes, seeds: seeds, parameters: parameters,
        outputDirectory: out.path, threads: threads, shard: shard, plot: false)
}

/// The text of `DIR/results.csv`.
func resultsText(_ directory: URL) throws -> String {
    try String(contentsOf: directory.appendingPathComponent("results.csv"), encoding: .utf8)
}

/// Splits one CSV line into fields (RFC 4180 quoting), for checking the schema.
func csvFields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(field)
            field = ""
        } else {
            field.append(c)
        }
    }
    fields.append(field)
    return fields
}
