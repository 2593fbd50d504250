import Foundation

/// The batch scripts that run a sweep as a Slurm job array, and where they
/// and their results live in the results folder `OUT`:
///
/// ```text
/// OUT/slurm/sweep.yaml        the resolved sweep (ResolvedSweepFile) every task runs
/// OUT/slurm/array.sbatch      the array job: task K runs shard K/N
/// OUT/slurm/merge.sbatch      the merge job, submitted to start after the array ends
/// OUT/slurm/logs/             array-<job>_<task>.out, merge-<job>.out
/// OUT/slurm/jobs.log          one line per submission: time, job ids, tasks
/// OUT/shards/K/               the results folder of shard K (a `run --shard K/N`)
/// OUT/results.csv, run.json,  the merged sweep, as one unsharded run writes it
///   cells/, plots/
/// ```
///
/// Array task `K` (`$SLURM_ARRAY_TASK_ID`, 1…N) runs
/// `precision-sweep run --config OUT/slurm/sweep.yaml --shard K/N
/// --out OUT/shards/K --threads $SLURM_CPUS_PER_TASK --no-plot`, which
/// resumes the shard if it ran before. The merge job merges every shard
/// folder that has a `run.json` into `OUT` and plots; it is meant to depend
/// on the array with `afterany`, so that it runs however the tasks ended and
/// reports the cells still missing rather than never running.
///
/// Paths are absolute. In the shell part of the scripts every path is a
/// single-quoted word (``ShellWord``); in `#SBATCH` lines values are double
/// quoted with `\` and `"` escaped, which is how sbatch reads them, and `%` is
/// doubled in log paths, which sbatch would otherwise read as a pattern.
public struct SlurmJobScripts: Sendable {
    /// The `precision-sweep` executable the jobs run (absolute path; it must
    /// exist at that path on the compute nodes too).
    public let executable: String
    /// `OUT`, the results folder (absolute).
    public let outputDirectory: URL
    /// `N`, the number of shards and array tasks.
    public let shardCount: Int
    /// What the jobs ask Slurm for.
    public let options: SlurmJobOptions
    /// Whether the merge job renders plots.
    public let plot: Bool

    /// Scripts for `shardCount` shards of the sweep whose results go to `outputDirectory`.
    /// - Throws: ``SweepError`` when `executable` is not absolute or holds a
    ///   line break, when the output path holds a line break or a backslash
    ///   (sbatch turns off its `%` patterns in a log path with a backslash),
    ///   or when `shardCount` is below 1.
    public init(executable: String, outputDirectory: URL, shardCount: Int, options: SlurmJobOptions, plot: Bool) throws {
        guard executable.hasPrefix("/") else {
            throw SweepError("the executable path '\(executable)' is not absolute")
        }
        let out = outputDirectory.standardizedFileURL
        if let bad = out.path.first(where: { $0 == "\\" || $0.isNewline }) {
            throw SweepError(
                "the output folder '\(out.path)' holds \(bad == "\\" ? "a backslash" : "a line break"), which Slurm's log file names cannot; accepted: a path without backslashes and line breaks")
        }
        guard executable.allSatisfy({ !$0.isNewline }) else {
            throw SweepError("the executable path '\(executable)' holds a line break")
        }
        guard shardCount >= 1 else { throw SweepError("invalid array size \(shardCount); accepted: 1 or more") }
        self.executable = executable
        self.outputDirectory = out
        self.shardCount = shardCount
        self.options = options
        self.plot = plot
    }

    // MARK: Layout

