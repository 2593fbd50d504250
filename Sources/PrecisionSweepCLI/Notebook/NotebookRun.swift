import ArgumentParser
import Foundation
import RoundoffWorkloads

/// One notebook rendered: blocks checked, sweep run, figures drawn, Markdown
/// rewritten. Nothing is written to the notebook unless every step succeeds.
struct NotebookRun {
    let folder: NotebookFolder
    let quick: Bool
    /// Rewrite the notebook itself (else write a rendered copy into the results folder).
    let inPlace: Bool
    let out: String?
    let threads: Int?
    let force: Bool

    /// Runs every step.
    /// - Returns: the Markdown file written.
    /// - Throws: ``NotebookError`` or the sweep's error, before anything of the notebook is written.
    func perform() throws -> URL {
        let source = folder.markdown.path
        let text: String
        do {
            text = try String(contentsOf: folder.markdown, encoding: .utf8)
        } catch {
            throw NotebookError("cannot read \(source): \(error.localizedDescription)")
        }
        let document = try NotebookDocument(text: text, source: source)
        var specs: [NotebookBlockSpec] = []
        for block in document.blocks { specs.append(try NotebookBlockSpec(block, source: source)) }

        let file = try SweepFile.load(folder.sweepFile.path)
        if quick && file.quick == nil {
            throw NotebookError("\(folder.sweepFile.path) has no quick: section, so there is no quick version to run")
        }
        var full = SweepConfiguration()
        file.apply(to: &full)
        var reduced: SweepConfiguration?
        if file.quick != nil {
            var configuration = SweepConfiguration()
            file.applyQuick(to: &configuration)
            reduced = configuration
        }
        var configuration = quick ? reduced! : full
        if let out { configuration.outputDirectory = out }
        if let threads { configuration.threads = threads }
        configuration.shard = nil

        let runner = try SweepRunner(configuration: configuration, registry: .shared)
        let record = NotebookRenderer.RunRecord(
            notebookPath: folder.displayPath,
            full: try SweepGrid(configuration: full, registry: .shared),
            fullOutput: full.outputDirectory,
            quick: try reduced.map { try SweepGrid(configuration: $0, registry: .shared) })

        let summary = try runner.run(force: force, progress: SweepProgress.automatic(), handleSignals: true)
        let results = runner.journal.directory
        if summary.failed > 0 {
            let failures = (try? RunManifest.read(runner.journal))??.failures ?? []
            let listed = failures.prefix(5).map { "\($0.cell): \($0.message)" }.joined(separator: "; ")
            throw NotebookError(
                "\(summary.failed) of \(summary.total) cells failed (\(listed)\(failures.count > 5 ? "; …" : "")); details in \(runner.journal.manifestFile.path)")
        }

        // A quick run draws only the figures the notebook shows: drawing all
        // of them (over a hundred for some sweeps) would take most of its time.
        let shown = Set(specs.compactMap { spec -> String? in
            if case .figure(let name, _) = spec { return name }
            return nil
        })
        let report = try PlotRenderer.render(resultsDirectory: results, only: quick ? shown : nil) {
            StandardOutput.line("plots: \($0)")
        }
        guard report.gnuplotFound else {
            throw NotebookError("gnuplot is not installed (Debian: apt-get install gnuplot-nox), so the figures cannot be drawn; the results are kept in \(results.path)")
        }
        let query = try ResultsQuery(resultsDirectory: results)
        let plots = results.appendingPathComponent("plots", isDirectory: true)
        let renderer = NotebookRenderer(query: query, plots: plots, record: record, isQuick: quick)
        let (bodies, figures) = try renderer.render(specs)

        let target = inPlace ? folder.directory : results
        let markdown = inPlace ? folder.markdown : results.appendingPathComponent(folder.markdown.lastPathComponent)
        try copyFigures(figures, from: plots, to: target.appendingPathComponent("figures", isDirectory: true))
        let rewritten = document.rewriting(bodies: bodies)
        if !inPlace || rewritten != text {
            try Data(rewritten.utf8).write(to: markdown, options: .atomic)
        }
        return markdown
    }

    /// Copies `names` into `directory` and removes the PNG files there that
    /// are not among them (figures the notebook no longer shows).
    private func copyFigures(_ names: [String], from plots: URL, to directory: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in Set(names) {
            let destination = directory.appendingPathComponent(name)
            let data = try Data(contentsOf: plots.appendingPathComponent(name))
            // Unchanged images are not rewritten, so their files keep their dates.
            if (try? Data(contentsOf: destination)) != data { try data.write(to: destination, options: .atomic) }
        }
        for stale in (try fileManager.contentsOfDirectory(atPath: directory.path)) where stale.hasSuffix(".png") && !names.contains(stale) {
            try fileManager.removeItem(at: directory.appendingPathComponent(stale))
        }
    }
}
