import ArgumentParser
import Roundoff

/// `--format`, `--mode` and `--seed`: the rounding that `round` and `calc`
/// apply. Both specs are checked in `validate()`, so a typo fails with the
/// parser's message (which names the bad value and lists the accepted ones)
/// before any input is read.
struct ScalarRoundingOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Target format. Accepted: \(FloatFormat.acceptedSpecs).",
            valueName: "format"))
    var formatSpec: String

    @Option(
        name: .customLong("mode"),
        help: ArgumentHelp(
            "Rounding mode. Accepted: \(RoundingMode.acceptedSpecs). rne/rna/rnz: nearest with ties to even/away/toward zero; ru/rd: toward +inf/-inf; rz: toward zero; ro: to odd; sr: stochastic, up with probability proportional to the distance from the lower neighbour (sr:R uses only R random bits); sr-half: either neighbour with probability 1/2.",
            valueName: "mode"))
    var modeSpec: String

    @Option(help: "Seed of the stochastic modes (a decimal 64-bit unsigned integer); the same seed gives the same output. Deterministic modes ignore it.")
    var seed: UInt64 = 0

    mutating func validate() throws {
        _ = try parsedFormat()
        _ = try parsedMode()
    }

    /// The format named by `--format`.
    var format: FloatFormat {
        get throws { try parsedFormat() }
    }

    /// The mode named by `--mode`.
    var mode: RoundingMode {
        get throws { try parsedMode() }
    }

    private func parsedFormat() throws -> FloatFormat {
        do { return try FloatFormat(spec: formatSpec) } catch let error as FormatSpecError {
            throw ValidationError(error.description)
        }
    }

    private func parsedMode() throws -> RoundingMode {
        do { return try RoundingMode(spec: modeSpec) } catch let error as FormatSpecError {
            throw ValidationError(error.description)
        }
    }
}
