import Foundation
import Roundoff
import Testing
@testable import RoundoffWorkloads

/// Running sweeps in-process on the tiny test workloads.
struct SweepRunnerTests {
    @Test func resultsFollowTheSchema() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let configuration = testConfiguration(
            out, workloads: ["sum", "diverging"], formats: ["bf16", "custom:p=5,emax=7"], seeds: 2)
        let runner = try SweepRunner(configuration: configuration, registry: registry())
        let summary = try runner.run()
        #expect(summary.total == 12 && summary.done == 12 && summary.failed == 0 && summary.resumed == 0)

        let lines = try resultsText(out).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == ResultsCSV.header)
        #expect(lines.last == "")
        let rows = lines.dropFirst().dropLast().map(csvFields)
        #expect(rows.allSatisfy { $0.count == 8 })
        // Rows of a cell are together and cells are in canonical order.
        let cellKeys = rows.map { $0[0...3].joined(separator: "|") }
        var order: [String] = []
        for key in cellKeys where order.last != key { order.append(key) }
        #expect(order == runner.cells.map {
            "\($0.workload)|\($0.precision.format.spec)|\($0.precision.mode.spec)|\($0.precision.seed)"
        })
        #expect(rows.contains { $0[1] == "custom:p=5,emax=7" })
        #expect(rows.filter { $0[0] == "sum" }.allSatisfy { $0[7] == "n=32;tag=a,b" })
        // Scalar metrics leave x empty; series metrics have it; every value parses.
        #expect(rows.filter { $0[4] == "sum" }.allSatisfy { $0[6].isEmpty })
        #expect(rows.filter { $0[4] == "partial" }.allSatisfy { Double($0[6]) != nil })
        #expect(rows.allSatisfy { Double($0[5]) != nil || ["nan", "inf", "-inf"].contains($0[5]) })
    }

    @Test func resultsAreByteIdenticalForOneAndFourThreads() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var texts: [String] = []
        for threads in [1, 4] {
            let out = scratch.path("t\(threads)")
            try SweepRunner(
                configuration: testConfiguration(
                    out, workloads: ["sum", "flaky", "diverging"], formats: ["fp32", "bf16", "fp16", "e4m3"],
                    modes: ["rne", "sr", "sr-half"], seeds: 4, threads: threads),
                registry: registry()
            ).run()
            texts.append(try resultsText(out))
        }
        #expect(texts[0] == texts[1])
        // The seeds really give different stochastic results.
        let srSums = texts[0].split(separator: "\n").filter { $0.hasPrefix("sum,bf16,sr,") && $0.contains(",sum,") }
            .map { csvFields(String($0))[5] }
        #expect(srSums.count == 4)
        #expect(Set(srSums).count > 1)
    }

    @Test func referenceIsComputedOncePerParameterSet() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let workload = SumWorkload()
        try SweepRunner(
            configuration: testConfiguration(scratch.path("out"), seeds: 5, threads: 4),
            registry: registry([workload])
        ).run()
        #expect(workload.references.count == 1)
    }

    @Test func aThrowingCellIsRecordedAndTheSweepGoesOn() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let runner = try SweepRunner(
            configuration: testConfiguration(out, workloads: ["flaky"], formats: ["bf16", "e4m3"], modes: ["rne"]),
            registry: registry())
        let messages = MessageLog()
        let summary = try runner.run(progress: SweepProgress(style: .quiet) { messages.append($0) })
        #expect(summary.done == 2 && summary.failed == 1)
        let text = try resultsText(out)
        #expect(text.contains("flaky,bf16,rne,0,value,8.0,,n=8\n"))
        #expect(text.contains("flaky,fp8-e4m3,rne,0,cell_error,nan,,n=8\n"))
        #expect(messages.text.contains("flaky cannot run in fp8-e4m3"))
        let manifest = try #require(try RunManifest.read(runner.journal))
        #expect(manifest.failures == [.init(cell: runner.cells[1].id, message: "flaky cannot run in fp8-e4m3")])
        #expect(manifest.cells.failed == 1)
    }

    @Test func divergenceIsDataNotAFailure() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let summary = try SweepRunner(
            configuration: testConfiguration(out, workloads: ["diverging"], formats: ["fp16"], modes: ["rne"]),
            registry: registry()
        ).run()
        #expect(summary.failed == 0)
        #expect(try resultsText(out) == """
            workload,format,mode,seed,metric,value,x,params
            diverging,fp16,rne,0,y,nan,,
            diverging,fp16,rne,0,y,inf,1.0,
            diverging,fp16,rne,0,y,-inf,2.0,
            diverging,fp16,rne,0,diverged,1.0,,

            """)
    }

    @Test func resumeKeepsFinishedCellsAndComputesTheRest() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let configuration = testConfiguration(out)
        let runner = try SweepRunner(configuration: configuration, registry: registry())
        try runner.run()
        let complete = try resultsText(out)

        // As if killed: some cells never finished, results.csv is stale, a
        // temporary file was left; one finished cell carries a marker that
        // shows whether it is recomputed.
        let journal = runner.journal
        for cell in runner.cells where cell.index % 3 == 1 { try FileManager.default.removeItem(at: journal.rowsFile(cell)) }
        try Data("stale".utf8).write(to: journal.resultsFile)
        try Data("junk".utf8).write(to: journal.cellsDirectory.appendingPathComponent(".x.csv.1-1.partial"))
        let kept = runner.cells[0]
        let original = try String(contentsOf: journal.rowsFile(kept), encoding: .utf8)
        try Data(original.replacingOccurrences(of: ",sum,", with: ",marker,").utf8).write(to: journal.rowsFile(kept))

        let summary = try SweepRunner(configuration: configuration, registry: registry()).run()
        #expect(summary.resumed == 8 && summary.done == 12)
        let resumed = try resultsText(out)
        #expect(resumed.contains(",marker,"))
        #expect(resumed.replacingOccurrences(of: ",marker,", with: ",sum,") == complete)
        #expect(!FileManager.default.fileExists(atPath: journal.cellsDirectory.appendingPathComponent(".x.csv.1-1.partial").path))
        #expect(try RunManifest.read(journal)?.status == "finished")
    }

    @Test func aDifferentRunInTheFolderIsRefusedUnlessForced() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        try SweepRunner(configuration: testConfiguration(out), registry: registry()).run()
        let before = try resultsText(out)
        let other = try SweepRunner(configuration: testConfiguration(out, modes: ["rne"], threads: 1), registry: registry())
        let error = #expect(throws: SweepError.self) { try other.run() }
        #expect(error?.description.contains("holds a run with a different configuration: modes (was rne,sr; now rne)") == true)
        #expect(try resultsText(out) == before)

        // Another shard is another run too.
        let shard = try SweepRunner(
            configuration: testConfiguration(out, shard: try SweepShard(spec: "1/2")), registry: registry())
        #expect(throws: SweepError.self) { try shard.run() }

        let summary = try other.run(force: true)
        #expect(summary.done == 3 && summary.resumed == 0)
        #expect(try resultsText(out).split(separator: "\n").count == 1 + 3 * 10)
    }

    @Test func aJournalWithoutRunJSONIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let runner = try SweepRunner(configuration: testConfiguration(out), registry: registry())
        try runner.run()
        try FileManager.default.removeItem(at: runner.journal.manifestFile)
        #expect(throws: SweepError.self) { try runner.run() }
        try runner.run(force: true)
    }

    @Test func runJSONRecordsTheRun() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let configuration = testConfiguration(out, threads: 3, parameters: try ParameterOverrides(assignments: ["n=8"]))
        let runner = try SweepRunner(configuration: configuration, registry: registry())
        try runner.run()
        let manifest = try #require(try RunManifest.read(runner.journal))
        #expect(manifest.roundoffVersion == RoundoffVersion.version)
        #expect(manifest.status == "finished")
        #expect(manifest.configuration == configuration)
        #expect(manifest.grid == runner.grid)
        #expect(manifest.seeds == [1, 2, 3])
        #expect(manifest.cells == .init(total: 12, done: 12, failed: 0, resumed: 0))
        #expect(manifest.machine.processorCount >= 1 && manifest.machine.physicalMemory > 0)
        #expect(try #require(manifest.endTime) >= manifest.startTime)
    }

    @Test func progressLinesEndWithTheLastCell() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let log = MessageLog()
        try SweepRunner(configuration: testConfiguration(scratch.path("out")), registry: registry())
            .run(progress: SweepProgress(style: .lines) { log.append($0) })
        #expect(log.text.hasPrefix("1/12 cells"))
        // Cells finish in any order on two threads; the last line is the 12th.
        #expect(log.text.split(separator: "\n").last?.hasPrefix("12/12 cells  0:00 elapsed — last: sum ") == true)

        let bar = MessageLog()
        try SweepRunner(configuration: testConfiguration(scratch.path("bar")), registry: registry())
            .run(progress: SweepProgress(style: .bar) { bar.append($0) })
        #expect(bar.text.hasPrefix("\r[------------------------]  0/12 cells"))
        #expect(bar.text.contains("\r[########################]  12/12 cells"))
        #expect(bar.text.hasSuffix("\n"))
    }

    @Test func durations() {
        #expect(SweepProgress.duration(0) == "0:00")
        #expect(SweepProgress.duration(75.4) == "1:15")
        #expect(SweepProgress.duration(3 * 3600 + 62) == "3:01:02")
    }
}

/// Collects text written from any thread.
final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}
