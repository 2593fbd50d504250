import Foundation
import RoundoffWorkloads

/// Runs the Slurm client commands (`sbatch`, `squeue`) that
/// `precision-sweep slurm --submit` needs, found on `PATH`.
enum SlurmTools {
    /// What one run of a tool printed, and its exit status.
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable `name` in a folder of `$PATH`, or nil.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Runs `tool arguments…` to the end. Output goes through temporary
    /// files rather than pipes, so that a long message can never block the tool.
    static func run(_ tool: URL, _ arguments: [String]) throws -> Output {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("precision-sweep-slurm-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer { try? stdout.close(); try? stderr.close() }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Submits with `sbatch --parsable arguments…` and returns the job id.
    /// - Throws: ``SubmissionError`` with sbatch's message when it fails or
    ///   prints no job id.
    static func submit(_ sbatch: URL, _ arguments: [String]) throws -> String {
        let output = try run(sbatch, ["--parsable"] + arguments)
        // --parsable prints "ID" or "ID;CLUSTER".
        let id = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard output.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let message = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw SubmissionError(
                "sbatch \(ShellWord.commandLine(arguments)) failed (exit status \(output.status))\(message.isEmpty ? "" : ": \(message)")")
        }
        return id
    }

    /// Which of `ids` are jobs (or array jobs) of this user still in the
    /// queue, pending or running; nil when squeue is missing or fails.
    static func activeJobs(among ids: [String]) -> [String]? {
        guard !ids.isEmpty else { return [] }
        guard let squeue = find("squeue"), let output = try? run(squeue, ["--noheader", "--me", "--format=%F"]),
              output.status == 0
        else { return nil }
        // %F is the array's job id for array tasks and the job id otherwise.
        let queued = Set(output.stdout.split(whereSeparator: \.isWhitespace).map(String.init))
        return ids.filter(queued.contains)
    }

    /// A failed submission; the message says what sbatch said.
    struct SubmissionError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
