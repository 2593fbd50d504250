import Foundation
import Testing
@testable import RoundoffWorkloads

/// The scripts of `precision-sweep slurm`, checked by running their shell
/// part with bash (the oracle for quoting) against a stand-in executable that
/// prints its arguments, and their `#SBATCH` lines against sbatch's quoting
/// rules (double quotes, backslash escapes, `%%` for a literal `%`).
struct SlurmJobScriptsTests {
    /// A results folder and an executable whose paths need quoting everywhere.
    struct Fixture {
        let scratch: ScratchDirectory
        let out: URL
        let executable: URL

        init() throws {
            scratch = try ScratchDirectory()
            out = scratch.url.appendingPathComponent("my results/it's 100%", isDirectory: true)
            let bin = scratch.url.appendingPathComponent("bin dir", isDirectory: true)
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            executable = bin.appendingPathComponent("precision sweep")
            // Prints each argument on its own line, so the test sees word boundaries.
            try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"
                .write(to: executable, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
        }

        func scripts(
            shards: Int = 4, plot: Bool = true,
            options: SlurmJobOptions = SlurmJobOptions(jobName: "study", cpusPerTask: 2)
        ) throws -> SlurmJobScripts {
            try SlurmJobScripts(
                executable: executable.path, outputDirectory: out, shardCount: shards, options: options, plot: plot)
        }
    }

    /// Runs `script` with bash and `environment`; returns (status, stdout lines, stderr).
    func bash(_ script: URL, environment: [String: String]) throws -> (Int32, [String], String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, lines, String(decoding: stderr, as: UTF8.self))
    }

