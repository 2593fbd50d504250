import Foundation
import Roundoff

/// The rows of one study: one workload run with one parameter set, over all
/// formats, modes and seeds. Each figure draws one study, because curves of
/// different parameter sets (say n = 10³ and n = 10⁶) are not comparable.
struct Study {
    var workload: String
    var params: String
    var rows: [ResultRow]
    /// Appended to figure names when the workload has several parameter
    /// sets in the file, so their figures do not overwrite each other.
    var nameSuffix: String?
    /// Formats in the order they first appear in the file: the sweep writes
    /// them in the order the user listed them, which is the order to show.
    var formats: [String]
    /// Modes in the order they first appear in the file.
    var modes: [String]
    /// Modes whose values depend on the seed.
    var stochasticModes: Set<String>

    init(workload: String, params: String, rows: [ResultRow], nameSuffix: String? = nil) {
        self.workload = workload
        self.params = params
        self.rows = rows
        self.nameSuffix = nameSuffix
        formats = rows.map(\.format).distinctInOrder()
        modes = rows.map(\.mode).distinctInOrder()
        // A mode is stochastic when its spec says so, or when the file has
        // seeds other than 0 for it (a mode spelled in a way this version
        // does not parse still gets its seeds averaged).
        var stochastic = Set(modes.filter { (try? RoundingMode(spec: $0))?.isStochastic ?? false })
        for row in rows where row.seed != 0 { stochastic.insert(row.mode) }
        stochasticModes = stochastic
    }

    /// Scalar metric names (rows without x), in file order.
    var scalarMetrics: [String] { rows.filter { $0.x == nil }.map(\.metric).distinctInOrder() }
    /// Series metric names (rows with x), in file order.
    var seriesMetrics: [String] { rows.filter { $0.x != nil }.map(\.metric).distinctInOrder() }

    /// The studies of `table`: workloads in file order, each workload's
    /// parameter sets in file order.
    static func all(in table: ResultsTable) -> [Study] {
        var workloads: [String] = []
        var paramsOrder: [String: [String]] = [:]
        var rows: [String: [String: [ResultRow]]] = [:]
        for row in table.rows {
            if paramsOrder[row.workload] == nil { workloads.append(row.workload); paramsOrder[row.workload] = [] }
            if rows[row.workload, default: [:]][row.params] == nil { paramsOrder[row.workload]!.append(row.params) }
            rows[row.workload, default: [:]][row.params, default: []].append(row)
        }
        var studies: [Study] = []
        for workload in workloads {
            let sets = paramsOrder[workload]!
            for (i, params) in sets.enumerated() {
                let suffix = sets.count > 1 ? Self.suffix(params: params, index: i + 1) : nil
                studies.append(Study(workload: workload, params: params, rows: rows[workload]![params]!, nameSuffix: suffix))
            }
        }
        return studies
    }

    /// A file-name suffix naming a parameter set: its values when short
    /// (`n=1000;m=4` → `n1000_m4`), else its position (`set2`).
    static func suffix(params: String, index: Int) -> String {
        let compact = FigureName.sanitize(params.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: ";", with: "_"))
        return compact.isEmpty || compact.count > 40 ? "set\(index)" : compact
    }
}

extension Array where Element: Hashable {
    /// The distinct elements in order of first appearance.
    func distinctInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
