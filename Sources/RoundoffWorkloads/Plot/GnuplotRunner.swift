import Foundation

/// Finds `gnuplot` on a search path and runs one script with a time limit.
struct GnuplotRunner {
    /// The gnuplot executable.
    var executable: URL

    /// What one run did.
    struct Outcome {
        /// Exit status 0 within the time limit.
        var succeeded: Bool
        /// gnuplot's standard error: the reason for a failure, or warnings
        /// (e.g. "empty y range") on success.
        var stderr: String
        var timedOut: Bool
    }

    /// The first executable `gnuplot` in `searchPath` (a `PATH`-style,
    /// colon-separated list), or nil. Looked up by hand instead of running
    /// `/usr/bin/env gnuplot` so that a missing gnuplot is a clear answer,
    /// not a failed launch to interpret.
    static func locate(searchPath: String?) -> GnuplotRunner? {
        for directory in (searchPath ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("gnuplot")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return GnuplotRunner(executable: candidate)
            }
        }
        return nil
    }

    /// Runs `gnuplot SCRIPT` inside `directory` (the scripts use paths
    /// relative to it), killing it after `timeout` seconds: a script that
    /// hangs (say, a huge data file) must not hang the whole command.
    func run(script: String, in directory: URL, timeout: Double) -> Outcome {
        // stderr goes to a file, not a pipe: a pipe that fills while we only
        // poll for exit would block gnuplot, and reading it concurrently
        // needs a second thread for no benefit.
        let errorURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundoff-gnuplot-\(UUID().uuidString).stderr")
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil),
              let errorHandle = try? FileHandle(forWritingTo: errorURL) else {
            return Outcome(succeeded: false, stderr: "cannot create a temporary file for gnuplot's output", timedOut: false)
        }
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errorURL)
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = [script]
        process.currentDirectoryURL = directory
        // A script that ends up waiting for input (`pause -1`) must read EOF, not our stdin.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            return Outcome(succeeded: false, stderr: "cannot start \(executable.path): \(error.localizedDescription)", timedOut: false)
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                // SIGTERM can be blocked in a child that inherited a blocked
                // signal mask (as under some test runners): escalate to SIGKILL.
                let grace = Date().addingTimeInterval(1)
                while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.01) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        var message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if timedOut {
            let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            message = "gnuplot did not finish within \(seconds) s and was stopped" + (message.isEmpty ? "" : "\n" + message)
        }
        let succeeded = !timedOut && process.terminationReason == .exit && process.terminationStatus == 0
        return Outcome(succeeded: succeeded, stderr: message, timedOut: timedOut)
    }
}
