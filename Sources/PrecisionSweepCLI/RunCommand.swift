import ArgumentParser
import Foundation
import Roundoff
import RoundoffWorkloads

/// `precision-sweep run`: runs workloads over formats, rounding modes and
/// seeds, in parallel and resumably, and writes tidy results (and plots).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep of workloads x formats x rounding modes x seeds, in parallel and resumable.",
        discussion: """
            With no options it runs the default study: workloads harmonic, euler-decay and lorenz63; \
            formats fp64, fp32, bf16, fp16 and fp8-e4m3; modes rne and sr with 3 seeds; into \
            results/default. 'precision-sweep workloads' lists the workloads and their parameters.

            Each cell is one workload run in one format, mode and seed. Stochastic modes run seeds \
            1...N (--seeds N); deterministic modes run once, with seed 0. A cell's random bits come \
            from its seed alone, so the results do not depend on --threads or on the order cells run. \
            Every name and parameter is checked before any work starts.

            The output folder holds:
              results.csv  one row per metric value, cells in the order workloads,
                           formats, modes, seeds; the header is
                           workload,format,mode,seed,metric,value,x,params
                           (x is empty for scalar metrics)
              run.json     configuration, Roundoff version, machine, times, counts
              cells/       one file per finished cell (the journal)
              plots/       gnuplot scripts, and images when gnuplot is installed
            A cell whose workload throws an error is not fatal: it gets one row with \
            metric cell_error and value nan, and the message goes to run.json and the log. \
            A diverged run (NaN, inf) is data: its values are written as nan, inf, -inf.

            Interrupted (Ctrl-C, kill, a lost job)? Run the same command again: finished cells are \
            kept and skipped. A folder that holds a run with a different configuration is refused; \
            use --force to discard it, or another --out.

            Parameters: --param key=value sets key for every selected workload that declares it; \
            --param workload.key=value sets it for one workload only (and wins). A key that no \
            selected workload declares is an error that lists the accepted keys.

            A sweep file (--config FILE) is YAML with the same settings as keys; keys left out keep \
            the default study's value, and options on the command line override the file:

              workloads: [harmonic, euler-decay]
              formats: [fp32, bf16, fp16, "custom:p=5,emax=7"]
              modes: [rne, sr]
              seeds: 5
              out: results/my-study       # relative to the current directory
              threads: 2
              shard: 1/4
              plot: false
              params:
                n: 4096                   # every selected workload declaring n
                harmonic.n: 1048576       # harmonic only (wins over n)
                euler-decay:              # euler-decay only
                  steps: [10, 100, 1000]  # a list is passed as 10,100,1000

            A list (workloads, formats, modes) may also be one comma-separated string. Unknown \
            keys are errors. See Notebooks/example-sweep.yaml.

            Shards: --shard K/N (K is 1-based, e.g. a Slurm array index) runs the cells whose \
            canonical index i (from 0) has i % N == K-1. The N shards are disjoint and cover the \
            grid; 'precision-sweep merge' combines their folders into the results of the whole sweep. \
            'precision-sweep slurm' takes the same options and runs the shards as a Slurm job array.

            Progress: on a terminal a one-line bar (cells done/total, elapsed, ETA); otherwise a \
            line on standard error every few seconds. Exit status: 0 when the sweep finished (even \
            with some failed cells, which are reported), 1 when every cell failed (e.g. a \
            parameter value out of range) or for other errors, 64 for a bad option, \
            130/143 when interrupted by SIGINT/SIGTERM.

            Examples:
              $ precision-sweep run
              $ precision-sweep run --workloads harmonic --formats bf16,fp16 \\
                  --seeds 10 --param n=1000000 --out results/harmonic
              $ precision-sweep run --config Notebooks/example-sweep.yaml --threads 8
              $ precision-sweep run --config study.yaml \\
                  --shard $SLURM_ARRAY_TASK_ID/16 --out results/s$SLURM_ARRAY_TASK_ID
            """
    )

    @OptionGroup var sweep: SweepOptions

    mutating func validate() throws {
        WorkloadRegistry.shared.registerTestWorkloadsIfRequested()
        let runner = try makeRunner()
        _ = try SweepCLIErrors.asValidation { try runner.checkOutputDirectory(force: sweep.force) }
    }

    mutating func run() throws {
        WorkloadRegistry.shared.registerTestWorkloadsIfRequested()
        let runner = try makeRunner()
        let configuration = runner.configuration
        let grid = runner.grid
        let seedText = grid.modes.contains(where: \.isStochastic) ? " (\(grid.seeds) seed(s) per stochastic mode)" : ""
        var plan = "sweep: \(grid.workloads.count) workload(s) x \(grid.formats.count) format(s) x \(grid.modes.count) mode(s)\(seedText) = \(grid.count) cells"
        if let shard = configuration.shard { plan += "; shard \(shard): \(runner.cells.count) cells" }
        plan += "; \(configuration.threads) thread(s) -> \(runner.journal.directory.path)"
        StandardOutput.line(plan)
        if sweep.dryRun {
            StandardOutput.line("dry run: nothing was run or written")
            return
        }

        let summary = try runner.run(force: sweep.force, progress: SweepProgress.automatic(), handleSignals: true)
        StandardOutput.line(
            "done: \(summary.done)/\(summary.total) cells (\(summary.resumed) resumed, \(summary.failed) failed) in \(String(format: "%.1f", summary.seconds)) s")
        StandardOutput.line("results: \(summary.resultsFile.path)")
        // Every cell failing is bad input (a parameter value no cell accepts),
        // not a finding: say so and fail, after the journal and results are written.
        if summary.failed > 0 && summary.failed == summary.done - summary.resumed && summary.resumed == 0 {
            FileHandle.standardError.write(Data("Error: every cell failed (the first errors are above); nothing was measured\n".utf8))
            throw ExitCode.failure
        }
        if configuration.plot {
            if configuration.shard != nil {
                StandardOutput.line("plots: skipped for a shard; 'precision-sweep merge' plots the merged results")
            } else {
                try SweepPlots.render(runner.journal.directory)
            }
        }
    }

    /// The configuration (defaults, then the sweep file, then the options)
    /// checked against the registry.
    private func makeRunner() throws -> SweepRunner {
        try SweepOptions.runner(for: try sweep.configuration(file: try sweep.sweepFile()))
    }
}
