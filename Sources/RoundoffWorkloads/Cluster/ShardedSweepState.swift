import Foundation

/// How far a sweep split into `N` shard folders (one per array task) has
/// got, read from the folders' `run.json` and journals (``SweepJournal``):
/// which shards are finished, which have some cells and which none, and
/// whether the merged folder already holds every cell.
///
/// A cell is done when the journal of its shard folder or that of the merged
/// folder holds it; only shards with a cell that is in neither have to run.
///
/// The journal decides: a shard is finished when every one of its cells has
/// its `cells/<id>.csv`, whatever `run.json`'s status says (a task killed
/// after its last cell and before rewriting `run.json` is finished). A task
/// resubmitted for a partial shard resumes it and computes only the cells
/// still missing.
///
/// Folders that hold a *different* sweep — another grid, another shard
/// count, or journal files without a `run.json` — are not guessed at: the
/// initialiser throws, as `precision-sweep run` would refuse them.
public struct ShardedSweepState: Sendable {
    /// What one shard folder holds.
    public enum Shard: Hashable, Sendable {
        /// Every cell of the shard is in its journal.
        case finished(cells: Int)
        /// Some cells are in its journal, `done` of `total`.
        case partial(done: Int, total: Int)
        /// No cell is in its journal (no folder, or a task that ended before its first cell).
        case notStarted(cells: Int)

        /// Whether every cell of the shard is done.
        public var isFinished: Bool {
            if case .finished = self { return true }
            return false
        }
    }

    /// The shards in order: element `K − 1` is shard `K/N`.
    public let shards: [Shard]
    /// Cells of the whole grid.
    public let totalCells: Int
    /// Finished cells in the merged folder (0 when it holds no run).
    public let mergedCells: Int

    /// Reads the shard folders `shardDirectory(K)`, K = 1…`shardCount`, and the merged folder.
    /// - Throws: ``SweepError`` for a folder that holds another sweep, naming
    ///   it and what differs, and for a `run.json` that cannot be read.
    public init(grid: SweepGrid, shardCount: Int, shardDirectory: (Int) -> URL, mergedDirectory: URL) throws {
        precondition(shardCount >= 1, "a sweep has at least one shard")
        let merged = SweepJournal(directory: mergedDirectory)
        try Self.checkFolder(merged, grid: grid, shard: nil)
        let hasMergedRun = try RunManifest.read(merged) != nil
        var shards: [Shard] = []
        var needed: [Int] = []
        for index in 1...shardCount {
            let shard = try SweepShard(index: index, count: shardCount)
            let journal = SweepJournal(directory: shardDirectory(index))
            try Self.checkFolder(journal, grid: grid, shard: shard)
            let cells = grid.cells(in: shard)
            let missing = cells.filter { !journal.isDone($0) }
            shards.append(
                missing.isEmpty ? .finished(cells: cells.count)
                    : missing.count == cells.count ? .notStarted(cells: cells.count)
                    : .partial(done: cells.count - missing.count, total: cells.count))
            if missing.contains(where: { !(hasMergedRun && merged.isDone($0)) }) { needed.append(index) }
        }
        self.shards = shards
        unfinishedShards = needed
        totalCells = grid.count
        mergedCells = hasMergedRun ? grid.cells.filter(merged.isDone).count : 0
    }

    /// The indices `K` of the shards that still have to run, increasing: those
    /// with a cell that is neither in the shard's journal nor in the merged
    /// folder's. (A shard folder deleted after its cells were merged needs no
    /// rerun.)
    public let unfinishedShards: [Int]

    /// Whether the merged folder holds every cell of the grid.
    public var isMerged: Bool { mergedCells == totalCells }

    /// Finished, partial and not-started shard counts, as a phrase such as
    /// `3 finished, 1 partial (5 of 8 cells), 0 not started`.
    public var summary: String {
        var finished = 0, partial = 0, notStarted = 0, partialDone = 0, partialTotal = 0
        for shard in shards {
            switch shard {
            case .finished: finished += 1
            case let .partial(done, total):
                partial += 1
                partialDone += done
                partialTotal += total
            case .notStarted: notStarted += 1
            }
        }
        let partialText = partial > 0 ? "\(partial) partial (\(partialDone) of \(partialTotal) cells)" : "0 partial"
        return "\(finished) finished, \(partialText), \(notStarted) not started"
    }

    /// Refuses a folder whose run is not this sweep (or this shard of it).
    private static func checkFolder(_ journal: SweepJournal, grid: SweepGrid, shard: SweepShard?) throws {
        let path = journal.directory.path
        guard let manifest = try RunManifest.read(journal) else {
            if journal.hasCells {
                throw SweepError(
                    "\(journal.cellsDirectory.path) holds finished cells but run.json is missing, so they cannot be matched to this sweep; use --force to discard them, or another --out")
            }
            return
        }
        var differences = grid.differences(from: manifest.grid)
        if let shard, let previous = manifest.configuration.shard, previous != shard {
            differences.append(
                previous.count == shard.count
                    ? "shard (was \(previous); now \(shard))"
                    : "array size (was \(previous.count); now \(shard.count)); give --array-size \(previous.count) to continue it")
        }
        if let shard, manifest.configuration.shard == nil {
            differences.append("shard (was none; now \(shard))")
        }
        guard differences.isEmpty else {
            throw SweepError(
                "\(path) holds a run with a different configuration: \(differences.joined(separator: "; ")). Use --force to discard it, or another --out")
        }
    }
}
