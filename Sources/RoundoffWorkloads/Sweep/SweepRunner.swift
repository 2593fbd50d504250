import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the cells of a sweep on several threads, journals each finished cell,
/// and writes `results.csv` and `run.json` (layout: ``SweepJournal``).
///
/// - **Checked first.** ``init(configuration:registry:)`` resolves every
///   workload, format, mode and parameter key; ``checkOutputDirectory(force:)``
///   refuses a folder that holds a different run. Both throw before anything
///   is computed or written.
/// - **Reproducible.** A cell's stochastic stream is its seed
///   (``Precision/seed``), never a thread's, and rows are written in
///   canonical order, so `results.csv` is byte-identical for any thread count.
/// - **Shared references.** Each (workload, parameter values) reference is
///   computed once (``ReferenceCache``).
/// - **Robust.** A cell whose workload throws is recorded with the metric
///   ``ResultsCSV/failureMetric`` = NaN and its message, and the sweep goes on.
/// - **Resumable.** Finished cells are kept in the journal; running the same
///   configuration again skips them. With `handleSignals`, SIGINT and SIGTERM
///   write `results.csv` and `run.json` from the journal before exiting.
public struct SweepRunner: Sendable {
    /// What a run did.
    public struct Summary: Sendable {
        /// Cells of this run (its shard, if any).
        public var total: Int
        /// Cells finished now, including those finished before.
        public var done: Int
        /// Cells that were already finished when the run started.
        public var resumed: Int
        /// Finished cells whose workload threw.
        public var failed: Int
        /// Wall-clock seconds of this run.
        public var seconds: Double
        /// Threads used.
        public var threads: Int
        /// The results file.
        public var resultsFile: URL
    }

    /// The configuration as given.
    public let configuration: SweepConfiguration
    /// Its checked grid.
    public let grid: SweepGrid
    /// The cells this run computes (the shard's, if any), in canonical order.
    public let cells: [SweepCell]
    /// The results folder.
    public let journal: SweepJournal
    private let workloads: [String: AnyWorkload]
    private let references = ReferenceCache()

    /// Checks `configuration` against `registry` without running or writing
    /// anything.
    /// - Throws: ``SweepError`` or ``ParameterError`` naming the bad value and
    ///   listing the accepted ones (see ``SweepGrid/init(configuration:registry:)``).
    public init(configuration: SweepConfiguration, registry: WorkloadRegistry = .shared) throws {
        guard configuration.threads >= 1 else {
            throw SweepError("invalid thread count \(configuration.threads); accepted: 1 or more")
        }
        guard !configuration.outputDirectory.isEmpty else { throw SweepError("no output folder given") }
        grid = try SweepGrid(configuration: configuration, registry: registry)
        self.configuration = configuration
        cells = grid.cells(in: configuration.shard)
        journal = SweepJournal(directory: configuration.outputURL)
        var byName: [String: AnyWorkload] = [:]
        for workload in registry.all where grid.workloads.contains(where: { $0.name == workload.name }) {
            byName[workload.name] = workload
        }
        workloads = byName
    }

