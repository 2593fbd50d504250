import Foundation

/// Everything that defines a sweep, as the user gave it: which workloads,
/// formats, modes and seeds, the parameter overrides, and how to run it
/// (output folder, threads, shard, plots).
///
/// Names are kept as given; ``SweepGrid/init(configuration:registry:)``
/// checks them and derives the canonical grid. The configuration is written
/// to `run.json` whole, and a sweep file (`precision-sweep run --config`)
/// fills one in.
public struct SweepConfiguration: Hashable, Sendable, Codable {
    /// Workload names, in the order their cells are written.
    public var workloads: [String]
    /// Format specs (Roundoff's `FloatFormat(spec:)`), in order.
    public var formats: [String]
    /// Rounding-mode specs (Roundoff's `RoundingMode(spec:)`), in order.
    public var modes: [String]
    /// How many seeds each stochastic mode runs: seeds 1…`seeds`.
    /// Deterministic modes run once, with seed 0.
    public var seeds: Int
    /// Parameter values instead of the workloads' defaults.
    public var parameters: ParameterOverrides
    /// The results folder (relative paths are relative to the current directory).
    public var outputDirectory: String
    /// How many cells run at once.
    public var threads: Int
    /// The part of the grid this run computes; nil for all of it.
    public var shard: SweepShard?
    /// Whether to render plots when the sweep ends.
    public var plot: Bool

    /// A configuration; the defaults are those of ``defaultStudy``.
    public init(
        workloads: [String] = SweepConfiguration.defaultStudy.workloads,
        formats: [String] = SweepConfiguration.defaultStudy.formats,
        modes: [String] = SweepConfiguration.defaultStudy.modes,
        seeds: Int = SweepConfiguration.defaultStudy.seeds,
        parameters: ParameterOverrides = ParameterOverrides(),
        outputDirectory: String = SweepConfiguration.defaultStudy.outputDirectory,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        shard: SweepShard? = nil,
        plot: Bool = true
    ) {
        self.workloads = workloads
        self.formats = formats
        self.modes = modes
        self.seeds = seeds
        self.parameters = parameters
        self.outputDirectory = outputDirectory
        self.threads = threads
        self.shard = shard
        self.plot = plot
    }

    private init(defaultStudyOn threads: Int) {
        workloads = ["harmonic", "euler-decay", "lorenz63"]
        formats = ["fp64", "fp32", "bf16", "fp16", "fp8-e4m3"]
        modes = ["rne", "sr"]
        // Three seeds show the spread of stochastic rounding while keeping the
        // default study a few minutes on two cores (release build).
        seeds = 3
        parameters = ParameterOverrides()
        outputDirectory = "results/default"
        self.threads = threads
        shard = nil
        plot = true
    }

    /// What `precision-sweep run` does with no options: harmonic,
    /// euler-decay and lorenz63 in fp64, fp32, bf16, fp16 and fp8-e4m3 with
    /// rne and sr (3 seeds), on every core, into `results/default`.
    public static let defaultStudy = SweepConfiguration(defaultStudyOn: ProcessInfo.processInfo.activeProcessorCount)

    /// The results folder as a URL.
    public var outputURL: URL { URL(fileURLWithPath: outputDirectory) }
}
