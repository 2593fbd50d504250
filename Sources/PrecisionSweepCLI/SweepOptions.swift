import ArgumentParser
import Foundation
import Roundoff
import RoundoffWorkloads

/// The options that define a sweep and its results folder, shared by
/// `precision-sweep run` and `precision-sweep slurm` so that both take the
/// same arguments by construction: a sweep submitted to a cluster is written
/// exactly as it would be run on one machine.
struct SweepOptions: ParsableArguments {
    @Option(
        name: [.customLong("workloads"), .customLong("workload")],
        help: ArgumentHelp(
            "Workloads, comma-separated or repeated, in the order their rows are written (default: \(SweepConfiguration.defaultStudy.workloads.joined(separator: ","))). 'precision-sweep workloads' lists them.",
            valueName: "w[,w...]"))
    var workloads: [String] = []

    @Option(
        name: [.customLong("formats"), .customLong("format")],
        help: ArgumentHelp(
            "Formats, comma-separated or repeated (default: \(SweepConfiguration.defaultStudy.formats.joined(separator: ","))). Accepted: \(FloatFormat.acceptedSpecs).",
            valueName: "f[,f...]"))
    var formats: [String] = []

    @Option(
        name: [.customLong("modes"), .customLong("mode")],
        help: ArgumentHelp(
            "Rounding modes, comma-separated or repeated (default: \(SweepConfiguration.defaultStudy.modes.joined(separator: ","))). Accepted: \(RoundingMode.acceptedSpecs).",
            valueName: "m[,m...]"))
    var modes: [String] = []

    @Option(help: ArgumentHelp(
        "Seeds per stochastic mode: seeds 1...N (default: \(SweepConfiguration.defaultStudy.seeds)). Deterministic modes run once, with seed 0.",
        valueName: "N"))
    var seeds: Int?

    @Option(name: .customLong("out"), help: ArgumentHelp("Results folder (default: \(SweepConfiguration.defaultStudy.outputDirectory)).", valueName: "dir"))
    var out: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "Set a workload parameter (repeatable): key=value for every selected workload that declares key, workload.key=value for one.",
            valueName: "key=value"))
    var params: [String] = []

    @Option(help: ArgumentHelp(
        "A YAML sweep file (its keys: see 'precision-sweep run --help'); command-line options override it.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp(
        "Cells run at once (default: the active processor count, \(ProcessInfo.processInfo.activeProcessorCount) here).",
        valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp(
        "Run only part K of N (K is 1-based): the cells whose canonical index i has i % N == K-1. Combine the parts with 'precision-sweep merge'.",
        valueName: "K/N"))
    var shard: String?

    @Flag(inversion: .prefixedNo, help: "Render plots into DIR/plots when the sweep ends (default: on; skipped for a shard).")
    var plot: Bool?

    @Flag(name: .customLong("dry-run"), help: "Check the configuration and the output folder, print the plan, and stop without running or writing anything.")
    var dryRun = false

    @Flag(help: "Discard any results already in the output folder and start over (by default a run with the same configuration is resumed and a different one is refused).")
    var force = false

    /// The sweep file of `--config`, parsed; nil without `--config`.
    /// - Throws: `ValidationError` naming the file (and line).
    func sweepFile() throws -> SweepFile? {
        try config.map(SweepFile.load)
    }

    /// The configuration: the default study's values, then `file`'s, then
    /// the options'. Names are not checked here (``SweepRunner`` does).
    /// - Throws: `ValidationError` for a malformed `--shard` or `--param`.
    func configuration(file: SweepFile?) throws -> SweepConfiguration {
        var configuration = SweepConfiguration()
        file?.apply(to: &configuration)
        if !workloads.isEmpty { configuration.workloads = workloads.flatMap(CommaList.split) }
        if !formats.isEmpty { configuration.formats = formats.flatMap(CommaList.splitFormats) }
        if !modes.isEmpty { configuration.modes = modes.flatMap(CommaList.split) }
        if let seeds { configuration.seeds = seeds }
        if let out { configuration.outputDirectory = out }
        if let threads { configuration.threads = threads }
        if let plot { configuration.plot = plot }
        return try SweepCLIErrors.asValidation {
            if let shard { configuration.shard = try SweepShard(spec: shard) }
            if !params.isEmpty {
                configuration.parameters = configuration.parameters.overriding(with: try ParameterOverrides(assignments: params))
            }
            return configuration
        }
    }

    /// `configuration` checked against the registry.
    /// - Throws: `ValidationError` naming the bad value and the accepted ones.
    static func runner(for configuration: SweepConfiguration) throws -> SweepRunner {
        try SweepCLIErrors.asValidation { try SweepRunner(configuration: configuration, registry: .shared) }
    }
}
