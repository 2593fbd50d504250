import Foundation

/// Writes one gnuplot script per figure next to its data in `DIR/plots/`
/// and renders them (PNG and SVG) when gnuplot is installed.
///
/// The figures follow the data in `DIR/results.csv`, so new workloads and
/// metrics are plotted without code changes:
/// - each scalar metric of each workload vs format, one curve per mode
///   (`WORKLOAD-METRIC-by-format`);
/// - each series metric vs its abscissa, one curve per (format, mode)
///   (`WORKLOAD-METRIC`), with u and √n·u reference lines for the sum and
///   matrix–vector studies.
///
/// For every figure NAME it writes `plots/NAME.dat` (the data drawn, as
/// whitespace-separated blocks) and `plots/NAME.gp` (a commented script using
/// only relative paths), then runs `gnuplot NAME.gp` inside `plots/`, which
/// writes `NAME.png` and `NAME.svg`. Scripts and data are written even when
/// gnuplot is missing or fails, so they can be rendered later by hand.
public enum PlotRenderer {
    /// What ``render(resultsDirectory:log:)`` produced.
    public struct Report: Sendable {
        /// The scripts written (`DIR/plots/*.gp`).
        public var scripts: [URL] = []
        /// The images rendered (empty when gnuplot is missing).
        public var images: [URL] = []
        /// Whether gnuplot was found.
        public var gnuplotFound = false
        /// The scripts gnuplot failed on (nonzero exit, timeout, or an image
        /// not written); their error output went to the log.
        public var failedScripts: [URL] = []
        /// An empty report: nothing written, gnuplot not found.
        public init() {}
    }

    /// How long one script may render before gnuplot is stopped, in seconds.
    public static let timeoutPerScript = 60.0

    /// Reads `DIR/results.csv`, writes the figures' data and scripts, renders them.
    ///
    /// Uses the first `gnuplot` on `PATH`. A missing gnuplot, or gnuplot
    /// failing on some scripts, is reported through `log` and the returned
    /// ``Report`` (not thrown): the other figures are still rendered.
    ///
    /// - Parameter only: the names of the figures to render (every script
    ///   and data file is still written); nil renders them all. Images of
    ///   the other figures are removed, so none is stale.
    /// - Throws: ``ResultsTableError`` when `results.csv` is missing or does
    ///   not parse; a file-system error when `DIR/plots` cannot be written.
    public static func render(resultsDirectory: URL, only: Set<String>? = nil, log: (String) -> Void) throws -> Report {
        try render(resultsDirectory: resultsDirectory,
                   gnuplot: GnuplotRunner.locate(searchPath: ProcessInfo.processInfo.environment["PATH"]),
                   timeout: timeoutPerScript, only: only, log: log)
    }

    /// ``render(resultsDirectory:only:log:)`` with the gnuplot to use (nil: none
    /// installed) and the time limit given, so tests need not change `PATH`.
    static func render(resultsDirectory: URL, gnuplot: GnuplotRunner?, timeout: Double,
                       only: Set<String>? = nil, log: (String) -> Void) throws -> Report {
        let csv = resultsDirectory.appendingPathComponent("results.csv")
        let table = try ResultsTable(contentsOf: csv)
        var report = Report()
        report.gnuplotFound = gnuplot != nil
        let figures = FigurePlanner.figures(for: table)
        let failedCells = table.rows.filter { $0.metric == ResultsCSV.failureMetric }.count
        if failedCells > 0 {
            log("not plotted: \(failedCells) failed cell\(failedCells == 1 ? "" : "s") (metric \(ResultsCSV.failureMetric)); run.json and the sweep log say why")
        }
        guard !figures.isEmpty else {
            log("nothing to plot in \(csv.path) (\(table.rows.count) rows)")
            return report
        }

        let plots = resultsDirectory.appendingPathComponent("plots")
        try FileManager.default.createDirectory(at: plots, withIntermediateDirectories: true)
        for figure in figures {
            try Data(DataFile.text(for: figure).utf8).write(to: plots.appendingPathComponent(figure.name + ".dat"), options: .atomic)
            let script = plots.appendingPathComponent(figure.name + ".gp")
            try Data(GnuplotScript.text(for: figure).utf8).write(to: script, options: .atomic)
            report.scripts.append(script)
        }
        log("read \(table.rows.count) rows from \(csv.path); wrote \(figures.count) figure scripts and data to \(plots.path)")

        guard let gnuplot else {
            log("gnuplot not found: wrote \(figures.count) scripts and data to \(plots.path); install gnuplot-nox to render")
            return report
        }
        var requested = 0
        for (figure, script) in zip(figures, report.scripts) {
            let images = ["png", "svg"].map { plots.appendingPathComponent(figure.name + "." + $0) }
            // Stale images from an earlier run must not pass for fresh ones.
            for image in images { try? FileManager.default.removeItem(at: image) }
            if let only, !only.contains(figure.name) { continue }
            requested += 1
            let outcome = gnuplot.run(script: script.lastPathComponent, in: plots, timeout: timeout)
            let written = images.filter { Self.isNonEmptyFile($0) }
            if outcome.succeeded && written.count == images.count {
                report.images += images
                if !outcome.stderr.isEmpty {
                    log("gnuplot warnings for \(script.lastPathComponent):\n" + indented(outcome.stderr))
                }
            } else {
                report.failedScripts.append(script)
                report.images += written
                let reason = outcome.stderr.isEmpty ? "no error output, but \(figure.name).png/.svg were not written" : outcome.stderr
                log("gnuplot failed on \(script.lastPathComponent):\n" + indented(reason))
            }
        }
        let rendered = requested - report.failedScripts.count
        var summary = "rendered \(rendered) of \(requested) figures (PNG and SVG) in \(plots.path)"
        if requested < figures.count {
            summary += " (the \(figures.count - requested) others: cd \(plots.path) && gnuplot NAME.gp)"
        }
        if !report.failedScripts.isEmpty {
            summary += "; failed: " + report.failedScripts.map(\.lastPathComponent).joined(separator: ", ")
        }
        log(summary)
        return report
    }

    private static func isNonEmptyFile(_ url: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)??.intValue ?? 0
        return size > 0
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
