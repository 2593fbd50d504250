import ArgumentParser
import Foundation

/// Runs a command body that builds its whole standard output as a string, and
/// writes that output only once the body has finished without error.
///
/// Why: a command that fails on line 1000 must not leave 999 result lines on
/// stdout, where a pipeline would take them for a complete answer. On an
/// ``InputError`` stdout stays empty, the message goes to stderr with the same
/// `Error: ` prefix ArgumentParser uses, and the process exits with the
/// error's status.
enum BufferedOutput {
    static func run(_ body: () throws -> String) throws {
        let output: String
        do {
            output = try body()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            throw error.exitCode
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
