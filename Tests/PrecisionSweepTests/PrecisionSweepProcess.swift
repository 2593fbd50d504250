import Foundation
import Testing

/// What one run of the `precision-sweep` executable produced.
struct ProcessOutput {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output split into lines, without the final empty one.
    var lines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Runs the built `precision-sweep` executable as a subprocess, so the tests
/// see exactly what a user sees: stdout, stderr and the exit status.
enum PrecisionSweepProcess {
    /// The executable: `$PRECISION_SWEEP_BIN` if set, else the
    /// `precision-sweep` in the build products directory that holds this test
    /// binary (SwiftPM builds every product of the package before testing).
    static let executable: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["PRECISION_SWEEP_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()]
        if let url = Bundle.main.executableURL { starts.append(url.resolvingSymlinksInPath()) }
        for start in starts {
            // Linux: the test binary sits in the products directory; macOS: it is
            // three levels down inside PackageTests.xctest/Contents/MacOS.
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("precision-sweep")
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fileManager.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `precision-sweep arguments…` with `stdin` as its standard input,
    /// `environment` set over the test's own environment (a nil value unsets
    /// the variable).
    ///
    /// The three streams go through temporary files (``ShellProcess``).
    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String?] = [:]
    ) throws -> ProcessOutput {
        let executable = try #require(
            executable, "precision-sweep executable not found next to the test binary; build it or set PRECISION_SWEEP_BIN")
        return try ShellProcess.run(executable.path, arguments, stdin: stdin, environment: environment)
    }
}
