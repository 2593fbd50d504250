import ArgumentParser
import Foundation

/// One data line of a line-oriented input: its 1-based line number in the
/// file (for error messages and for stochastic-stream positions) and its
/// whitespace-separated tokens.
struct InputLine {
    /// 1-based line number, counting blank and comment lines too.
    let number: Int
    /// The non-empty, whitespace-separated tokens of the line.
    let tokens: [Substring]

    /// 0-based index of the line in the input: the stochastic-stream position
    /// of the line, so a line's random bits do not depend on the lines before it.
    var index: UInt64 { UInt64(number - 1) }
}

/// `--input FILE`: where `round` and `calc` read their lines from (stdin by
/// default), and the rule for which lines are data.
struct LineInputOptions: ParsableArguments {
    @Option(
        name: .customLong("input"),
        help: ArgumentHelp(
            "Read the lines from this file instead of standard input ('-' also means standard input).",
            valueName: "file"))
    var path: String?

    mutating func validate() throws {
        // Fail on a missing file before anything is computed, like a bad option.
        if let path, path != "-", !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read --input file '\(path)': no such readable file")
        }
    }

    /// All data lines of the input: blank lines and lines whose first
    /// non-blank character is `#` are skipped (their numbers still count).
    /// Lines may end in `\n` or `\r\n`.
    func readLines() throws -> [InputLine] {
        let data: Data
        let name: String
        if let path, path != "-" {
            name = "'\(path)'"
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw InputError.unreadable(name, "\(error.localizedDescription)")
            }
        } else {
            name = "standard input"
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError.unreadable(name, "it is not UTF-8 text")
        }
        var lines: [InputLine] = []
        // `isNewline` also splits "\r\n", which Swift treats as one Character.
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, raw) in rawLines.enumerated() {
            let tokens = raw.split(whereSeparator: \.isWhitespace)
            guard let first = tokens.first, !first.hasPrefix("#") else { continue }
            lines.append(InputLine(number: offset + 1, tokens: tokens))
        }
        return lines
    }
}
