import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader (or a later run, after a crash or `kill -9`)
/// sees either the old content or the new one, never a partial file.
///
/// The data goes to a temporary file in the same folder, which `rename(2)`
/// then moves over the target: a rename within one file system is atomic.
/// Temporary names start with `.` and end with ``temporarySuffix``, so a
/// folder listing can tell them apart and ``removeTemporaries(in:)`` can
/// clear those left by an interrupted run.
enum AtomicFile {
    /// The ending of every temporary file name.
    static let temporarySuffix = ".partial"

    /// Distinguishes temporaries of concurrent writers in one process.
    private static let counter = Counter()

    /// Replaces (or creates) `url` with `data`.
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid())-\(counter.next())\(temporarySuffix)")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SweepError("cannot write \(url.path): \(reason)")
        }
    }

    /// Replaces (or creates) `url` with the UTF-8 `text`.
    static func write(_ text: String, to url: URL) throws { try write(Data(text.utf8), to: url) }

    /// Deletes the temporaries left in `directory` by writers that were killed.
    /// Call it only when no other process writes there.
    static func removeTemporaries(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// A thread-safe increasing number.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock(); defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
