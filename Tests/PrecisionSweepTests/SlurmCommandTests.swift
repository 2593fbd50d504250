import Foundation
import Testing

/// `precision-sweep slurm` without a cluster: the scripts it writes are run
/// with bash the way Slurm runs them (one process per array task with
/// `SLURM_ARRAY_TASK_ID` set, then the merge), and the merged results must be
/// byte-identical to the same sweep run by `precision-sweep run`. Bad options
/// fail before anything is written.
struct SlurmCommandTests {
    /// 1 workload x 2 formats x (rne + 2 sr seeds) = 6 cells of a short
    /// harmonic sum; the same options go to `run` and to `slurm`.
    static let sweep = [
        "--workloads", "harmonic", "--formats", "bf16,fp16", "--modes", "rne,sr", "--seeds", "2",
        "--param", "n=3000", "--param", "checkpoints=5", "--no-plot",
    ]

    /// A scratch folder whose path has a space, so quoting is exercised.
    struct Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("roundoff slurm-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Runs array task `task` of the scripts in `out` as Slurm would.
    func runTask(_ task: Int, _ out: String) throws -> ProcessOutput {
        try ShellProcess.run(
            "/bin/bash", [out + "/slurm/array.sbatch"],
            environment: ["SLURM_ARRAY_TASK_ID": String(task), "SLURM_CPUS_PER_TASK": "1"])
    }

    func results(_ folder: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder + "/results.csv"))
    }

    @Test func scriptsRunAsAnArrayReproduceTheLocalSweepAndResubmitOnlyUnfinishedShards() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.path("cluster out")
        let slurm = Self.sweep + ["--out", out, "--array-size", "3", "--time", "00:10:00"]

        let written = try PrecisionSweepProcess.run(["slurm"] + slurm)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("= 6 cells in 3 shard(s)"))
        #expect(written.stdout.contains("array_job=$(sbatch --parsable --array=1-3 '\(out)/slurm/array.sbatch')"))
        #expect(written.stdout.contains("sbatch --dependency=afterany:$array_job '\(out)/slurm/merge.sbatch'"))

        for task in 1...3 {
            let result = try runTask(task, out)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("shard \(task)/3: 2 cells"))
        }
        let merge = try ShellProcess.run("/bin/bash", [out + "/slurm/merge.sbatch"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("merged 3 folder(s): 6/6 cells"))

        let local = scratch.path("local")
        let run = try PrecisionSweepProcess.run(["run"] + Self.sweep + ["--out", local, "--threads", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try results(out) == results(local))

        // Lose shard 2 and one cell of shard 3, and the merged cells: only
        // tasks 2 and 3 are needed, and task 3 computes just its lost cell.
        try FileManager.default.removeItem(atPath: out + "/shards/2")
        let shard3Cells = out + "/shards/3/cells"
        let lost = try FileManager.default.contentsOfDirectory(atPath: shard3Cells).filter { $0.hasSuffix(".csv") }.sorted()[0]
        try FileManager.default.removeItem(atPath: shard3Cells + "/" + lost)
        try FileManager.default.removeItem(atPath: out + "/cells")
        try FileManager.default.removeItem(atPath: out + "/results.csv")
        let again = try PrecisionSweepProcess.run(["slurm"] + slurm)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("shards: 1 finished, 1 partial (1 of 2 cells), 1 not started"))
        #expect(again.stdout.contains("unfinished shard(s): 2-3 of 3"))
        #expect(again.stdout.contains("--array=2-3 "))
        #expect(try runTask(2, out).stdout.contains("done: 2/2 cells (0 resumed"))
        #expect(try runTask(3, out).stdout.contains("done: 2/2 cells (1 resumed"))
        #expect(try ShellProcess.run("/bin/bash", [out + "/slurm/merge.sbatch"]).status == 0)
        #expect(try results(out) == results(local))

        let done = try PrecisionSweepProcess.run(["slurm"] + slurm)
        #expect(done.status == 0)
        #expect(done.stdout.contains("nothing to submit"))
        #expect(!done.stdout.contains("submit with:"))
    }

    @Test func resolvedSweepFileIsTheSweepWhateverTheUsersFileSays() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The user's file selects the workload and formats; options override seeds.
        let config = scratch.path("study.yaml")
        try "workloads: harmonic\nformats: [bf16, fp16]\nseeds: 5\nparams:\n  n: 3000\n  checkpoints: 5\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let out = scratch.path("out")
        let written = try PrecisionSweepProcess.run(
            ["slurm", "--config", config, "--modes", "rne,sr", "--seeds", "2", "--no-plot", "--out", out, "--array-size", "2"])
        #expect(written.status == 0, "\(written.stderr)")
        // Later edits of the user's file do not change what the tasks run.
        try "workloads: lorenz63\n".write(toFile: config, atomically: true, encoding: .utf8)
        for task in 1...2 { #expect(try runTask(task, out).status == 0) }
        #expect(try ShellProcess.run("/bin/bash", [out + "/slurm/merge.sbatch"]).status == 0)
        let local = scratch.path("local")
        #expect(try PrecisionSweepProcess.run(["run"] + Self.sweep + ["--out", local]).status == 0)
        #expect(try results(out) == results(local))
    }

    @Test func dryRunWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let result = try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out, "--array-size", "2", "--dry-run", "--submit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("--array=1-2"))
        #expect(result.stdout.contains("dry run: nothing was written or submitted"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func submitWithoutSbatchFailsAfterWritingTheScripts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let result = try PrecisionSweepProcess.run(
            ["slurm"] + Self.sweep + ["--out", out, "--array-size", "2", "--submit"],
            environment: ["PATH": scratch.url.path])
        #expect(result.status == 69)
        #expect(result.stderr.contains("sbatch is not on PATH"))
        #expect(result.stderr.contains("--array=1-2"))
        #expect(FileManager.default.fileExists(atPath: out + "/slurm/array.sbatch"))
        #expect(FileManager.default.fileExists(atPath: out + "/slurm/merge.sbatch"))
    }

    /// Each bad input: extra arguments, and what stderr must name.
    @Test(arguments: [
        (["--array-size", "0"], ["--array-size 0", "1...6"]),
        (["--array-size", "7"], ["--array-size 7", "1...6", "6 cells"]),
        (["--array-size", "2", "--time", "2h"], ["'2h'", "HH:MM:SS"]),
        (["--array-size", "2", "--mem", "4GB"], ["'4GB'", "K, M, G or T"]),
        (["--array-size", "2", "--shard", "1/2"], ["--shard 1/2", "--array-size"]),
        (["--array-size", "2", "--threads", "2", "--cpus-per-task", "4"], ["--threads 2", "--cpus-per-task 4"]),
        (["--array-size", "2", "--sbatch-option", "--array=1-9"], ["--array", "reserved"]),
        (["--array-size", "2", "--formats", "fp17"], ["fp17", "bf16"]),
        (["--array-size", "2", "--param", "nn=3"], ["nn", "checkpoints"]),
        (["--array-size", "2", "--executable", "/nonexistent/precision-sweep"], ["/nonexistent/precision-sweep"]),
    ])
    func badInputIsNamedAndNothingIsWritten(extra: [String], named: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.path("out")
        let result = try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out] + extra)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        for text in named { #expect(result.stderr.contains(text), "\(result.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anotherArraySizeOrSweepInTheFolderIsRefusedUnlessForced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = scratch.path("out")
        #expect(try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out, "--array-size", "3"]).status == 0)
        #expect(try runTask(1, out).status == 0)

        let resized = try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out, "--array-size", "2"])
        #expect(resized.status == 64)
        #expect(resized.stderr.contains("array size (was 3; now 2)"))
        let reseeded = try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out, "--array-size", "3", "--seeds", "3"])
        #expect(reseeded.status == 64)
        #expect(reseeded.stderr.contains("seeds (was 2; now 3)"))

        let forced = try PrecisionSweepProcess.run(["slurm"] + Self.sweep + ["--out", out, "--array-size", "2", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/shards/1"))
        #expect(forced.stdout.contains("--array=1-2 "))
    }
}