    /// `OUT/slurm`.
    public var slurmDirectory: URL { outputDirectory.appendingPathComponent("slurm", isDirectory: true) }
    /// `OUT/slurm/sweep.yaml`.
    public var sweepFile: URL { slurmDirectory.appendingPathComponent("sweep.yaml") }
    /// `OUT/slurm/array.sbatch`.
    public var arrayScriptFile: URL { slurmDirectory.appendingPathComponent("array.sbatch") }
    /// `OUT/slurm/merge.sbatch`.
    public var mergeScriptFile: URL { slurmDirectory.appendingPathComponent("merge.sbatch") }
    /// `OUT/slurm/logs`.
    public var logsDirectory: URL { slurmDirectory.appendingPathComponent("logs", isDirectory: true) }
    /// `OUT/slurm/jobs.log`.
    public var submissionsFile: URL { slurmDirectory.appendingPathComponent("jobs.log") }
    /// `OUT/shards`.
    public var shardsDirectory: URL { outputDirectory.appendingPathComponent("shards", isDirectory: true) }
    /// `OUT/shards/K`, the results folder of shard `K`.
    public func shardDirectory(_ index: Int) -> URL {
        shardsDirectory.appendingPathComponent(String(index), isDirectory: true)
    }

    // MARK: Scripts