    @Test func arrayTaskRunsItsShardWithQuotedPaths() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts()
        try scripts.write(sweepFile: "seeds: 2\n")
        let (status, lines, stderr) = try bash(
            scripts.arrayScriptFile, environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_CPUS_PER_TASK": "5"])
        #expect(status == 0, "\(stderr)")
        let out = fixture.out.path
        // The first line is the task's header; the rest are the arguments one per line.
        #expect(lines.first?.hasPrefix("shard 3/4 on ") == true)
        #expect(Array(lines.dropFirst()) == [
            "run", "--config", out + "/slurm/sweep.yaml", "--shard", "3/4", "--out", out + "/shards/3",
            "--threads", "5", "--no-plot",
        ])
    }

    @Test func arrayTaskWithoutSlurmSaysWhatIsMissing() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts()
        try scripts.write(sweepFile: "seeds: 2\n")
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = nil
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [scripts.arrayScriptFile.path]
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("SLURM_ARRAY_TASK_ID"))
        #expect(message.contains("1...4"))
    }

    @Test func sbatchLinesQuoteValuesAsSbatchReadsThem() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let options = SlurmJobOptions(
            jobName: #"my "big" run\x"#, partition: "short", time: "1-12:00:00", cpusPerTask: 4, memory: "8G",
            account: "proj42", maxRunningTasks: 2, extraOptions: ["--qos=long", "--constraint=\"a|b\""])
        let scripts = try fixture.scripts(shards: 5, options: options)
        let out = fixture.out.path
        let array = scripts.arrayScript.split(separator: "\n").map(String.init)
        let directives = array.filter { $0.hasPrefix("#SBATCH") }
        #expect(directives == [
            #"#SBATCH --job-name="my \"big\" run\\x""#,
            "#SBATCH --array=1-5%2",
            "#SBATCH --cpus-per-task=4",
            #"#SBATCH --partition="short""#,
            #"#SBATCH --time="1-12:00:00""#,
            #"#SBATCH --mem="8G""#,
            #"#SBATCH --account="proj42""#,
            "#SBATCH --chdir=\"\(out)\"",
            // The folder's % doubled (sbatch reads %% as %); the name's patterns kept.
            "#SBATCH --output=\"\(out.replacingOccurrences(of: "%", with: "%%"))/slurm/logs/array-%A_%a.out\"",
            "#SBATCH --qos=long",
            #"#SBATCH --constraint="a|b""#,
        ])
        let merge = scripts.mergeScript.split(separator: "\n").filter { $0.hasPrefix("#SBATCH") }.map(String.init)
        #expect(merge.first == #"#SBATCH --job-name="my \"big\" run\\x-merge""#)
        #expect(merge.contains("#SBATCH --cpus-per-task=1"))
        #expect(merge.contains("#SBATCH --output=\"\(out.replacingOccurrences(of: "%", with: "%%"))/slurm/logs/merge-%j.out\""))
        #expect(merge.contains("#SBATCH --qos=long"))
        #expect(!merge.contains { $0.hasPrefix("#SBATCH --array") })
    }

    @Test(arguments: [true, false])
    func mergeJobMergesTheShardsThatRan(plot: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts(plot: plot)
        try scripts.write(sweepFile: "seeds: 2\n")
        for shard in [1, 3] {
            let folder = scripts.shardDirectory(shard)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "{}".write(to: folder.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
        }
        let (status, lines, stderr) = try bash(scripts.mergeScriptFile, environment: [:])
        #expect(status == 0, "\(stderr)")
        let out = fixture.out.path
        #expect(lines.first?.hasPrefix("merging 2 of 4 shard folders into \(out);") == true)
        #expect(Array(lines.dropFirst()) == ["merge", out + "/shards/1", out + "/shards/3", "--out", out] + (plot ? [] : ["--no-plot"]))
        #expect(stderr.contains("shard 2/4 has no results"))
        #expect(stderr.contains("shard 4/4 has no results"))
    }

    @Test func mergeJobWithNoShardFails() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts(shards: 2)
        try scripts.write(sweepFile: "seeds: 2\n")
        let (status, lines, stderr) = try bash(scripts.mergeScriptFile, environment: [:])
        #expect(status == 1)
        #expect(lines.isEmpty)
        #expect(stderr.contains("nothing to merge"))
    }

    @Test func submissionArguments() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts(shards: 9)
        let array = scripts.arrayScriptFile.path
        #expect(scripts.arraySubmission() == ["--array=1-9", array])
        #expect(scripts.arraySubmission(indices: [7, 2, 3, 5, 8, 9]) == ["--array=2-3,5,7-9", array])
        #expect(scripts.mergeSubmission(after: "4711") == ["--dependency=afterany:4711", scripts.mergeScriptFile.path])
        #expect(scripts.mergeSubmission(after: nil) == [scripts.mergeScriptFile.path])
    }

    @Test func writtenFilesAreExecutableAndJobsAreRecorded() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        let scripts = try fixture.scripts()
        try scripts.write(sweepFile: "seeds: 2\n")
        #expect(FileManager.default.isExecutableFile(atPath: scripts.arrayScriptFile.path))
        #expect(FileManager.default.isExecutableFile(atPath: scripts.mergeScriptFile.path))
        #expect(try String(contentsOf: scripts.sweepFile, encoding: .utf8) == "seeds: 2\n")
        #expect(scripts.recordedJobIDs.isEmpty)
        try scripts.recordSubmission("2024-01-01T00:00:00Z array=12 tasks=1-4 merge=13")
        try scripts.recordSubmission("2024-01-02T00:00:00Z array=none merge=20")
        #expect(scripts.recordedJobIDs == ["12", "13", "20"])
    }

    @Test func outputPathWithABackslashIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.scratch.remove() }
        #expect(throws: SweepError.self) {
            try SlurmJobScripts(
                executable: fixture.executable.path, outputDirectory: URL(fileURLWithPath: "/tmp/a\\b"), shardCount: 2,
                options: SlurmJobOptions(jobName: "x"), plot: true)
        }
        #expect(throws: SweepError.self) {
            try SlurmJobScripts(
                executable: "precision-sweep", outputDirectory: fixture.out, shardCount: 2,
                options: SlurmJobOptions(jobName: "x"), plot: true)
        }
    }
}

