import Foundation

/// The content of `DIR/run.json`: what a results folder holds and how it was
/// made — the configuration as given, the checked grid (which decides whether a
/// later run may resume here or be merged), the Roundoff version, the machine,
/// times and cell counts.
///
/// It is written when a run starts (status `running`) and rewritten when it
/// ends (`finished`) or is interrupted (`interrupted`); `merge` writes one with
/// status `merged`. Keys are sorted and dates are ISO 8601, so the file diffs
/// well.
public struct RunManifest: Hashable, Sendable, Codable {
    /// Finished and total cells of this run (of its shard, if any).
    public struct CellCounts: Hashable, Sendable, Codable {
        /// Cells in this run's part of the grid.
        public var total: Int
        /// Cells finished, whether in this session or before.
        public var done: Int
        /// Finished cells whose workload threw (recorded with ``ResultsCSV/failureMetric``).
        public var failed: Int
        /// Cells that were already finished when this session started (resumed runs).
        public var resumed: Int

        /// Counts with the given values.
        public init(total: Int, done: Int, failed: Int, resumed: Int) {
            self.total = total
            self.done = done
            self.failed = failed
            self.resumed = resumed
        }
    }

    /// A cell whose workload threw, and the message.
    public struct CellFailure: Hashable, Sendable, Codable {
        /// The cell's id (its journal file name).
        public var cell: String
        /// The error's description.
        public var message: String

        /// A failure record.
        public init(cell: String, message: String) {
            self.cell = cell
            self.message = message
        }
    }

    /// ``RoundoffVersion/version`` of the program that wrote the file.
    public var roundoffVersion: String
    /// `running`, `finished`, `interrupted` or `merged`.
    public var status: String
    /// The configuration as given (threads, shard and output folder included).
    public var configuration: SweepConfiguration
    /// The canonical grid: what must match to resume or merge.
    public var grid: SweepGrid
    /// The seeds each stochastic mode runs (deterministic modes run seed 0).
    public var seeds: [UInt64]
    /// When this session (or the merge) started.
    public var startTime: Date
    /// When it ended; nil while running.
    public var endTime: Date?
    /// The machine it ran on.
    public var machine: MachineInfo
    /// Cell counts.
    public var cells: CellCounts
    /// The failed cells with their messages, in canonical order.
    public var failures: [CellFailure]
    /// For `merge`: the folders merged.
    public var mergedFrom: [String]?

    /// A manifest with the given values.
    public init(
        status: String, configuration: SweepConfiguration, grid: SweepGrid, startTime: Date, endTime: Date?,
        machine: MachineInfo = .current, cells: CellCounts, failures: [CellFailure] = [], mergedFrom: [String]? = nil
    ) {
        roundoffVersion = RoundoffVersion.version
        self.status = status
        self.configuration = configuration
        self.grid = grid
        seeds = grid.seeds >= 1 ? Array(1...UInt64(grid.seeds)) : []
        self.startTime = startTime
        self.endTime = endTime
        self.machine = machine
        self.cells = cells
        self.failures = failures
        self.mergedFrom = mergedFrom
    }

    /// Reads `DIR/run.json` of `journal`, or nil when there is none.
    /// - Throws: ``SweepError`` when the file exists but cannot be read.
    public static func read(_ journal: SweepJournal) throws -> RunManifest? {
        let url = journal.manifestFile
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RunManifest.self, from: Data(contentsOf: url))
        } catch {
            throw SweepError("cannot read \(url.path): \(error)")
        }
    }

    /// Writes `DIR/run.json` of `journal` atomically.
    public func write(_ journal: SweepJournal) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(0x0A)
        try AtomicFile.write(data, to: journal.manifestFile)
    }
}
