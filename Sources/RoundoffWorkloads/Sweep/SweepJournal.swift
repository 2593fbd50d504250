import Foundation

/// The files of a results folder, and the journal of finished cells that is
/// their source of truth.
///
/// ```text
/// DIR/run.json            configuration, grid, machine, times, counts (RunManifest)
/// DIR/results.csv         every finished cell's rows in canonical order (ResultsCSV)
/// DIR/cells/<id>.csv      the rows of one finished cell, without header
/// DIR/cells/<id>.error    the message of a cell whose workload threw
/// DIR/plots/              written by PlotRenderer
/// ```
///
/// A cell is finished exactly when `cells/<id>.csv` exists. Each file is
/// written atomically (to a temporary file renamed over the target), so a
/// run killed at any moment leaves only whole cells behind; the next run
/// skips them and computes the rest.
/// `results.csv` is derived: it is rebuilt from the journal in canonical order,
/// which makes its bytes independent of thread count, scheduling and of how
/// often the run was interrupted.
public struct SweepJournal: Sendable {
    /// The results folder.
    public let directory: URL

    /// The journal of the results folder `directory`.
    public init(directory: URL) { self.directory = directory }

    /// `DIR/cells`.
    public var cellsDirectory: URL { directory.appendingPathComponent("cells", isDirectory: true) }
    /// `DIR/results.csv`.
    public var resultsFile: URL { directory.appendingPathComponent("results.csv") }
    /// `DIR/run.json`.
    public var manifestFile: URL { directory.appendingPathComponent("run.json") }

    /// `DIR/cells/<id>.csv`.
    public func rowsFile(_ cell: SweepCell) -> URL { cellsDirectory.appendingPathComponent(cell.id + ".csv") }
    /// `DIR/cells/<id>.error`.
    func errorFile(_ cell: SweepCell) -> URL { cellsDirectory.appendingPathComponent(cell.id + ".error") }

    /// Whether `cell` has finished (its rows are in the journal).
    public func isDone(_ cell: SweepCell) -> Bool {
        FileManager.default.fileExists(atPath: rowsFile(cell).path)
    }

    /// Whether the journal folder holds any finished cell.
    var hasCells: Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cellsDirectory.path)) ?? []
        return names.contains { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }
    }

    /// Creates the folders and removes temporaries of killed runs.
    func prepare() throws {
        do {
            try FileManager.default.createDirectory(at: cellsDirectory, withIntermediateDirectories: true)
        } catch {
            throw SweepError("cannot create \(cellsDirectory.path): \(error.localizedDescription)")
        }
        AtomicFile.removeTemporaries(in: directory)
        AtomicFile.removeTemporaries(in: cellsDirectory)
    }

    /// Records `cell` as finished with `rows` (``ResultsCSV/rows(_:_:)``) and,
    /// when its workload threw, the error message.
    ///
    /// The message is written before the rows: the rows file is what marks the
    /// cell finished, so a kill in between leaves an unfinished cell, not a
    /// failed one without its message.
    func record(_ cell: SweepCell, rows: String, error: String?) throws {
        if let error {
            try AtomicFile.write(error + "\n", to: errorFile(cell))
        } else {
            try? FileManager.default.removeItem(at: errorFile(cell))
        }
        try AtomicFile.write(rows, to: rowsFile(cell))
    }

    /// Copies the journal entry of `cell` from `source` into this journal.
    func copy(_ cell: SweepCell, from source: SweepJournal) throws {
        try record(cell, rows: try source.rows(cell), error: source.errorMessage(cell))
    }

    /// The recorded rows of a finished cell.
    func rows(_ cell: SweepCell) throws -> String {
        do {
            return try String(contentsOf: rowsFile(cell), encoding: .utf8)
        } catch {
            throw SweepError("cannot read \(rowsFile(cell).path): \(error.localizedDescription)")
        }
    }

    /// The error message of a finished cell whose workload threw, else nil.
    func errorMessage(_ cell: SweepCell) -> String? {
        guard let text = try? String(contentsOf: errorFile(cell), encoding: .utf8) else { return nil }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// Rewrites `results.csv` (atomically) with the header and the rows of
    /// every finished cell among `cells`, in the order of `cells`.
    /// - Returns: the number of finished cells written.
    @discardableResult
    func writeResults(_ cells: [SweepCell]) throws -> Int {
        var text = ResultsCSV.header + "\n"
        var written = 0
        for cell in cells.sorted(by: { $0.index < $1.index }) where isDone(cell) {
            text += try rows(cell)
            written += 1
        }
        try AtomicFile.write(text, to: resultsFile)
        return written
    }

    /// Deletes what a sweep wrote here (`run.json`, `results.csv`, `cells/`),
    /// leaving other files (and `plots/`, which the next render replaces) alone.
    func removeRun() throws {
        for url in [manifestFile, resultsFile, cellsDirectory] where FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw SweepError("cannot remove \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
