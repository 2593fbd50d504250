import ArgumentParser
import Foundation
import Roundoff

/// `precision-sweep formats`: the parameters of the preset formats (and of
/// any formats given with `--format`).
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the preset formats and their parameters.",
        discussion: """
            One row per preset format: its name and aliases, precision p (significand bits \
            including the implicit bit), emin and emax, the smallest normal value xmin = 2^emin, \
            the smallest subnormal 2^(emin-p+1), the largest finite value xmax, the unit roundoff \
            u = 2^-p, whether the encoding has infinities and NaN, and the default overflow \
            policy. Every value is exact (powers of two are written 2^k; an xmax that needs more \
            than 17 decimal digits is marked ~ and given exactly in hex).

            Add rows for other formats with --format, for example a custom format or a preset \
            with changed options. A custom format is \(FloatFormat.customSyntax); options after \
            ':' or '-' are \(FloatFormat.acceptedOptions).

            Examples:
              $ precision-sweep formats
              $ precision-sweep formats --csv
              $ precision-sweep formats --format custom:p=5,emax=7 --format fp16-nosub
            """
    )

    @Flag(help: "Print CSV (a header line, then one line per format; every value in shortest round-trip decimal and in hex) instead of the aligned table.")
    var csv = false

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Also show this format (repeatable). Accepted: \(FloatFormat.acceptedSpecs).",
            valueName: "format"))
    var formatSpecs: [String] = []

    mutating func validate() throws {
        _ = try extraFormats()
    }

    mutating func run() throws {
        let table = FormatTable(presets: FloatFormat.presets, extra: try extraFormats())
        FileHandle.standardOutput.write(Data((csv ? table.csv : table.text).utf8))
    }

    /// The formats named by `--format`, in order.
    private func extraFormats() throws -> [FloatFormat] {
        try formatSpecs.map { spec in
            do { return try FloatFormat(spec: spec) } catch let error as FormatSpecError {
                throw ValidationError(error.description)
            }
        }
    }
}
