import ArgumentParser

/// Input that a command cannot use: an unreadable file or a line that does
/// not parse. The message names the file, or the 1-based line number and the
/// offending token, so the user can fix it without guessing.
///
/// Bad *options* are not `InputError`s: they are `ValidationError`s thrown
/// from `validate()`, before any input is read (exit status 64).
struct InputError: Error, CustomStringConvertible {
    /// What went wrong, without the "Error: " prefix.
    let message: String
    /// The process exit status for this error.
    let exitCode: ExitCode

    /// Line `number` (1-based) holds `token`, which is wrong because of `reason`.
    static func badLine(_ number: Int, token: some StringProtocol, _ reason: String) -> InputError {
        InputError(message: "line \(number): '\(token)' \(reason)", exitCode: .badInputLine)
    }

    /// Line `number` (1-based) is wrong as a whole (for example, too few tokens).
    static func badLine(_ number: Int, _ reason: String) -> InputError {
        InputError(message: "line \(number): \(reason)", exitCode: .badInputLine)
    }

    /// The input could not be read at all.
    static func unreadable(_ what: String, _ reason: String) -> InputError {
        InputError(message: "cannot read \(what): \(reason)", exitCode: .inputUnreadable)
    }

    var description: String { message }
}

extension ExitCode {
    // sysexits(3) numbers, so scripts can tell a data error from a usage
    // error (ArgumentParser's ValidationError exits with EX_USAGE = 64).

    /// A line of the input does not parse (`EX_DATAERR`).
    static let badInputLine = ExitCode(65)
    /// The input file cannot be opened or is not UTF-8 text (`EX_NOINPUT`).
    static let inputUnreadable = ExitCode(66)
}
