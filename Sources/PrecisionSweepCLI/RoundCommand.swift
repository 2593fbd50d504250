import ArgumentParser
import Roundoff

/// `precision-sweep round`: rounds numbers read one per line into a format.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Round numbers, one per line, into a format with a rounding mode.",
        discussion: """
            Reads one number per line from standard input (or --input FILE): a decimal (0.1, \
            -1e-8), a hex float (0x1.8p+3), inf, -inf or nan. Blank lines and lines starting \
            with # are skipped. For each number it prints the rounded value as an exact hex \
            float, a space, and the shortest decimal that reads back as the same binary64 value.

            A decimal is first converted to the nearest binary64 value and that value is \
            rounded once into the format; use hex floats for inputs that are not binary64 values.

            Stochastic modes take the random bits of line N (counting every line from 1) from \
            position N-1 of the stream of --seed, so each line's result is reproducible and \
            independent of the other lines. Deterministic modes ignore --seed.

            Nothing is printed unless the whole input parses. Exit status: 0 on success, \
            64 for a bad option (such as an unknown --format or --mode), 65 when a line is not \
            a number (the message names the line and the token), 66 when the input cannot be read.

            Example:
              $ printf '0.1\\n70000\\n0x1.8p+3\\n' |
                  precision-sweep round --format fp16 --mode rne
              0x1.998p-4 0.0999755859375
              inf inf
              0x1.8p+3 12.0
            """
    )

    @OptionGroup var rounding: ScalarRoundingOptions
    @OptionGroup var input: LineInputOptions

    mutating func run() throws {
        let kernel = RoundingKernel(format: try rounding.format, mode: try rounding.mode)
        let stream = StochasticStream(seed: rounding.seed)
        try BufferedOutput.run {
            var output = ""
            for line in try input.readLines() {
                guard line.tokens.count == 1 else {
                    throw InputError.badLine(line.number, token: line.tokens[1], "is unexpected: give one number per line")
                }
                guard let x = NumberText.parse(line.tokens[0]) else {
                    throw InputError.badLine(line.number, token: line.tokens[0], "is not a number (decimal, hex float, inf or nan)")
                }
                let random = kernel.needsRandomBits ? stream.bits(at: line.index) : 0
                output += NumberText.hexAndDecimal(kernel.round(x, random: random)) + "\n"
            }
            return output
        }
    }
}
