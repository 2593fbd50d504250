import ArgumentParser
import Roundoff

@main
struct PrecisionSweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precision-sweep",
        abstract: "Round, compute and sweep numerical studies in any binary floating-point format.",
        subcommands: [FormatsCommand.self, RoundCommand.self, CalcCommand.self, BenchCommand.self]
    )
}
