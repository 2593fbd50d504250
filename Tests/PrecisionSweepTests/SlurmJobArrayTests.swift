import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `precision-sweep slurm --submit` on a real Slurm: `scripts/local-slurm.sh`
/// installs Debian's slurm-wlm and munge and starts a one-node cluster
/// (loopback only); a small sweep runs as a job array plus the dependent
/// merge job, and the merged results.csv must be byte-identical to the same
/// sweep run by `precision-sweep run`. Then shards are lost and the sweep is
/// resubmitted: only their array tasks run; one of them is cancelled, the
/// merge still runs (afterany) and reports the missing cells; the third
/// submission runs just that task, and the merge matches again.
///
/// Skipped (cancelled, with the reason) only where Slurm cannot be installed:
/// not root, no apt-get/dpkg, or apt-get failing. The daemons are stopped and
/// the temporary folders removed however the test ends.
@Suite(.serialized)
struct SlurmJobArrayTests {
    /// 1 workload x 2 formats x (rne + 2 sr seeds) = 6 cells; 3 array tasks of 2 cells.
    static let sweep = [
        "--workloads", "harmonic", "--formats", "bf16,fp16", "--modes", "rne,sr", "--seeds", "2",
        "--param", "n=3000", "--param", "checkpoints=5",
    ]

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.timeLimit(.minutes(10)))
    func jobArrayMergesToTheLocalSweepAndResubmitsOnlyUnfinishedShards() async throws {
        guard getuid() == 0 else {
            try Test.cancel("Slurm test skipped: installing and starting Slurm needs root")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query")
        else {
            try Test.cancel("Slurm test skipped: apt-get and dpkg are needed to install slurm-wlm and munge")
        }
        let script = Self.repository.appendingPathComponent("scripts/local-slurm.sh").path
        let id = UUID().uuidString.prefix(8)
        // slurm.conf takes paths without quotes: no spaces in the state folder.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("roundoff-slurm-\(id)").path
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("roundoff slurm array-\(id)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer {
            let stop = try? ShellProcess.run("/bin/bash", [script, "stop", state])
            Self.log("local-slurm.sh stop: exit \(stop.map { String($0.status) } ?? "?"); \(stop?.stderr.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")")
            try? FileManager.default.removeItem(at: scratch)
        }

        let clock = ContinuousClock()
        let began = clock.now
        let start = try ShellProcess.run("/bin/bash", [script, "start", state])
        if start.status == 3 {
            let reason = start.stderr.split(separator: "\n").last.map(String.init) ?? "unknown reason"
            try Test.cancel("Slurm test skipped: \(reason)")
        }
        try #require(start.status == 0, "local-slurm.sh start failed:\n\(start.stderr)")
        let conf = try #require(
            start.lines.first { $0.hasPrefix("SLURM_CONF=") }.map { String($0.dropFirst("SLURM_CONF=".count)) })
        let environment: [String: String?] = ["SLURM_CONF": conf]
        Self.log("cluster up in \(Self.seconds(clock.now - began)) (install included); SLURM_CONF=\(conf)")
        for line in try Self.slurm(["sinfo", "--Node", "--long"], environment).stdout.split(separator: "\n") {
            Self.log("sinfo: \(line)")
        }

        let out = scratch.appendingPathComponent("cluster results").path
        let local = scratch.appendingPathComponent("local results").path
        let slurm = ["slurm"] + Self.sweep + ["--out", out, "--array-size", "3", "--time", "00:05:00", "--job-name", "roundoff-ci"]
        let localRun = try PrecisionSweepProcess.run(["run"] + Self.sweep + ["--out", local, "--threads", "2", "--no-plot"])
        try #require(localRun.status == 0, "\(localRun.stderr)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: local + "/results.csv"))

        // 1. Submit held, so that the jobs are certainly still queued when the
        //    same command runs again: it must refuse to submit twice.
        var phase = clock.now
        let first = try PrecisionSweepProcess.run(slurm + ["--sbatch-option", "--hold", "--submit"], environment: environment)
        try #require(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        first.lines.forEach { Self.log("submit: \($0)") }
        let (array, merge) = try #require(Self.jobIDs(first.stdout))
        let arrayID = try #require(array)
        #expect(first.stdout.contains("submitted array job \(arrayID): tasks 1-3 of 3"))
        #expect(first.stdout.contains("starts when job \(arrayID) ends (afterany)"))
        for line in try Self.queue([arrayID, merge], environment).split(separator: "\n") { Self.log("squeue: \(line)") }

        let twice = try PrecisionSweepProcess.run(slurm + ["--submit"], environment: environment)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("still queued or running"), "\(twice.stderr)")
        #expect(twice.stderr.contains(arrayID) && twice.stderr.contains(merge))

        _ = try Self.slurm(["scontrol", "release", arrayID], environment)
        _ = try Self.slurm(["scontrol", "release", merge], environment)
        try await Self.waitFor([arrayID, merge], environment)
        #expect(try Self.jobStates(arrayID, environment) == ["1": "COMPLETED 0:0", "2": "COMPLETED 0:0", "3": "COMPLETED 0:0"])
        #expect(try Self.jobStates(merge, environment) == ["": "COMPLETED 0:0"])
        Self.log("array job \(arrayID) and merge job \(merge) done in \(Self.seconds(clock.now - phase))")

        let merged = try Data(contentsOf: URL(fileURLWithPath: out + "/results.csv"))
        #expect(merged == expected, "the merged results.csv differs from the local run's")
        Self.log("merged results.csv: \(merged.count) bytes, \(merged.split(separator: 0x0A).count) lines, byte-identical to the local run: \(merged == expected)")
        let mergeLog = try String(contentsOfFile: out + "/slurm/logs/merge-\(merge).out", encoding: .utf8)
        #expect(mergeLog.contains("merged 3 folder(s): 6/6 cells"), "\(mergeLog)")
        mergeLog.split(separator: "\n").forEach { Self.log("merge-\(merge).out: \($0)") }
        for task in 1...3 {
            let taskLog = try String(contentsOfFile: out + "/slurm/logs/array-\(arrayID)_\(task).out", encoding: .utf8)
            #expect(taskLog.contains("done: 2/2 cells (0 resumed, 0 failed)"), "\(taskLog)")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/plots"))

        // 2. Lose shard 2, one cell of shard 3 and the merged cells: the same
        //    command submits tasks 2 and 3 only. Task 2 is cancelled before it
        //    starts; afterany still runs the merge, which reports what is missing.
        phase = clock.now
        try FileManager.default.removeItem(atPath: out + "/shards/2")
        let cells3 = out + "/shards/3/cells"
        let lost = try FileManager.default.contentsOfDirectory(atPath: cells3).filter { $0.hasSuffix(".csv") }.sorted()[0]
        try FileManager.default.removeItem(atPath: cells3 + "/" + lost)
        try FileManager.default.removeItem(atPath: out + "/cells")
        try FileManager.default.removeItem(atPath: out + "/results.csv")
        let again = try PrecisionSweepProcess.run(slurm + ["--sbatch-option", "--hold", "--submit"], environment: environment)
        try #require(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        again.lines.forEach { Self.log("resubmit: \($0)") }
        #expect(again.stdout.contains("shards: 1 finished, 1 partial (1 of 2 cells), 1 not started"))
        #expect(again.stdout.contains("unfinished shard(s): 2-3 of 3"))
        let (array2, merge2) = try #require(Self.jobIDs(again.stdout))
        let arrayID2 = try #require(array2)
        #expect(again.stdout.contains("submitted array job \(arrayID2): tasks 2-3 of 3"))
        _ = try Self.slurm(["scancel", "\(arrayID2)_2"], environment)
        _ = try Self.slurm(["scontrol", "release", arrayID2], environment)
        _ = try Self.slurm(["scontrol", "release", merge2], environment)
        try await Self.waitFor([arrayID2, merge2], environment)
        // A task cancelled while pending never becomes a job of its own:
        // scontrol lists task 3 only.
        #expect(try Self.jobStates(arrayID2, environment) == ["3": "COMPLETED 0:0"])
        #expect(try Self.jobStates(merge2, environment) == ["": "COMPLETED 0:0"])
        let task3 = try String(contentsOfFile: out + "/slurm/logs/array-\(arrayID2)_3.out", encoding: .utf8)
        #expect(task3.contains("done: 2/2 cells (1 resumed, 0 failed)"), "\(task3)")
        let partialLog = try String(contentsOfFile: out + "/slurm/logs/merge-\(merge2).out", encoding: .utf8)
        partialLog.split(separator: "\n").forEach { Self.log("merge-\(merge2).out: \($0)") }
        #expect(partialLog.contains("shard 2/3 has no results"), "\(partialLog)")
        #expect(partialLog.contains("merged 2 folder(s): 4/6 cells"), "\(partialLog)")
        #expect(partialLog.contains("2 of 6 cells are missing"), "\(partialLog)")
        Self.log("resubmitted tasks 2-3 (task 2 cancelled) and merge done in \(Self.seconds(clock.now - phase))")

        // 3. The same command again: only task 2 is left.
        phase = clock.now
        let third = try PrecisionSweepProcess.run(slurm + ["--submit"], environment: environment)
        try #require(third.status == 0, "\(third.stdout)\n\(third.stderr)")
        third.lines.forEach { Self.log("resubmit: \($0)") }
        let (array3, merge3) = try #require(Self.jobIDs(third.stdout))
        let arrayID3 = try #require(array3)
        #expect(third.stdout.contains("submitted array job \(arrayID3): tasks 2 of 3"))
        try await Self.waitFor([arrayID3, merge3], environment)
        #expect(try Self.jobStates(arrayID3, environment) == ["2": "COMPLETED 0:0"])
        #expect(try Self.jobStates(merge3, environment) == ["": "COMPLETED 0:0"])
        let remerged = try Data(contentsOf: URL(fileURLWithPath: out + "/results.csv"))
        #expect(remerged == expected, "the re-merged results.csv differs from the local run's")
        Self.log("resubmitted task 2 and merge done in \(Self.seconds(clock.now - phase)); re-merged results.csv byte-identical to the local run: \(remerged == expected)")

        // 4. Everything is merged: nothing to submit.
        let nothing = try PrecisionSweepProcess.run(slurm + ["--submit"], environment: environment)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("nothing to submit"))
        #expect(nothing.stdout.contains("jobs: array=none merge=none"))
        let jobsLog = try String(contentsOfFile: out + "/slurm/jobs.log", encoding: .utf8)
        jobsLog.split(separator: "\n").forEach { Self.log("jobs.log: \($0)") }
        #expect(jobsLog.split(separator: "\n").count == 3)
        Self.log("total \(Self.seconds(clock.now - began)) from start, install included")
    }

    // MARK: Helpers

    /// The jobs were still queued at the deadline; the description shows the queue and the jobs.
    struct JobsDidNotEnd: Error, CustomStringConvertible {
        let description: String
    }

    /// `jobs: array=ID merge=ID` of the output (array is nil for `none`).
    static func jobIDs(_ stdout: String) -> (String?, String)? {
        guard let match = stdout.firstMatch(of: /jobs: array=(\d+|none) merge=(\d+)/) else { return nil }
        return (match.1 == "none" ? nil : String(match.1), String(match.2))
    }

    /// Runs a Slurm client command found on PATH.
    static func slurm(_ arguments: [String], _ environment: [String: String?]) throws -> ProcessOutput {
        try ShellProcess.run("/usr/bin/env", arguments, environment: environment)
    }

    /// The queue lines of `ids` (pending and running jobs), empty when all have ended.
    static func queue(_ ids: [String], _ environment: [String: String?]) throws -> String {
        try slurm(["squeue", "--jobs", ids.joined(separator: ","), "--format", "%.10i %.16j %.8T %.6M %R"], environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls squeue until the jobs have left the queue (at most 120 s),
    /// logging each new picture of the queue.
    static func waitFor(_ ids: [String], _ environment: [String: String?]) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        var last = ""
        while true {
            let lines = try queue(ids, environment).split(separator: "\n").dropFirst().joined(separator: "\n")
            if lines.isEmpty { return }
            if lines != last {
                lines.split(separator: "\n").forEach { log("squeue: \($0)") }
                last = lines
            }
            guard ContinuousClock.now < deadline else {
                let details = try slurm(["scontrol", "show", "job"], environment).stdout
                throw JobsDidNotEnd(description: "jobs \(ids.joined(separator: ",")) still queued after 120 s:\n\(lines)\n\(details)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// `JobState ExitCode` of every record of `job` by array task id ("" for
    /// a job that is not an array), from scontrol; logs the records.
    static func jobStates(_ job: String, _ environment: [String: String?]) throws -> [String: String] {
        let show = try slurm(["scontrol", "show", "job", job], environment)
        #expect(show.status == 0, "\(show.stderr)")
        var states: [String: String] = [:]
        for record in show.stdout.components(separatedBy: "\n\n") where record.contains("JobId=") {
            var fields: [String: String] = [:]
            for match in record.matches(of: /([A-Za-z]+)=(\S*)/) where fields[String(match.1)] == nil {
                fields[String(match.1)] = String(match.2)
            }
            let keys = ["JobId", "ArrayJobId", "ArrayTaskId", "JobName", "JobState", "ExitCode", "RunTime", "NodeList"]
            log("scontrol: " + keys.compactMap { key in fields[key].map { "\(key)=\($0)" } }.joined(separator: " "))
            states[fields["ArrayTaskId"] ?? ""] = "\(fields["JobState"] ?? "?") \(fields["ExitCode"] ?? "?")"
        }
        return states
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    }

    /// A line of the test's account of what happened, on standard output.
    static func log(_ line: String) {
        print("[slurm test] \(line)")
    }
}