    /// Checks that the results folder is free for this run, reading only.
    ///
    /// A folder without `run.json` (new or unrelated) is free. One whose
    /// `run.json` has the same grid and shard is a run to resume. Anything
    /// else is refused unless `force`, which means: discard what is there.
    /// - Returns: the manifest found, when this run resumes it.
    /// - Throws: ``SweepError`` saying what differs.
    @discardableResult
    public func checkOutputDirectory(force: Bool) throws -> RunManifest? {
        let path = journal.directory.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SweepError("\(path) exists and is not a folder")
        }
        if force { return nil }
        guard let previous = try RunManifest.read(journal) else {
            if journal.hasCells {
                throw SweepError(
                    "\(journal.cellsDirectory.path) holds finished cells but \(journal.manifestFile.lastPathComponent) is missing, so they cannot be matched to this sweep; use --force to discard them, or another output folder")
            }
            return nil
        }
        var differences = grid.differences(from: previous.grid)
        if previous.configuration.shard != configuration.shard {
            differences.append(
                "shard (was \(previous.configuration.shard.map(\.description) ?? "none"); now \(configuration.shard.map(\.description) ?? "none"))")
        }
        guard differences.isEmpty else {
            throw SweepError(
                "\(path) holds a run with a different configuration: \(differences.joined(separator: "; ")). Use --force to discard it, or another output folder")
        }
        return previous
    }

    /// Runs every unfinished cell and writes the results.
    ///
    /// - Parameters:
    ///   - force: discard a previous run in the folder instead of resuming it.
    ///   - progress: where progress and messages go.
    ///   - handleSignals: on SIGINT/SIGTERM, write `results.csv` and `run.json`
    ///     from the journal and exit with status 128 + signal (for the CLI;
    ///     a library caller usually leaves it off).
    /// - Throws: ``SweepError`` when the folder holds another run or cannot
    ///   be written. Errors of single cells are recorded, not thrown.
    @discardableResult
    public func run(
        force: Bool = false, progress: SweepProgress = SweepProgress(style: .quiet) { _ in },
        handleSignals: Bool = false
    ) throws -> Summary {
        let previous = try checkOutputDirectory(force: force)
        if force { try journal.removeRun() }
        try journal.prepare()
        let start = Date()
        let pending = cells.filter { !journal.isDone($0) }
        let resumed = cells.count - pending.count
        if let previous {
            progress.message("resuming \(journal.directory.path): \(resumed) of \(cells.count) cells already done")
            if previous.roundoffVersion != RoundoffVersion.version {
                progress.message(
                    "note: the run was started by Roundoff \(previous.roundoffVersion); continuing with \(RoundoffVersion.version)")
            }
        }
        _ = try writeOutcome(status: "running", start: start, end: nil, resumed: resumed)

        var signalSources: [any DispatchSourceSignal] = []
        if handleSignals {
            signalSources = [SIGINT, SIGTERM].map { signalNumber in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { [self] in
                    interrupted(by: signalNumber, start: start, resumed: resumed, progress: progress)
                }
                source.resume()
                return source
            }
        }
        defer {
            for source in signalSources { source.cancel() }
            if handleSignals { signal(SIGINT, SIG_DFL); signal(SIGTERM, SIG_DFL) }
        }

        progress.begin(total: cells.count, done: resumed)
        try execute(pending, progress: progress)
        progress.end()
        let manifest = try writeOutcome(status: "finished", start: start, end: Date(), resumed: resumed)
        if manifest.cells.failed > 0 {
            progress.message(
                "\(manifest.cells.failed) cell(s) failed; their rows have \(ResultsCSV.failureMetric)=nan and the messages are in \(journal.manifestFile.path)")
        }
        return Summary(
            total: cells.count, done: manifest.cells.done, resumed: resumed, failed: manifest.cells.failed,
            seconds: Date().timeIntervalSince(start), threads: configuration.threads, resultsFile: journal.resultsFile)
    }

    /// Runs `pending` on ``SweepConfiguration/threads`` threads, reporting each
    /// finished cell, and rewrites `results.csv` every few seconds so that a
    /// long sweep can be looked at while it runs.
    private func execute(_ pending: [SweepCell], progress: SweepProgress) throws {
        guard !pending.isEmpty else { return }
        let queue = CellQueue(pending)
        for _ in 0..<min(configuration.threads, pending.count) {
            let thread = Thread { [self] in
                while let cell = queue.take() {
                    let (rows, error) = compute(cell)
                    do {
                        try journal.record(cell, rows: rows, error: error)
                        queue.finished(cell, error: error)
                    } catch {
                        queue.abort(error)
                        return
                    }
                }
            }
            // Solvers may recurse or keep sizeable locals; secondary threads
            // get a small stack by default.
            thread.stackSize = 16 << 20
            thread.start()
        }
        var handled = 0
        var lastRewrite = Date()
        while handled < pending.count {
            let (events, fatal) = queue.wait(timeout: 0.25)
            if let fatal { throw fatal }
            for (cell, error) in events {
                handled += 1
                if let error {
                    progress.message("cell \(cell) failed: \(error)")
                }
                progress.cellFinished(cell)
            }
            if events.isEmpty { progress.tick() }
            if Date().timeIntervalSince(lastRewrite) >= 2 {
                try journal.writeResults(cells)
                lastRewrite = Date()
            }
        }
    }

    /// The rows of one cell, or its failure row and message.
    private func compute(_ cell: SweepCell) -> (rows: String, error: String?) {
        do {
            guard let workload = workloads[cell.workload] else {
                throw SweepError("workload '\(cell.workload)' is not registered")
            }
            let reference = try references.reference(workload, cell.parameters)
            let metrics = try workload.run(cell.precision, cell.parameters, reference: reference)
            return (ResultsCSV.rows(cell, metrics), nil)
        } catch {
            return (ResultsCSV.rows(cell, [Metric(ResultsCSV.failureMetric, .nan)]), String(describing: error))
        }
    }

    /// Rebuilds `results.csv` from the journal and writes `run.json` with
    /// `status` and the counts found in the journal.
    private func writeOutcome(status: String, start: Date, end: Date?, resumed: Int) throws -> RunManifest {
        try journal.writeResults(cells)
        let done = cells.filter { journal.isDone($0) }
        let failures = done.compactMap { cell in
            journal.errorMessage(cell).map { RunManifest.CellFailure(cell: cell.id, message: $0) }
        }
        let manifest = RunManifest(
            status: status, configuration: configuration, grid: grid, startTime: start, endTime: end,
            cells: .init(total: cells.count, done: done.count, failed: failures.count, resumed: resumed),
            failures: failures)
        try manifest.write(journal)
        return manifest
    }

    /// Saves what is finished and exits: cells still running are lost, which
    /// is safe because only finished cells are in the journal.
    private func interrupted(by signalNumber: Int32, start: Date, resumed: Int, progress: SweepProgress) -> Never {
        progress.end()
        let name = signalNumber == SIGINT ? "SIGINT" : signalNumber == SIGTERM ? "SIGTERM" : "signal \(signalNumber)"
        do {
            let manifest = try writeOutcome(status: "interrupted", start: start, end: Date(), resumed: resumed)
            progress.message(
                "interrupted by \(name): \(manifest.cells.done) of \(manifest.cells.total) cells done; run the same command again to resume")
        } catch {
            progress.message("interrupted by \(name); could not save the results: \(error)")
        }
        exit(128 + signalNumber)
    }
}

