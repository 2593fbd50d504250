import ArgumentParser
import Roundoff

/// The `precision-sweep` command. It lives in a library so that a package
/// with workloads of its own can register them in ``WorkloadRegistry/shared``
/// and then call `PrecisionSweep.main()` from its own executable.
public struct PrecisionSweep: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "precision-sweep",
        abstract: "Round, compute and sweep numerical studies in any binary floating-point format.",
        subcommands: [
            // Sweeps first (the main job), then the single-number tools.
            RunCommand.self, PlotCommand.self, MergeCommand.self, NotebookCommand.self, SlurmCommand.self,
            WorkloadsCommand.self,
            FormatsCommand.self, RoundCommand.self, CalcCommand.self, BenchCommand.self,
        ]
    )
}
