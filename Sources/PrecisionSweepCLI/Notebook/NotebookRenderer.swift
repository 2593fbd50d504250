import Foundation
import RoundoffWorkloads

/// Writes the Markdown of a notebook's generated blocks from a finished sweep.
struct NotebookRenderer {
    /// What the `run` block reports.
    struct RunRecord {
        /// The notebook as the commands name it, e.g. `Notebooks/lorenz`.
        var notebookPath: String
        /// The full sweep's grid and results folder.
        var full: SweepGrid
        var fullOutput: String
        /// The quick sweep's grid, when the sweep file has `quick:`.
        var quick: SweepGrid?
    }

    let query: ResultsQuery
    /// The folder holding the sweep's rendered figures (`DIR/plots`).
    let plots: URL
    let record: RunRecord
    /// A quick run: values of cells it did not run print as "not run"
    /// instead of failing.
    let isQuick: Bool

    /// The body of each block, and the figures (PNG names) they show.
    func render(_ specs: [NotebookBlockSpec]) throws(NotebookError) -> (bodies: [String], figures: [String]) {
        var bodies: [String] = []
        var figures: [String] = []
        for spec in specs {
            switch spec {
            case .table(let rows): bodies.append(try table(rows))
            case .grid(let grid): bodies.append(try self.grid(grid))
            case .figure(let name, let caption):
                let file = "\(name).png"
                guard FileManager.default.fileExists(atPath: plots.appendingPathComponent(file).path) else {
                    let available = ((try? FileManager.default.contentsOfDirectory(atPath: plots.path)) ?? [])
                        .filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) }.sorted()
                    throw NotebookError(
                        "the sweep drew no figure '\(name)' (no \(plots.appendingPathComponent(file).path)); its figures: \(available.isEmpty ? "none" : available.joined(separator: ", "))")
                }
                figures.append(file)
                bodies.append("![\(Self.escapeAlt(caption))](figures/\(file))\n\n*\(caption)*\n")
            case .run: bodies.append(run())
            }
        }
        return (bodies, figures)
    }

    private func table(_ rows: [NotebookBlockSpec.TableRow]) throws(NotebookError) -> String {
        var lines = ["| Quantity | Published | Roundoff | Source |", "|---|---|---|---|"]
        for row in rows {
            var entries: [String] = []
            for value in row.values { entries.append(try format(value.selector, seeds: value.seeds, style: value.style)) }
            lines.append("| \(Self.cell(row.quantity)) | \(Self.cell(row.published)) | \(entries.joined(separator: " / ")) | \(Self.cell(row.source)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func grid(_ grid: NotebookBlockSpec.Grid) throws(NotebookError) -> String {
        if !query.contains(workload: grid.workload) && isQuick { return "*(workload \(grid.workload) not in the quick run)*\n" }
        var cells = query.cells(of: grid.workload)
        guard !cells.isEmpty else { throw NotebookError("no results for workload '\(grid.workload)'") }
        if let formats = grid.formats {
            cells = formats.flatMap { format in cells.filter { $0.format == format } }
        }
        if let modes = grid.modes {
            // Formats keep their order; within a format, the modes' order.
            var formats: [String] = []
            for cell in cells where !formats.contains(cell.format) { formats.append(cell.format) }
            cells = formats.flatMap { format in
                modes.compactMap { mode in cells.first { $0.format == format && $0.mode == mode } }
            }
        }
        var lines = ["| format | mode | " + grid.headers.map(Self.cell).joined(separator: " | ") + " |",
                     "|---|---|" + String(repeating: "---|", count: grid.headers.count)]
        for cell in cells {
            var entries: [String] = []
            for metric in grid.metrics {
                let selector = ResultsQuery.Selector(
                    workload: grid.workload, format: cell.format, mode: cell.mode, metric: metric,
                    x: query.isSeries(workload: grid.workload, metric: metric) && !query.isScalar(workload: grid.workload, metric: metric) ? grid.x : nil)
                entries.append(try format(selector, seeds: grid.seeds, style: grid.style, missing: "—"))
            }
            lines.append("| \(cell.format) | \(cell.mode) | " + entries.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One value; a cell the results lack is an error in a full run.
    private func format(
        _ selector: ResultsQuery.Selector, seeds: SeedCombination, style: NumberStyle, missing: String? = nil
    ) throws(NotebookError) -> String {
        if isQuick && !query.contains(workload: selector.workload) { return "not run" }
        let values = try query.values(selector, requirePoint: !isQuick)
        if values.isEmpty {
            if isQuick { return "not run" }
            if let missing { return missing }
            let cells = query.cells(of: selector.workload).map { "\($0.format) \($0.mode)" }
            throw NotebookError(
                "no value of \(selector.workload) \(selector.metric) for \(selector.format) \(selector.mode); the results' cells of \(selector.workload): \(cells.joined(separator: ", "))")
        }
        return seeds.format(values, style: style)
    }

    private func run() -> String {
        func size(_ grid: SweepGrid) -> String {
            let stochastic = grid.modes.contains(where: \.isStochastic) ? ", \(grid.seeds) seed(s) per stochastic mode" : ""
            return "\(grid.workloads.count) workload(s) × \(grid.formats.count) format(s) × \(grid.modes.count) mode(s)\(stochastic) = \(grid.count) cells"
        }
        var text = """
            Re-run from the repository root (after `./setup.sh`):

            ```sh
            .build/release/precision-sweep notebook \(record.notebookPath)           # the full sweep
            .build/release/precision-sweep notebook \(record.notebookPath) --quick   # the reduced version CI runs
            ```

            - Sweep ([`sweep.yaml`](sweep.yaml)): workloads \(record.full.workloads.map { "`\($0.name)`" }.joined(separator: ", ")); \
            formats \(record.full.formats.map { "`\($0.description)`" }.joined(separator: ", ")); \
            modes \(record.full.modes.map { "`\($0.description)`" }.joined(separator: ", ")): \(size(record.full)).

            """
        if let quick = record.quick { text += "- Quick version: \(size(quick)).\n" }
        text += "- Results: `\(record.fullOutput)/` (`results.csv`, `run.json`, `plots/`). Roundoff \(RoundoffVersion.version).\n"
        return text
    }

    /// Text for a Markdown table cell: pipes escaped, line breaks as spaces.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func escapeAlt(_ text: String) -> String {
        text.replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: "\n", with: " ")
    }
}