/// The cells waiting to run and the reports of finished ones, shared by the
/// worker threads and the coordinating thread.
private final class CellQueue: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private let cells: [SweepCell]
    private var next = 0
    private var reports: [(SweepCell, String?)] = []
    private var fatal: (any Error)?

    init(_ cells: [SweepCell]) { self.cells = cells }

    /// The next cell to run in canonical order, or nil when none is left or
    /// the run was aborted.
    func take() -> SweepCell? {
        condition.withLock {
            guard fatal == nil, next < cells.count else { return nil }
            defer { next += 1 }
            return cells[next]
        }
    }

    /// Reports a finished (journaled) cell.
    func finished(_ cell: SweepCell, error: String?) {
        condition.withLock {
            reports.append((cell, error))
            condition.signal()
        }
    }

    /// Stops handing out cells because the journal cannot be written.
    func abort(_ error: any Error) {
        condition.withLock {
            if fatal == nil { fatal = error }
            condition.signal()
        }
    }

    /// The reports since the last call, waiting up to `timeout` seconds for one.
    func wait(timeout: TimeInterval) -> (reports: [(SweepCell, String?)], fatal: (any Error)?) {
        condition.withLock {
            if reports.isEmpty && fatal == nil { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout)) }
            defer { reports = [] }
            return (reports, fatal)
        }
    }
}