/// `ShellWord` against the shell itself: what `sh` makes of the quoted word
/// must be the original text.
struct ShellWordTests {
    @Test(arguments: ["plain/path-1.txt", "two words", "it's", "$HOME `x` \\n \"q\"", "", "a\nb", "100%", "*"])
    func shellReadsTheQuotedWordBack(text: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s' \(ShellWord.quoted(text))"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == text)
    }

    @Test func plainWordsStayUnquoted() {
        #expect(ShellWord.quoted("/usr/bin/precision-sweep") == "/usr/bin/precision-sweep")
        #expect(ShellWord.quoted("--array=1-3,5%2") == "--array=1-3,5%2")
        #expect(ShellWord.quoted("a b") == "'a b'")
        #expect(ShellWord.quoted("it's") == #"'it'\''s'"#)
        #expect(ShellWord.commandLine(["sbatch", "--array=2", "/my dir/a.sbatch"]) == "sbatch --array=2 '/my dir/a.sbatch'")
    }
}

struct SlurmArraySpecTests {
    @Test func consecutiveIndicesBecomeRanges() {
        #expect(SlurmArraySpec(indices: [1, 2, 3, 5, 7, 8, 9]).description == "1-3,5,7-9")
        #expect(SlurmArraySpec(indices: [5, 2]).description == "2,5")
        #expect(SlurmArraySpec(indices: [4]).description == "4")
        #expect(SlurmArraySpec(indices: [3, 1, 2, 2, 3]).description == "1-3")
        #expect(SlurmArraySpec(indices: 1...1000, maxRunning: 50).description == "1-1000%50")
        #expect(SlurmArraySpec(indices: [10, 12], maxRunning: 1).description == "10,12%1")
    }
}

struct SlurmJobOptionsTests {
    @Test(arguments: ["30", "30:00", "02:00:00", "100:00:00", "1-0", "1-12", "1-12:30", "7-00:00:00", "UNLIMITED", "infinite"])
    func slurmTimeFormsAreAccepted(time: String) throws {
        try SlurmJobOptions(jobName: "x", time: time).validate()
    }

    /// Each bad value, and what the message must name besides it.
    @Test(arguments: [
        (SlurmJobOptions(jobName: "x", time: "2h"), "'2h'", "HH:MM:SS"),
        (SlurmJobOptions(jobName: "x", time: "1:2:3:4"), "'1:2:3:4'", "D-HH:MM:SS"),
        (SlurmJobOptions(jobName: "x", cpusPerTask: 0), "--cpus-per-task 0", "1 or more"),
        (SlurmJobOptions(jobName: "x", memory: "4GB"), "'4GB'", "K, M, G or T"),
        (SlurmJobOptions(jobName: "x", maxRunningTasks: 0), "--max-running 0", "1 or more"),
        (SlurmJobOptions(jobName: "x", partition: "a b"), "'a b'", "without spaces"),
        (SlurmJobOptions(jobName: ""), "--job-name ''", "non-empty"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["qos=long"]), "'qos=long'", "--qos=debug"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["--array=1-3"]), "--array", "precision-sweep slurm writes"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["-a3"]), "-a", "reserved"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["--dependency afterok:1"]), "--dependency", "reserved"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["--output=x.log"]), "--output", "reserved"),
        (SlurmJobOptions(jobName: "x", extraOptions: ["--qos=a\n#SBATCH --array=1"]), "line break", "one line"),
    ])
    func badValuesAreNamed(options: SlurmJobOptions, value: String, accepted: String) {
        let error = #expect(throws: SweepError.self) { try options.validate() }
        #expect(error?.description.contains(value) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(accepted) == true, "\(error?.description ?? "")")
    }

    @Test func otherSbatchOptionsAreAccepted() throws {
        try SlurmJobOptions(
            jobName: "study 1", extraOptions: ["--qos=long", "-C skylake", "--gres=gpu:1"]
        ).validate()
    }
}
