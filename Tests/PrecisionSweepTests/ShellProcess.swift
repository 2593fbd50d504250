import Foundation

/// Runs a program (precision-sweep, bash scripts, the Slurm commands) with
/// extra environment variables, its streams going through temporary files
/// rather than pipes: a large output can never deadlock against an unread
/// pipe, and a daemon started by the program and still holding its output
/// open cannot block the test.
enum ShellProcess {
    /// Runs `executable arguments…` to the end, with `stdin` as its standard
    /// input (nil: none) and `environment` set over the test's own (a nil
    /// value unsets the variable).
    static func run(
        _ executable: String, _ arguments: [String] = [], stdin: String? = nil,
        environment: [String: String?] = [:]
    ) throws -> ProcessOutput {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("precision-sweep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        let inURL = directory.appendingPathComponent("stdin")
        try Data((stdin ?? "").utf8).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? input.close(); try? output.close(); try? error.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
