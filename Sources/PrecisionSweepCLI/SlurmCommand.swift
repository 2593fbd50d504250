import ArgumentParser
import Foundation
import RoundoffWorkloads

/// `precision-sweep slurm`: writes (and with `--submit` submits) a Slurm job
/// array that runs a sweep in shards, and a merge job that combines them.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Run a sweep on a Slurm cluster: a job array of shards, then a merge job that plots.",
        discussion: """
            Takes the same options as 'precision-sweep run' (the sweep, --config, --out, --param, \
            ...) plus Slurm's. The whole sweep is checked first, as 'run' checks it; then, in the \
            results folder OUT (--out, made absolute), it writes:
              OUT/slurm/sweep.yaml    the resolved sweep (canonical names, every
                                      parameter value), so every task runs the
                                      same grid whatever its working folder or
                                      later edits of your files
              OUT/slurm/array.sbatch  the job array; task K of 1...N runs
                                        precision-sweep run --shard K/N
                                          --config OUT/slurm/sweep.yaml
                                          --out OUT/shards/K --no-plot
                                          --threads $SLURM_CPUS_PER_TASK
              OUT/slurm/merge.sbatch  merges OUT/shards/* into OUT (results.csv,
                                      run.json, plots/ unless --no-plot)
              OUT/slurm/logs/         array-JOB_TASK.out, merge-JOB.out
              OUT/slurm/jobs.log      one line per submission, with job ids
            OUT must be on storage that the compute nodes share, and the executable (this one, or \
            --executable) must exist at the same path there.

            Without --submit it prints the sbatch commands. With --submit it runs them: \
            'sbatch --parsable --array=... array.sbatch', then 'sbatch \
            --dependency=afterany:ARRAY merge.sbatch', and prints both job ids, last as the line
              jobs: array=ID merge=ID
            (ID is 'none' for a job not submitted). The merge waits for the array with afterany, \
            not afterok: it runs however the tasks end, merges what finished and reports the cells \
            still missing (in its log and in OUT/run.json), instead of waiting forever.

            Resubmitting: run the same command again. Each shard's journal (OUT/shards/K/cells) \
            keeps its finished cells, so only the array tasks of unfinished shards are submitted \
            (e.g. --array=2,5), and each computes only its missing cells. When every shard is \
            finished only the merge is submitted, and when OUT already holds every cell nothing \
            is. A results folder that holds a different sweep (or another --array-size) is refused \
            unless --force, which discards OUT/shards, OUT/slurm and the merged run. With \
            --submit or --force it first checks with squeue that no job recorded in jobs.log is \
            still queued or running, and fails if one is: wait for it, or scancel it.

            Each array task runs as many cells at once as it has CPUs: --cpus-per-task (default: \
            --threads, or the sweep file's threads, else 1). The merge job asks for 1 CPU and the \
            same partition, time, memory, account and --sbatch-option lines.

            Exit status: 0 when the scripts are written (and submitted, with --submit), 64 for a \
            bad option or a results folder that holds another sweep, 69 when --submit finds no \
            sbatch on PATH (the scripts are written), 1 when sbatch fails or jobs of the sweep are \
            still queued.

            Examples:
              $ precision-sweep slurm --config study.yaml --array-size 64 \\
                  --out /scratch/me/study --partition short \\
                  --time 02:00:00 --cpus-per-task 4 --submit
              $ precision-sweep slurm --workloads harmonic --seeds 1000 \\
                  --formats bf16,fp16 --out /scratch/me/harmonic \\
                  --array-size 100 --sbatch-option=--qos=long
              $ scripts/local-slurm.sh start   # one-node Slurm, to try it
            """
    )

    @OptionGroup(title: "Sweep options (as for 'precision-sweep run')")
    var sweep: SweepOptions

    @Option(name: .customLong("array-size"), help: ArgumentHelp(
        "Split the sweep into N shards, one per array task 1...N (at most the sweep's cell count).", valueName: "N"))
    var arraySize: Int

    @Option(help: ArgumentHelp("Slurm partition (default: the cluster's default).", valueName: "name"))
    var partition: String?

    @Option(help: ArgumentHelp(
        "Time limit of each array task and of the merge job: \(SlurmJobOptions.acceptedTimeForms).",
        valueName: "time"))
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: ArgumentHelp(
        "CPUs of each array task, which runs that many cells at once (default: --threads, else the sweep file's threads, else 1).",
        valueName: "n"))
    var cpusPerTask: Int?

    @Option(name: .customLong("mem"), help: ArgumentHelp(
        "Memory of each job, e.g. 4G (no unit: megabytes; default: the partition's).", valueName: "size"))
    var memory: String?

    @Option(help: ArgumentHelp("Account to charge (default: yours).", valueName: "name"))
    var account: String?

    @Option(name: .customLong("job-name"), help: ArgumentHelp(
        "Name of the array job; the merge job is NAME-merge (default: roundoff-<last folder of OUT>).", valueName: "name"))
    var jobName: String?

    @Option(name: .customLong("max-running"), help: ArgumentHelp(
        "Run at most M array tasks at once (--array=...%M).", valueName: "M"))
    var maxRunning: Int?

    @Option(
        name: .customLong("sbatch-option"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "Another sbatch option for both jobs, written as an #SBATCH line as given (repeatable), e.g. --sbatch-option=--qos=long.",
            valueName: "option"))
    var sbatchOptions: [String] = []

    @Option(help: ArgumentHelp(
        "The precision-sweep executable the jobs run (default: this one, \(Self.currentExecutable ?? "unknown")).",
        valueName: "path"))
    var executable: String?

    @Flag(help: "Submit the jobs with sbatch and print their ids (default: print the sbatch commands).")
    var submit = false

    /// What the command will do, checked.
    private struct Plan {
        let runner: SweepRunner
        let scripts: SlurmJobScripts
        /// The shards' state; nil with --force (everything is discarded).
        let state: ShardedSweepState?
    }

    mutating func validate() throws {
        _ = try makePlan()
    }

    mutating func run() throws {
        let plan = try makePlan()
        let grid = plan.runner.grid
        let scripts = plan.scripts
        let count = scripts.shardCount
        let seedText = grid.modes.contains(where: \.isStochastic) ? " (\(grid.seeds) seed(s) per stochastic mode)" : ""
        StandardOutput.line(
            "sweep: \(grid.workloads.count) workload(s) x \(grid.formats.count) format(s) x \(grid.modes.count) mode(s)\(seedText) = \(grid.count) cells in \(count) shard(s), \(scripts.options.cpusPerTask) CPU(s) per task -> \(scripts.outputDirectory.path)")

        let unfinished: [Int]
        if let state = plan.state {
            let started = state.shards.contains { if case .notStarted = $0 { false } else { true } }
            if started || state.mergedCells > 0 {
                StandardOutput.line(
                    "shards: \(state.summary); merged: \(state.mergedCells)/\(state.totalCells) cells in \(scripts.outputDirectory.path)")
            }
            unfinished = state.unfinishedShards
        } else {
            unfinished = Array(1...count)
        }
        let mergeNeeded = !unfinished.isEmpty || !(plan.state?.isMerged ?? false)
        let arrayArguments = unfinished.isEmpty ? nil : scripts.arraySubmission(indices: unfinished)

        if sweep.dryRun {
            StandardOutput.line("would write \(scripts.sweepFile.path), \(scripts.arrayScriptFile.lastPathComponent) and \(scripts.mergeScriptFile.lastPathComponent)")
            printCommands(arrayArguments, mergeNeeded: mergeNeeded, scripts: scripts)
            StandardOutput.line("dry run: nothing was written or submitted")
            return
        }
        // Jobs of an earlier submission still in the queue would compute the
        // same shards again (--submit) or write into folders --force deletes.
        if submit || sweep.force { try refuseActiveJobs(scripts) }
        if sweep.force, FileManager.default.fileExists(atPath: scripts.outputDirectory.path) {
            try scripts.discardPreviousResults()
            StandardOutput.line("--force: discarded earlier results in \(scripts.outputDirectory.path) (shards, slurm folder, merged run)")
        }
        let sweepFile = ResolvedSweepFile(
            grid: grid, outputDirectory: scripts.outputDirectory.path, plot: plan.runner.configuration.plot)
        try scripts.write(sweepFile: sweepFile.text)
        StandardOutput.line(
            "wrote \(scripts.slurmDirectory.path)/{\(scripts.sweepFile.lastPathComponent),\(scripts.arrayScriptFile.lastPathComponent),\(scripts.mergeScriptFile.lastPathComponent)}")

        if !mergeNeeded {
            StandardOutput.line("nothing to submit: \(scripts.outputDirectory.path) already holds all \(grid.count) cells of the sweep")
            if submit { StandardOutput.line("jobs: array=none merge=none") }
            return
        }
        if unfinished.isEmpty {
            StandardOutput.line("every shard is finished; only the merge is needed")
        } else if unfinished.count < count {
            StandardOutput.line(
                "unfinished shard(s): \(SlurmArraySpec(indices: unfinished)) of \(count); only their array tasks are submitted")
        }
        guard submit else {
            printCommands(arrayArguments, mergeNeeded: true, scripts: scripts)
            StandardOutput.line("(or run this command again with --submit)")
            return
        }
        try submitJobs(arrayArguments, scripts: scripts, tasks: unfinished)
    }

    /// Submits the array (if any tasks) and the merge job after it, and records them.
    private func submitJobs(_ arrayArguments: [String]?, scripts: SlurmJobScripts, tasks: [Int]) throws {
        guard let sbatch = SlurmTools.find("sbatch") else {
            Self.fail(
                "sbatch is not on PATH, so nothing was submitted. The scripts are written; submit them where Slurm is installed:")
            printCommands(arrayArguments, mergeNeeded: true, scripts: scripts, to: .standardError)
            throw ExitCode(69)  // EX_UNAVAILABLE
        }
        var arrayJob: String?
        if let arrayArguments {
            do { arrayJob = try SlurmTools.submit(sbatch, arrayArguments) } catch let error as SlurmTools.SubmissionError {
                Self.fail(error.description)
                throw ExitCode.failure
            }
            StandardOutput.line(
                "submitted array job \(arrayJob!): tasks \(SlurmArraySpec(indices: tasks, maxRunning: scripts.options.maxRunningTasks)) of \(scripts.shardCount) (\(scripts.arrayScriptFile.path))")
        }
        let mergeJob: String
        do { mergeJob = try SlurmTools.submit(sbatch, scripts.mergeSubmission(after: arrayJob)) } catch let error as SlurmTools.SubmissionError {
            try? scripts.recordSubmission(Self.submissionRecord(arrayJob, tasks: tasks, merge: nil))
            Self.fail(error.description + (arrayJob.map { "; the array job \($0) was submitted and runs without its merge" } ?? ""))
            throw ExitCode.failure
        }
        try scripts.recordSubmission(Self.submissionRecord(arrayJob, tasks: tasks, merge: mergeJob))
        StandardOutput.line(
            "submitted merge job \(mergeJob): " + (arrayJob.map { "starts when job \($0) ends (afterany), " } ?? "")
                + "merges into \(scripts.outputDirectory.path)")
        StandardOutput.line("logs: \(scripts.logsDirectory.path); follow with: squeue -j \([arrayJob, mergeJob].compactMap { $0 }.joined(separator: ","))")
        StandardOutput.line("jobs: array=\(arrayJob ?? "none") merge=\(mergeJob)")
    }

    /// Fails when jobs recorded in `jobs.log` are still queued or running;
    /// says so when squeue cannot tell.
    private func refuseActiveJobs(_ scripts: SlurmJobScripts) throws {
        let recorded = scripts.recordedJobIDs
        guard !recorded.isEmpty else { return }
        guard let active = SlurmTools.activeJobs(among: recorded) else {
            StandardOutput.line(
                "note: squeue did not answer, so jobs submitted earlier (\(recorded.joined(separator: ", "))) were not checked")
            return
        }
        guard active.isEmpty else {
            Self.fail(
                "job(s) \(active.joined(separator: ", ")) of this sweep are still queued or running (squeue -j \(active.joined(separator: ","))); wait for them to end, or scancel them, then run this command again")
            throw ExitCode.failure
        }
    }

    /// Prints the sbatch commands a user runs to submit by hand.
    private func printCommands(
        _ arrayArguments: [String]?, mergeNeeded: Bool, scripts: SlurmJobScripts, to stream: StandardStream = .standardOutput
    ) {
        var lines = ["submit with:"]
        if let arrayArguments {
            lines.append("  array_job=$(sbatch --parsable \(ShellWord.commandLine(arrayArguments)))")
            lines.append("  sbatch --dependency=afterany:$array_job \(ShellWord.quoted(scripts.mergeScriptFile.path))")
        } else if mergeNeeded {
            lines.append("  sbatch \(ShellWord.commandLine(scripts.mergeSubmission(after: nil)))")
        }
        for line in lines {
            switch stream {
            case .standardOutput: StandardOutput.line(line)
            case .standardError: FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }

    private enum StandardStream { case standardOutput, standardError }

    /// The sweep and the Slurm options, checked; the results folder's state read.
    private func makePlan() throws -> Plan {
        WorkloadRegistry.shared.registerTestWorkloadsIfRequested()
        let file = try sweep.sweepFile()
        var configuration = try sweep.configuration(file: file)
        if let shard = configuration.shard {
            throw ValidationError(
                "\(sweep.shard != nil ? "--shard" : "the sweep file's shard:") \(shard) cannot be used with slurm: the sweep is split into --array-size N shards and array task K runs shard K/N")
        }
        if let threads = sweep.threads, let cpusPerTask, threads != cpusPerTask {
            throw ValidationError(
                "--threads \(threads) and --cpus-per-task \(cpusPerTask) disagree: each array task runs as many cells at once as it has CPUs; give one of them")
        }
        configuration.threads = cpusPerTask ?? sweep.threads ?? file?.threads ?? 1
        configuration.outputDirectory = URL(fileURLWithPath: configuration.outputDirectory).standardizedFileURL.path
        let runner = try SweepOptions.runner(for: configuration)

        let cells = runner.grid.count
        guard (1...max(cells, 1)).contains(arraySize) else {
            throw ValidationError("invalid --array-size \(arraySize); accepted: 1...\(cells) (the sweep has \(cells) cells)")
        }
        let out = configuration.outputURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("\(out.path) exists and is not a folder")
        }
        let options = SlurmJobOptions(
            jobName: jobName ?? Self.defaultJobName(out), partition: partition, time: time,
            cpusPerTask: configuration.threads, memory: memory, account: account, maxRunningTasks: maxRunning,
            extraOptions: sbatchOptions)
        try SweepCLIErrors.asValidation { try options.validate() }
        let scripts = try SweepCLIErrors.asValidation {
            try SlurmJobScripts(
                executable: try resolvedExecutable(), outputDirectory: out, shardCount: arraySize, options: options,
                plot: configuration.plot)
        }
        let state = sweep.force ? nil : try SweepCLIErrors.asValidation {
            try ShardedSweepState(
                grid: runner.grid, shardCount: arraySize, shardDirectory: scripts.shardDirectory,
                mergedDirectory: scripts.outputDirectory)
        }
        return Plan(runner: runner, scripts: scripts, state: state)
    }

    /// `--executable` made absolute and checked, or this executable.
    private func resolvedExecutable() throws -> String {
        guard let executable else {
            guard let current = Self.currentExecutable else {
                throw ValidationError("cannot tell where this executable is; give --executable PATH")
            }
            return current
        }
        let path = URL(fileURLWithPath: executable).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isExecutableFile(atPath: path)
        else {
            throw ValidationError("--executable \(executable) is not an executable file; accepted: the path of a precision-sweep executable")
        }
        return path
    }

    /// The absolute path of the running executable.
    static let currentExecutable: String? = {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }()

    /// `roundoff-<last folder of out>`, with blanks as dashes so that the
    /// name reads as one word in squeue.
    private static func defaultJobName(_ out: URL) -> String {
        "roundoff-" + String(out.lastPathComponent.map { $0.isWhitespace ? "-" : $0 })
    }

    /// A `jobs.log` line.
    private static func submissionRecord(_ array: String?, tasks: [Int], merge: String?) -> String {
        let time = ISO8601DateFormatter().string(from: Date())
        let taskText = array == nil || tasks.isEmpty ? "" : " tasks=\(SlurmArraySpec(indices: tasks))"
        return "\(time) array=\(array ?? "none")\(taskText) merge=\(merge ?? "none")"
    }

    /// Prints `Error: message` on standard error.
    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    }
}
