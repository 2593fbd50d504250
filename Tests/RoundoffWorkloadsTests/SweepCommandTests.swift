import Foundation
import Testing

/// `precision-sweep run`, `merge` and `workloads` as a user runs them: the real
/// executable on the test-only workload `test-delay`.
struct SweepCommandTests {
    /// A small, slow-enough sweep: 2 formats x (rne + 4 sr seeds) = 10 cells of
    /// `ms` milliseconds each on 2 threads.
    func sweep(_ out: String, ms: Int = 0, extra: [String] = []) -> [String] {
        ["run", "--workload", "test-delay", "--formats", "fp16,bf16", "--modes", "rne,sr", "--seeds", "4",
         "--param", "ms=\(ms)", "--threads", "2", "--no-plot", "--out", out] + extra
    }

    /// Finished cells in the journal of `out`.
    func finishedCells(_ out: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("cells").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.count
    }

    /// Polls until `out` has at least `count` finished cells (or 30 s pass).
    func waitForCells(_ out: URL, _ count: Int) {
        let deadline = Date().addingTimeInterval(30)
        while finishedCells(out) < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    @Test func killedSweepResumesToTheUninterruptedResult() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let running = try SweepProcess.start(sweep("killed", ms: 150), in: scratch.url)
        waitForCells(scratch.path("killed"), 3)
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.wait()
        #expect(running.process.terminationReason == .uncaughtSignal)
        let finishedAtKill = finishedCells(scratch.path("killed"))
        #expect((3..<10).contains(finishedAtKill))

        let resumed = try SweepProcess.run(sweep("killed", ms: 150), in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumedCount = try #require(resumed.stdout.firstMatch(of: /\((\d+) resumed/).flatMap { Int($0.1) })
        #expect(resumedCount >= finishedAtKill)
        #expect(resumed.stdout.contains("done: 10/10 cells"))

        let whole = try SweepProcess.run(sweep("whole", ms: 150), in: scratch.url)
        #expect(whole.status == 0)
        let resumedText = try resultsText(scratch.path("killed"))
        #expect(resumedText == (try resultsText(scratch.path("whole"))))
        #expect(resumedText.split(separator: "\n").count == 1 + 10 * 6)
    }

    @Test func sigtermSavesTheFinishedCells() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let running = try SweepProcess.start(sweep("out", ms: 150), in: scratch.url)
        waitForCells(out, 2)
        kill(running.process.processIdentifier, SIGTERM)
        let result = try running.wait()
        #expect(result.status == 128 + SIGTERM)
        #expect(result.stderr.contains("interrupted by SIGTERM"))
        let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(manifest.contains("\"status\" : \"interrupted\""))
        // results.csv holds exactly the journaled cells, 6 rows each.
        let rows = try resultsText(out).split(separator: "\n").count - 1
        #expect(rows == 6 * finishedCells(out))

        let rest = try SweepProcess.run(sweep("out", ms: 150), in: scratch.url)
        #expect(rest.status == 0)
        #expect(finishedCells(out) == 10)
    }

    @Test(arguments: [
        (["--workload", "nope"], "nope", "test-delay"),
        (["--formats", "fp16,fp17"], "fp17", "bf16"),
        (["--modes", "rne,rnx"], "rnx", "sr-half"),
        (["--param", "steps=3"], "steps", "terms"),
        (["--param", "test-delay.steps=3"], "steps", "terms"),
        (["--param", "harmonic.n=3"], "harmonic", "test-delay"),
        (["--shard", "3/2"], "3/2", "K/N"),
        (["--seeds", "0"], "seed", "1 or more"),
        (["--threads", "0"], "thread", "1 or more"),
    ])
    func badOptionsFailBeforeAnyWork(options: [String], bad: String, accepted: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try SweepProcess.run(
            ["run", "--workload", "test-delay", "--no-plot", "--out", "out"] + options, in: scratch.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains(bad))
        #expect(result.stderr.contains(accepted))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out").path))
    }