    /// The array job's script. Its `#SBATCH --array=1-N` submits every
    /// shard; an `--array` on the sbatch command line (which wins over the
    /// script) submits some of them.
    public var arrayScript: String {
        var lines = [
            "#!/bin/bash",
            "# One shard of a Roundoff sweep per Slurm array task: task K (1...\(shardCount)) runs",
            "# shard K/\(shardCount) of the sweep in slurm/sweep.yaml into shards/K, resuming it if it",
            "# ran before. Written by 'precision-sweep slurm'; running that command again",
            "# rewrites it and submits only the shards that are not finished.",
            sbatch("--job-name", options.jobName),
            "#SBATCH --array=\(SlurmArraySpec(indices: 1...shardCount, maxRunning: options.maxRunningTasks))",
        ]
        lines += resourceLines(cpusPerTask: options.cpusPerTask)
        lines.append(sbatch("--output", Self.logPattern(logsDirectory.appendingPathComponent("array-%A_%a.out").path)))
        lines += options.extraOptions.map { "#SBATCH \($0)" }
        lines += [
            "",
            "set -euo pipefail",
            #": "${SLURM_ARRAY_TASK_ID:?is not set: submit this script with sbatch, or set it to a shard index 1...\#(shardCount)}""#,
            "echo \"shard $SLURM_ARRAY_TASK_ID/\(shardCount) on $(hostname), ${SLURM_CPUS_PER_TASK:-\(options.cpusPerTask)} CPU(s)\"",
            "exec \(ShellWord.quoted(executable)) run --config \(ShellWord.quoted(sweepFile.path)) \\",
            "    --shard \"$SLURM_ARRAY_TASK_ID/\(shardCount)\" \\",
            "    --out \(ShellWord.quoted(shardsDirectory.path + "/"))\"$SLURM_ARRAY_TASK_ID\" \\",
            "    --threads \"${SLURM_CPUS_PER_TASK:-\(options.cpusPerTask)}\" --no-plot",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge job's script: merges the shard folders that have a
    /// `run.json` into `OUT` (and plots, unless plots are off), naming the
    /// shards that have none.
    public var mergeScript: String {
        var lines = [
            "#!/bin/bash",
            "# Merges the shards of a Roundoff sweep into the results folder once the array",
            "# job has ended, however its tasks ended (afterany): cells of shards that did not",
            "# finish are reported missing, and running the same 'precision-sweep slurm'",
            "# command again resubmits those shards. Written by 'precision-sweep slurm'.",
            sbatch("--job-name", options.jobName + "-merge"),
        ]
        lines += resourceLines(cpusPerTask: 1)
        lines.append(sbatch("--output", Self.logPattern(logsDirectory.appendingPathComponent("merge-%j.out").path)))
        lines += options.extraOptions.map { "#SBATCH \($0)" }
        lines += [
            "",
            "set -uo pipefail",
            "out=\(ShellWord.quoted(outputDirectory.path))",
            "shards=()",
            "for k in $(seq 1 \(shardCount)); do",
            "    if [ -f \"$out/shards/$k/run.json\" ]; then",
            "        shards+=(\"$out/shards/$k\")",
            "    else",
            "        echo \"shard $k/\(shardCount) has no results: its task did not run, or ended before starting\" >&2",
            "    fi",
            "done",
            "if [ ${#shards[@]} -eq 0 ]; then",
            "    echo \"no shard has results; nothing to merge\" >&2",
            "    exit 1",
            "fi",
            "echo \"merging ${#shards[@]} of \(shardCount) shard folders into $out; to compute missing cells, run the same 'precision-sweep slurm' command again\"",
            "exec \(ShellWord.quoted(executable)) merge \"${shards[@]}\" --out \"$out\"\(plot ? "" : " --no-plot")",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `#SBATCH` lines both jobs share: CPUs, partition, time, memory,
    /// account and the working folder.
    private func resourceLines(cpusPerTask: Int) -> [String] {
        var lines = ["#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition = options.partition { lines.append(sbatch("--partition", partition)) }
        if let time = options.time { lines.append(sbatch("--time", time)) }
        if let memory = options.memory { lines.append(sbatch("--mem", memory)) }
        if let account = options.account { lines.append(sbatch("--account", account)) }
        // OUT is on storage every node sees; the submission folder need not be.
        lines.append(sbatch("--chdir", outputDirectory.path))
        return lines
    }

    /// `#SBATCH --option="value"`, quoted as sbatch reads it: inside double
    /// quotes a backslash takes the next character literally.
    private func sbatch(_ option: String, _ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "#SBATCH \(option)=\"\(escaped)\""
    }

    /// A log path for `--output` with `%` doubled, except in the patterns
    /// (`%A`, `%a`, `%j`) of the file name, which sbatch fills in.
    static func logPattern(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return folder.replacingOccurrences(of: "%", with: "%%") + "/" + name
    }

    // MARK: Submission

    /// The sbatch arguments that submit array tasks `indices` (all shards
    /// when nil), without `--parsable`.
    public func arraySubmission(indices: [Int]? = nil) -> [String] {
        let spec = SlurmArraySpec(indices: indices ?? Array(1...shardCount), maxRunning: options.maxRunningTasks)
        return ["--array=\(spec)", arrayScriptFile.path]
    }

    /// The sbatch arguments that submit the merge job, to start after job
    /// `arrayJob` ends however it ends (`afterany`), or at once when nil.
    public func mergeSubmission(after arrayJob: String?) -> [String] {
        (arrayJob.map { ["--dependency=afterany:\($0)"] } ?? []) + [mergeScriptFile.path]
    }

    // MARK: Files

    /// Writes `sweep.yaml` (the text of `sweepFile`), both scripts
    /// (executable) and the logs folder; each file atomically.
    /// - Throws: ``SweepError`` when a folder or file cannot be written.
    public func write(sweepFile text: String) throws {
        do {
            try FileManager.default.createDirectory(at: logsDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: shardsDirectory, withIntermediateDirectories: true)
        } catch {
            throw SweepError("cannot create \(logsDirectory.path): \(error.localizedDescription)")
        }
        try AtomicFile.write(text, to: sweepFile)
        for (script, url) in [(arrayScript, arrayScriptFile), (mergeScript, mergeScriptFile)] {
            try AtomicFile.write(script, to: url)
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// Appends `line` (and a newline) to `jobs.log`.
    public func recordSubmission(_ line: String) throws {
        let data = Data((line + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: submissionsFile.path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } else {
            try AtomicFile.write(data, to: submissionsFile)
        }
    }

    /// The job ids recorded in `jobs.log` (every `array=ID` and `merge=ID`).
    public var recordedJobIDs: [String] {
        guard let text = try? String(contentsOf: submissionsFile, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isWhitespace).compactMap { word in
            for key in ["array=", "merge="] where word.hasPrefix(key) {
                let id = word.dropFirst(key.count)
                return id.allSatisfy(\.isNumber) && !id.isEmpty ? String(id) : nil
            }
            return nil
        }
    }

    /// Deletes the results of an earlier sweep: the shard folders, the
    /// `slurm` folder (scripts, logs, job record) and the merged run in `OUT`
    /// (`run.json`, `results.csv`, `cells/`); other files in `OUT` stay.
    public func discardPreviousResults() throws {
        for url in [shardsDirectory, slurmDirectory] where FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw SweepError("cannot remove \(url.path): \(error.localizedDescription)")
            }
        }
        try SweepJournal(directory: outputDirectory).removeRun()
    }
}
