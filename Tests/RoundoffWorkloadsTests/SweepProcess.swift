import Foundation
import Testing

/// Runs the built `precision-sweep` executable, so the sweep commands are
/// tested as a user (or a batch job) runs them: exit status, output, files,
/// signals. The test-only workload `test-delay` is switched on through
/// `ROUNDOFF_TEST_WORKLOADS=1`.
enum SweepProcess {
    /// What one finished run produced.
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `$PRECISION_SWEEP_BIN`, or the `precision-sweep` in the build products
    /// folder that holds this test binary (SwiftPM builds every product
    /// before testing).
    static let executable: URL? = {
        if let path = ProcessInfo.processInfo.environment["PRECISION_SWEEP_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()]
        if let url = Bundle.main.executableURL { starts.append(url.resolvingSymlinksInPath()) }
        for start in starts {
            // Linux: the test binary sits in the products folder; macOS: three
            // levels down inside the .xctest bundle.
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("precision-sweep")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// A process started but not waited for; its output goes to files in `scratch`.
    final class Running {
        let process: Process
        let stdout: URL
        let stderr: URL

        init(process: Process, stdout: URL, stderr: URL) {
            self.process = process
            self.stdout = stdout
            self.stderr = stderr
        }

        /// Waits for the end and collects the output.
        func wait() throws -> Output {
            process.waitUntilExit()
            return Output(
                status: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self))
        }
    }

    /// Starts `precision-sweep arguments…` in `directory` with the test
    /// workloads on. Output goes through files, not pipes, so that a chatty
    /// process can never block on an unread pipe.
    static func start(_ arguments: [String], in directory: URL, testWorkloads: Bool = true) throws -> Running {
        let executable = try #require(
            executable, "precision-sweep not found next to the test binary; build it or set PRECISION_SWEEP_BIN")
        let id = UUID().uuidString
        let stdout = directory.appendingPathComponent(".stdout-\(id)")
        let stderr = directory.appendingPathComponent(".stderr-\(id)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["ROUNDOFF_TEST_WORKLOADS"] = testWorkloads ? "1" : nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return Running(process: process, stdout: stdout, stderr: stderr)
    }

    /// Runs `precision-sweep arguments…` in `directory` to the end.
    static func run(_ arguments: [String], in directory: URL, testWorkloads: Bool = true) throws -> Output {
        try start(arguments, in: directory, testWorkloads: testWorkloads).wait()
    }
}