    @Test func aFolderWithAnotherRunIsLeftAlone() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        #expect(try SweepProcess.run(sweep("out"), in: scratch.url).status == 0)
        let before = try resultsText(scratch.path("out"))
        let other = try SweepProcess.run(sweep("out", extra: ["--seeds", "2"]), in: scratch.url)
        #expect(other.status == 64)
        #expect(other.stderr.contains("different configuration: seeds (was 4; now 2)"))
        #expect(other.stderr.contains("--force"))
        #expect(try resultsText(scratch.path("out")) == before)
        let forced = try SweepProcess.run(sweep("out", extra: ["--seeds", "2", "--force"]), in: scratch.url)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("done: 6/6 cells (0 resumed"))
    }

    @Test func everyCellFailingIsAnError() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try SweepProcess.run(sweep("out", extra: ["--param", "terms=abc"]), in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("done: 10/10 cells (0 resumed, 10 failed)"))
        #expect(result.stderr.contains("terms=abc"))
        #expect(result.stderr.contains("every cell failed"))
    }

    @Test func failingAndDivergingCellsAreData() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try SweepProcess.run(
            sweep("out", extra: ["--param", "fail=bf16", "--param", "diverge=1"]), in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("done: 10/10 cells (0 resumed, 5 failed)"))
        #expect(result.stderr.contains("test-delay fails on purpose"))
        let text = try resultsText(scratch.path("out"))
        #expect(text.contains("test-delay,bf16,sr,3,cell_error,nan,,diverge=1;fail=bf16;ms=0;terms=64\n"))
        #expect(text.contains("test-delay,fp16,rne,0,sum,nan,,"))
        #expect(text.contains("test-delay,fp16,rne,0,diverged,1.0,,"))
    }

    @Test func shardsMergeIntoTheWholeSweep() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        #expect(try SweepProcess.run(sweep("whole"), in: scratch.url).status == 0)
        for k in 1...3 {
            let part = try SweepProcess.run(sweep("part\(k)", extra: ["--shard", "\(k)/3"]), in: scratch.url)
            #expect(part.status == 0)
        }
        let merged = try SweepProcess.run(
            ["merge", "part3", "part1", "part2", "--out", "merged", "--no-plot"], in: scratch.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("10/10 cells"))
        #expect(try resultsText(scratch.path("merged")) == resultsText(scratch.path("whole")))

        let bad = try SweepProcess.run(["merge", "part1", "nothing", "--out", "m2"], in: scratch.url)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("nothing"))
    }

    @Test func sweepFileWithCommandLineOverrides() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try """
            # a test sweep
            workloads: [test-delay]
            formats:
              - fp16
              - custom:p=5,emax=7
            modes: rne, sr
            seeds: 5
            out: from-file
            plot: false
            params:
              terms: 32
              test-delay:
                fail: none
            """.write(to: scratch.url.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
        let result = try SweepProcess.run(
            ["run", "--config", "sweep.yaml", "--seeds", "2", "--param", "test-delay.terms=16"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("= 6 cells"))
        let text = try resultsText(scratch.path("from-file"))
        #expect(text.contains("test-delay,\"custom:p=5,emax=7\",sr,2,sum,"))
        #expect(text.contains(";terms=16\n"))
        #expect(!text.contains(",sr,3,"))

        try "workloads: [test-delay]\nseed: 3\n".write(
            to: scratch.url.appendingPathComponent("typo.yaml"), atomically: true, encoding: .utf8)
        let typo = try SweepProcess.run(["run", "--config", "typo.yaml"], in: scratch.url)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("typo.yaml:2: unknown key 'seed'"))
    }

    @Test func exampleSweepFileIsValid() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Notebooks/example-sweep.yaml")
        let result = try SweepProcess.run(["run", "--config", example.path, "--dry-run"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 workload(s) x 4 format(s) x 3 mode(s) (5 seed(s) per stochastic mode) = 84 cells"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("results").path))
    }

    @Test func customFormatsKeepTheirCommasOnTheCommandLine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try SweepProcess.run(
            ["run", "--workload", "test-delay", "--formats", "fp16,custom:p=5,emax=7,nosub,bf16", "--modes", "rne",
             "--no-plot", "--out", "out"],
            in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 format(s)"))
        #expect(try resultsText(scratch.path("out")).contains("\"custom:p=5,emax=7,nosub\""))
    }

    @Test func workloadsCommandListsParameters() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let listed = try SweepProcess.run(["workloads"], in: scratch.url)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("test-delay  Test scaffolding"))
        #expect(listed.stdout.contains("ms "))
        #expect(listed.stdout.contains("=64"))
        let hidden = try SweepProcess.run(["workloads", "--names"], in: scratch.url, testWorkloads: false)
        #expect(hidden.status == 0)
        #expect(!hidden.stdout.contains("test-delay"))
    }

    @Test func helpDocumentsTheSweepFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let help = try SweepProcess.run(["run", "--help"], in: scratch.url)
        #expect(help.status == 0)
        for text in ["--config", "--shard", "--param", "harmonic.n: 1048576", "results.csv", "--force"] {
            #expect(help.stdout.contains(text))
        }
    }
}
