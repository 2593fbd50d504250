import Foundation

/// Looks up values in a sweep's `results.csv` by workload, format, mode and
/// metric, for notebooks' generated tables.
///
/// Formats and modes are matched as written in the results (the sweep file's
/// spelling, e.g. `fp16`, `sr`). A stochastic mode has one value per seed;
/// ``values(_:)`` returns them in seed order for the caller to combine.
public struct ResultsQuery: Sendable {
    /// Which point of a series metric to read.
    public enum Abscissa: Hashable, Sendable, CustomStringConvertible {
        /// The point whose x equals this value (to a relative 1e−9).
        case value(Double)
        /// The smallest x.
        case first
        /// The largest x.
        case last

        /// `first`, `last` or a number.
        public init?(spec: String) {
            switch spec.lowercased() {
            case "first": self = .first
            case "last": self = .last
            default:
                guard let value = Double(spec) else { return nil }
                self = .value(value)
            }
        }

        /// The spelling ``init(spec:)`` reads.
        public var description: String {
            switch self {
            case .value(let x): return "\(x)"
            case .first: return "first"
            case .last: return "last"
            }
        }
    }

    /// What to look up.
    public struct Selector: Hashable, Sendable {
        /// The workload.
        public var workload: String
        /// The format, as in the results.
        public var format: String
        /// The rounding mode, as in the results.
        public var mode: String
        /// The metric.
        public var metric: String
        /// For a series metric, the point to read; nil for a scalar metric.
        public var x: Abscissa?

        /// A selector with the given values.
        public init(workload: String, format: String, mode: String, metric: String, x: Abscissa? = nil) {
            self.workload = workload
            self.format = format
            self.mode = mode
            self.metric = metric
            self.x = x
        }
    }

    private let table: ResultsTable

    /// Reads `DIR/results.csv`.
    /// - Throws: ``ResultsTableError`` when it is missing or does not parse.
    public init(resultsDirectory: URL) throws(ResultsTableError) {
        table = try ResultsTable(contentsOf: resultsDirectory.appendingPathComponent("results.csv"))
    }

    /// Parses results CSV text (for tests).
    public init(csv: String) throws(ResultsTableError) {
        table = try ResultsTable(csv: csv)
    }

    /// The (format, mode) cells of `workload`, in the order the results list them.
    public func cells(of workload: String) -> [(format: String, mode: String)] {
        var seen = Set<String>()
        var cells: [(format: String, mode: String)] = []
        for row in table.rows where row.workload == workload && seen.insert("\(row.format)\u{1}\(row.mode)").inserted {
            cells.append((row.format, row.mode))
        }
        return cells
    }

    /// Whether the results hold any row of `workload`.
    public func contains(workload: String) -> Bool {
        table.rows.contains { $0.workload == workload }
    }

    /// Whether `metric` of `workload` is a series (some rows have an x).
    public func isSeries(workload: String, metric: String) -> Bool {
        table.rows.contains { $0.workload == workload && $0.metric == metric && $0.x != nil }
    }

    /// Whether `metric` of `workload` has a scalar value (rows without x).
    public func isScalar(workload: String, metric: String) -> Bool {
        table.rows.contains { $0.workload == workload && $0.metric == metric && $0.x == nil }
    }

    /// The value of `selector` for each seed that has it, in seed order;
    /// empty when the results have no such cell, or (unless `requirePoint`)
    /// when its series has no point at `x`.
    /// - Throws: ``NotebookError`` when the workload or the metric is unknown
    ///   (listing those that exist), when a series metric has no `x` or a
    ///   scalar metric has one, or when the series has no point at `x`.
    public func values(_ selector: Selector, requirePoint: Bool = true) throws(NotebookError) -> [Double] {
        let ofWorkload = table.rows.filter { $0.workload == selector.workload }
        guard !ofWorkload.isEmpty else {
            let workloads = Array(Set(table.rows.map(\.workload))).sorted()
            throw NotebookError("no results for workload '\(selector.workload)'; the results hold: \(workloads.joined(separator: ", "))")
        }
        let ofMetric = ofWorkload.filter { $0.metric == selector.metric }
        guard !ofMetric.isEmpty else {
            let metrics = Array(Set(ofWorkload.map(\.metric))).sorted()
            throw NotebookError(
                "workload '\(selector.workload)' has no metric '\(selector.metric)'; its metrics: \(metrics.joined(separator: ", "))")
        }
        // A metric may be both: a scalar (rows without x) and a series of the
        // same name. No x reads the scalar, an x reads the series.
        let hasSeries = ofMetric.contains { $0.x != nil }
        let hasScalar = ofMetric.contains { $0.x == nil }
        switch (selector.x, hasScalar, hasSeries) {
        case (nil, false, _):
            let xs = ofMetric.compactMap(\.x)
            throw NotebookError(
                "\(selector.workload) \(selector.metric) is a series; give x: first, last or a number (its x runs from \(Self.text(xs.min()!)) to \(Self.text(xs.max()!)))")
        case (.some, _, false):
            throw NotebookError("\(selector.workload) \(selector.metric) is a scalar metric; remove x")
        default: break
        }
        let isSeries = selector.x != nil
        let rows = ofMetric.filter { $0.format == selector.format && $0.mode == selector.mode && ($0.x != nil) == isSeries }
        var bySeed: [UInt64: [ResultRow]] = [:]
        for row in rows { bySeed[row.seed, default: []].append(row) }
        var values: [Double] = []
        for seed in bySeed.keys.sorted() {
            let series = bySeed[seed]!
            switch selector.x {
            case nil:
                values.append(series[0].value)
            case .first:
                values.append(series.min { $0.x! < $1.x! }!.value)
            case .last:
                values.append(series.max { $0.x! < $1.x! }!.value)
            case .value(let x):
                guard let point = series.first(where: { abs($0.x! - x) <= 1e-9 * max(abs(x), 1e-300) }) else {
                    if !requirePoint { return [] }
                    let available = series.compactMap(\.x).sorted().prefix(12).map(Self.text)
                    throw NotebookError(
                        "\(selector.workload) \(selector.metric) (\(selector.format), \(selector.mode)) has no point at x = \(Self.text(x)); its x: \(available.joined(separator: ", "))\(series.count > 12 ? ", …" : "")")
                }
                values.append(point.value)
            }
        }
        return values
    }

    private static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
