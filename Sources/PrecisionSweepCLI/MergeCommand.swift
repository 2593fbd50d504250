import ArgumentParser
import Foundation
import RoundoffWorkloads

/// `precision-sweep merge`: combines the results folders of one sweep (its
/// shards, or runs on several machines) into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine results folders of one sweep (e.g. its shards) into one.",
        discussion: """
            Copies the finished cells of every folder into --out and writes its results.csv and \
            run.json. The folders must come from the same sweep: equal workloads, parameter values, \
            formats, modes and seed count; only --shard (and threads, output folder) may differ. \
            The merged results.csv is exactly what the unsharded sweep writes. A cell finished in \
            several folders is taken from the first one given.

            If cells are missing (a shard did not finish), the merged folder is still written and \
            'precision-sweep run' with the unsharded configuration and --out the merged folder \
            computes the rest.

            Example (a Slurm job array of 4 shards, then a merge):
              $ precision-sweep run --config study.yaml \\
                  --shard $SLURM_ARRAY_TASK_ID/4 --out results/part$SLURM_ARRAY_TASK_ID
              $ precision-sweep merge results/part1 results/part2 results/part3 \\
                  results/part4 --out results/study
            """
    )

    @Argument(help: ArgumentHelp("Results folders to merge, each with a run.json.", valueName: "dir"))
    var folders: [String] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("The merged results folder.", valueName: "dir"))
    var out: String

    @Flag(help: "Discard a different run already in the --out folder.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Render plots into the --out folder's plots/ when done.")
    var plot = true

    mutating func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("give at least one results folder to merge") }
        for folder in folders {
            let manifest = URL(fileURLWithPath: folder).appendingPathComponent("run.json")
            guard FileManager.default.fileExists(atPath: manifest.path) else {
                throw ValidationError("\(folder) is not a results folder: it has no run.json")
            }
        }
    }

    mutating func run() throws {
        let destination = URL(fileURLWithPath: out)
        let summary = try SweepCLIErrors.asValidation {
            try SweepMerger.merge(folders.map { URL(fileURLWithPath: $0) }, into: destination, force: force) {
                FileHandle.standardError.write(Data("\($0)\n".utf8))
            }
        }
        StandardOutput.line("merged \(folders.count) folder(s): \(summary.done)/\(summary.total) cells (\(summary.copied) copied now, \(summary.failed) failed)")
        StandardOutput.line("results: \(summary.resultsFile.path)")
        if plot { try SweepPlots.render(destination) }
    }
}
