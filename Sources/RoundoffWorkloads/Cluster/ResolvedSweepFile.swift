import Foundation

/// A sweep file (the YAML that `precision-sweep run --config FILE` reads) that
/// pins a checked grid down completely: the canonical workload, format and
/// mode names, the seed count, and *every* parameter value of every workload,
/// defaults included, as that workload's own values.
///
/// `precision-sweep slurm` writes one to `OUT/slurm/sweep.yaml` and every
/// array task runs it, so that all tasks compute the same grid whatever
/// their working directory, the user's sweep file after submission, or
/// options that were given on the command line. Running it with `--shard`
/// and `--out` of a shard (as the tasks do) resumes that shard; running it
/// alone computes the whole sweep into ``outputDirectory``.
///
/// Every string is written as a YAML double-quoted scalar with JSON escapes
/// (which YAML reads back unchanged), so commas in custom format specs,
/// colons and quotes need no further care.
public struct ResolvedSweepFile: Sendable {
    /// The grid to pin down.
    public let grid: SweepGrid
    /// The `out:` value, the merged results folder.
    public let outputDirectory: String
    /// The `plot:` value.
    public let plot: Bool

    /// The file for `grid`.
    public init(grid: SweepGrid, outputDirectory: String, plot: Bool) {
        self.grid = grid
        self.outputDirectory = outputDirectory
        self.plot = plot
    }

    /// The YAML text.
    public var text: String {
        var lines = [
            "# The resolved sweep that every task of the Slurm job array runs: canonical",
            "# names and every parameter value (defaults included). Written by",
            "# 'precision-sweep slurm'; running that command again rewrites it.",
            "workloads: \(Self.list(grid.workloads.map(\.name)))",
            "formats: \(Self.list(grid.formats.map(\.spec)))",
            "modes: \(Self.list(grid.modes.map(\.spec)))",
            "seeds: \(grid.seeds)",
            "out: \(Self.quoted(outputDirectory))",
            "plot: \(plot)",
        ]
        let withParameters = grid.workloads.filter { !$0.parameters.isEmpty }
        if !withParameters.isEmpty {
            lines.append("params:")
            for workload in withParameters {
                lines.append("  \(Self.quoted(workload.name)):")
                for key in workload.parameters.keys.sorted() {
                    lines.append("    \(Self.quoted(key)): \(Self.quoted(workload.parameters[key]!))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A flow sequence of quoted strings.
    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// `text` as a double-quoted scalar: JSON's string escapes are a subset
    /// of YAML's double-quoted ones.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding a String cannot fail.
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
