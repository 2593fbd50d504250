import Foundation
import Testing
@testable import RoundoffWorkloads

/// Shards of a sweep merged back equal the sweep run whole.
struct SweepMergeTests {
    func configuration(_ out: URL, shard: String? = nil, seeds: Int = 3) throws -> SweepConfiguration {
        testConfiguration(
            out, workloads: ["sum", "flaky"], formats: ["fp32", "bf16", "e4m3"], modes: ["rne", "sr"], seeds: seeds,
            shard: try shard.map { try SweepShard(spec: $0) })
    }

    @Test func mergedShardsEqualTheWholeSweep() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try SweepRunner(configuration: configuration(scratch.path("whole")), registry: registry()).run()
        var parts: [URL] = []
        for k in 1...3 {
            let part = scratch.path("part\(k)")
            try SweepRunner(configuration: configuration(part, shard: "\(k)/3"), registry: registry()).run()
            parts.append(part)
        }
        // Give them in any order: the merged file is canonical.
        let merged = scratch.path("merged")
        let summary = try SweepMerger.merge(parts.reversed(), into: merged)
        #expect(summary.done == 24 && summary.total == 24 && summary.copied == 24 && summary.failed == 4)
        #expect(try resultsText(merged) == resultsText(scratch.path("whole")))
        let manifest = try #require(try RunManifest.read(SweepJournal(directory: merged)))
        #expect(manifest.status == "merged")
        #expect(manifest.configuration.shard == nil)
        // flaky fails in e4m3 (p = 4): rne and three sr seeds.
        #expect(manifest.failures.count == 4)
        // A merged folder is a finished unsharded run: running it again resumes everything.
        let again = try SweepRunner(configuration: configuration(merged), registry: registry()).run()
        #expect(again.resumed == 24)
        #expect(try resultsText(merged) == resultsText(scratch.path("whole")))
    }

    @Test func missingShardsCanBeComputedByResumingTheMergedFolder() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try SweepRunner(configuration: configuration(scratch.path("whole")), registry: registry()).run()
        let part = scratch.path("part2")
        try SweepRunner(configuration: configuration(part, shard: "2/4"), registry: registry()).run()
        let merged = scratch.path("merged")
        let log = MessageLog()
        let summary = try SweepMerger.merge([part], into: merged) { log.append($0) }
        #expect(summary.done == 6)
        #expect(log.text.contains("18 of 24 cells are missing"))
        let rest = try SweepRunner(configuration: configuration(merged), registry: registry()).run()
        #expect(rest.resumed == 6 && rest.done == 24)
        #expect(try resultsText(merged) == resultsText(scratch.path("whole")))
    }

    @Test func differentSweepsAreNotMerged() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let a = scratch.path("a")
        let b = scratch.path("b")
        try SweepRunner(configuration: configuration(a, shard: "1/2"), registry: registry()).run()
        try SweepRunner(configuration: configuration(b, shard: "2/2", seeds: 2), registry: registry()).run()
        let merged = scratch.path("merged")
        let error = #expect(throws: SweepError.self) { try SweepMerger.merge([a, b], into: merged) }
        #expect(error?.description.contains("seeds (was 3; now 2)") == true)
        #expect(!FileManager.default.fileExists(atPath: merged.path))
        #expect(throws: SweepError.self) { try SweepMerger.merge([a, scratch.path("none")], into: merged) }
    }

    @Test func mergingIntoAFolderWithAnotherRunNeedsForce() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let a = scratch.path("a")
        let other = scratch.path("other")
        try SweepRunner(configuration: configuration(a), registry: registry()).run()
        try SweepRunner(configuration: configuration(other, seeds: 1), registry: registry()).run()
        #expect(throws: SweepError.self) { try SweepMerger.merge([a], into: other) }
        try SweepMerger.merge([a], into: other, force: true)
        #expect(try resultsText(other) == resultsText(a))
    }
}
