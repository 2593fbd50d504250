import Foundation
import Testing
@testable import RoundoffWorkloads

/// Which shards of a sweep split for a job array still have to run.
///
/// The sweep: `sum` in fp32, bf16, fp16 with rne and sr (3 seeds) = 3 x 4 =
/// 12 cells; with 3 shards, shard K holds the cells whose index i has
/// i % 3 == K - 1, so 4 cells each.
struct ShardedSweepStateTests {
    let shardCount = 3

    func shardFolder(_ scratch: ScratchDirectory, _ index: Int) -> URL {
        scratch.url.appendingPathComponent("shards/\(index)", isDirectory: true)
    }

    func grid(_ scratch: ScratchDirectory, seeds: Int = 3) throws -> SweepGrid {
        try SweepGrid(configuration: testConfiguration(scratch.path("merged"), seeds: seeds), registry: registry())
    }

    func runShard(_ scratch: ScratchDirectory, _ index: Int, of count: Int? = nil, seeds: Int = 3) throws {
        let shard = try SweepShard(index: index, count: count ?? shardCount)
        try SweepRunner(
            configuration: testConfiguration(shardFolder(scratch, index), seeds: seeds, shard: shard), registry: registry()
        ).run()
    }

    func readState(_ scratch: ScratchDirectory, seeds: Int = 3) throws -> ShardedSweepState {
        try ShardedSweepState(
            grid: grid(scratch, seeds: seeds), shardCount: shardCount, shardDirectory: { shardFolder(scratch, $0) },
            mergedDirectory: scratch.path("merged"))
    }

    /// Deletes the `count` finished cells of a journal with the lowest indices
    /// (cell file names start with the zero-padded canonical index).
    func removeCells(_ folder: URL, count: Int) throws {
        let cells = folder.appendingPathComponent("cells")
        let names = try FileManager.default.contentsOfDirectory(atPath: cells.path).filter { $0.hasSuffix(".csv") }.sorted()
        for name in names.prefix(count) { try FileManager.default.removeItem(at: cells.appendingPathComponent(name)) }
    }

    @Test func nothingRunYet() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let state = try readState(scratch)
        #expect(state.shards == Array(repeating: .notStarted(cells: 4), count: 3))
        #expect(state.unfinishedShards == [1, 2, 3])
        #expect(state.totalCells == 12 && state.mergedCells == 0 && !state.isMerged)
    }

    @Test func finishedPartialAndMissingShards() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try runShard(scratch, 1)
        try runShard(scratch, 2)
        try removeCells(shardFolder(scratch, 2), count: 1)
        let state = try readState(scratch)
        #expect(state.shards == [.finished(cells: 4), .partial(done: 3, total: 4), .notStarted(cells: 4)])
        #expect(state.unfinishedShards == [2, 3])
        #expect(state.summary == "1 finished, 1 partial (3 of 4 cells), 1 not started")
    }

    @Test func cellsInTheMergedFolderNeedNoRerun() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for k in 1...3 { try runShard(scratch, k) }
        try SweepMerger.merge((1...3).map { shardFolder(scratch, $0) }, into: scratch.path("merged"))
        // A shard folder lost after the merge: its cells are safe in the merged folder.
        try FileManager.default.removeItem(at: shardFolder(scratch, 2))
        var state = try readState(scratch)
        #expect(state.shards[1] == .notStarted(cells: 4))
        #expect(state.unfinishedShards.isEmpty)
        #expect(state.isMerged && state.mergedCells == 12)
        // Lose cells 0 (shard 1) and 1 (shard 2) of the merged folder: shard 1
        // still has cell 0 in its own folder, shard 2 has lost cell 1 twice.
        try removeCells(scratch.path("merged"), count: 2)
        state = try readState(scratch)
        #expect(state.mergedCells == 10 && !state.isMerged)
        #expect(state.unfinishedShards == [2])
    }

    @Test func anotherSweepOrArraySizeIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try runShard(scratch, 1, seeds: 2)
        var error = #expect(throws: SweepError.self) { try readState(scratch) }
        #expect(error?.description.contains("seeds (was 2; now 3)") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("--force") == true)

        try FileManager.default.removeItem(at: shardFolder(scratch, 1))
        try runShard(scratch, 1, of: 2)
        error = #expect(throws: SweepError.self) { try readState(scratch) }
        #expect(error?.description.contains("array size (was 2; now 3)") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("--array-size 2") == true)
    }

    @Test func journalWithoutManifestIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try runShard(scratch, 3)
        try FileManager.default.removeItem(at: shardFolder(scratch, 3).appendingPathComponent("run.json"))
        let error = #expect(throws: SweepError.self) { try readState(scratch) }
        #expect(error?.description.contains("run.json is missing") == true)
    }
}
