import ArgumentParser
import Roundoff

/// `precision-sweep calc`: one emulated operation per line.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute one correctly rounded operation per line in a format.",
        discussion: """
            Reads lines 'op a b' from standard input (or --input FILE), where op is one of \
            \(CalcOperation.names): 'add a b' is a+b, 'sub a b' a-b, 'mul a b' a*b, 'div a b' a/b, \
            'sqrt a' the square root of a (a second operand is ignored), and 'fma a b c' is a*b+c \
            with a single rounding. Operands are numbers as for 'round' (decimal, hex float, \
            inf, -inf, nan). Blank lines and lines starting with # are skipped.

            Each operand is first rounded into the format with the chosen mode (exactly as \
            'round' would; a value of the format is unchanged), then the exact result of the \
            operation on those values is rounded once into the format. For each line it prints \
            the result as an exact hex float, a space, and its shortest decimal.

            Stochastic modes: line N (counting every line from 1) draws its random bits from \
            stream N-1 of --seed, first one draw per operand, then one for the result, so each \
            line is reproducible on its own. Deterministic modes ignore --seed.

            Nothing is printed unless the whole input parses. Exit status: 0 on success, \
            64 for a bad option, 65 when a line is wrong (the message names the line and the \
            token), 66 when the input cannot be read.

            Example:
              $ printf 'add 1 0x1p-11\\nfma 3 0.5 0.25\\n' |
                  precision-sweep calc --format fp16 --mode ru
              0x1.004p+0 1.0009765625
              0x1.cp+0 1.75
            """
    )

    @OptionGroup var rounding: ScalarRoundingOptions
    @OptionGroup var input: LineInputOptions

    mutating func run() throws {
        let format = try rounding.format
        let mode = try rounding.mode
        let seed = rounding.seed
        try BufferedOutput.run {
            var output = ""
            for line in try input.readLines() {
                let (operation, operands) = try Self.parse(line)
                let result = RoundingContext.with(format: format, mode: mode, seed: seed, stream: line.index) {
                    operation.apply(operands.map { RuntimeEmulated($0) })
                }
                output += NumberText.hexAndDecimal(result.value) + "\n"
            }
            return output
        }
    }

    /// The operation of a line and its operands as binary64 values (not yet
    /// rounded into the format).
    static func parse(_ line: InputLine) throws -> (CalcOperation, [Double]) {
        let name = line.tokens[0]
        guard let operation = CalcOperation(rawValue: name.lowercased()) else {
            throw InputError.badLine(line.number, token: name, "is not an operation; accepted: \(CalcOperation.names)")
        }
        let given = line.tokens.dropFirst()
        guard given.count >= operation.arity else {
            let needed = operation.arity == 1 ? "1 operand" : "\(operation.arity) operands"
            throw InputError.badLine(line.number, "'\(name)' needs \(needed), found \(given.count)")
        }
        guard given.count <= operation.maximumOperands else {
            throw InputError.badLine(
                line.number, token: given[given.startIndex + operation.maximumOperands],
                "is one operand too many for '\(name)'")
        }
        var operands: [Double] = []
        for token in given {
            guard let x = NumberText.parse(token) else {
                throw InputError.badLine(line.number, token: token, "is not a number (decimal, hex float, inf or nan)")
            }
            operands.append(x)
        }
        // sqrt's optional second operand is checked above but not used.
        return (operation, Array(operands.prefix(operation.arity)))
    }
}
