import Foundation

/// Combines results folders of one sweep — typically its shards — into one
/// folder holding the union of their finished cells.
///
/// The folders must have equal grids (``SweepGrid``); only the shard may
/// differ. The merged folder is an unsharded run of that grid: its
/// `results.csv` is exactly what a single run would have written (the same
/// cells, in canonical order), and `precision-sweep run` with the unsharded
/// configuration can resume it to compute any cells still missing.
///
/// Merging needs no registered workloads: everything comes from the folders'
/// `run.json` and journals.
public enum SweepMerger {
    /// What a merge did.
    public struct Summary: Sendable {
        /// Cells of the whole grid.
        public var total: Int
        /// Finished cells in the merged folder.
        public var done: Int
        /// Cells copied from the sources in this merge.
        public var copied: Int
        /// Finished cells whose workload threw.
        public var failed: Int
        /// The merged results file.
        public var resultsFile: URL
    }

    /// Merges `sources` into `destination`.
    ///
    /// A cell finished in several sources is taken from the first; if the
    /// copies differ (a workload that is not deterministic) a message says so.
    /// - Parameters:
    ///   - sources: the results folders to merge, in priority order; at
    ///     least one.
    ///   - destination: the results folder to write, created if missing; it
    ///     may be one of `sources`.
    ///   - force: discard a different run already in `destination`.
    ///   - log: receives messages.
    /// - Throws: ``SweepError`` when a source has no `run.json`, when grids
    ///   differ (naming the source and what differs), or when `destination`
    ///   holds a different run and `force` is off.
    @discardableResult
    public static func merge(
        _ sources: [URL], into destination: URL, force: Bool = false, log: (String) -> Void = { _ in }
    ) throws -> Summary {
        guard !sources.isEmpty else { throw SweepError("no folders to merge") }
        let manifests = try sources.map { source -> RunManifest in
            guard let manifest = try RunManifest.read(SweepJournal(directory: source)) else {
                throw SweepError("\(source.path) is not a results folder: it has no run.json")
            }
            return manifest
        }
        let grid = manifests[0].grid
        for (source, manifest) in zip(sources, manifests).dropFirst() {
            let differences = manifest.grid.differences(from: grid)
            guard differences.isEmpty else {
                throw SweepError(
                    "\(source.path) holds a different sweep than \(sources[0].path): \(differences.joined(separator: "; "))")
            }
        }

        let output = SweepJournal(directory: destination)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SweepError("\(destination.path) exists and is not a folder")
        }
        let isSource = sources.contains { $0.standardizedFileURL.path == destination.standardizedFileURL.path }
        if !isSource {
            if force {
                try output.removeRun()
            } else if let existing = try RunManifest.read(output) {
                let differences = grid.differences(from: existing.grid)
                guard differences.isEmpty else {
                    throw SweepError(
                        "\(destination.path) holds a run with a different configuration: \(differences.joined(separator: "; ")). Use --force to discard it, or another output folder")
                }
            } else if output.hasCells {
                throw SweepError(
                    "\(output.cellsDirectory.path) holds finished cells but run.json is missing; use --force to discard them, or another output folder")
            }
        }
        try output.prepare()

        let cells = grid.cells
        let journals = sources.map { SweepJournal(directory: $0) }
        var copied = 0
        for cell in cells {
            for (source, journal) in zip(sources, journals) where journal.isDone(cell) {
                if output.isDone(cell) {
                    if journal.directory.standardizedFileURL != output.directory.standardizedFileURL,
                       try journal.rows(cell) != output.rows(cell) {
                        log("cell \(cell) differs in \(source.path); kept the first copy")
                    }
                } else {
                    try output.copy(cell, from: journal)
                    copied += 1
                }
            }
        }

        let done = cells.filter { output.isDone($0) }
        let failures = done.compactMap { cell in
            output.errorMessage(cell).map { RunManifest.CellFailure(cell: cell.id, message: $0) }
        }
        try output.writeResults(cells)
        var configuration = manifests[0].configuration
        configuration.shard = nil
        configuration.outputDirectory = destination.path
        let manifest = RunManifest(
            status: "merged", configuration: configuration, grid: grid,
            startTime: manifests.map(\.startTime).min()!, endTime: manifests.compactMap(\.endTime).max(),
            cells: .init(total: cells.count, done: done.count, failed: failures.count, resumed: 0),
            failures: failures, mergedFrom: sources.map(\.path))
        try manifest.write(output)
        if done.count < cells.count {
            log("\(cells.count - done.count) of \(cells.count) cells are missing; run the unsharded sweep with --out \(destination.path) to compute them")
        }
        return Summary(
            total: cells.count, done: done.count, copied: copied, failed: failures.count, resultsFile: output.resultsFile)
    }
}
