import Foundation

/// The binary64 references of a sweep, computed once per (workload, parameter
/// values) and shared by all cells and threads.
///
/// Each key has its own lock, held while its reference is computed: threads
/// that need the same reference wait for the first one instead of computing
/// it again, while references of other keys are computed in parallel. A
/// reference that throws is cached as that error, so every cell that needs it
/// records the same failure without recomputing.
public final class ReferenceCache: @unchecked Sendable {
    // @unchecked: every mutable state is guarded — `entries` by `lock`, each
    // entry's `result` by the entry's own lock.

    private struct Key: Hashable {
        let workload: String
        let values: ParameterValues
    }

    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<any Sendable, any Error>?
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var computations = 0

    /// An empty cache.
    public init() {}

    /// The reference of `workload` for `values`, computed on first use.
    /// - Throws: whatever the workload's ``AnyWorkload/reference(_:)`` threw.
    public func reference(_ workload: AnyWorkload, _ values: ParameterValues) throws -> any Sendable {
        let entry = lock.withLock {
            let key = Key(workload: workload.name, values: values)
            if let entry = entries[key] { return entry }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let result = entry.result { return try result.get() }
        let result = Result<any Sendable, any Error> { try workload.reference(values) }
        entry.result = result
        lock.withLock { computations += 1 }
        return try result.get()
    }

    /// How many references have been computed (for tests and logs).
    public var computedCount: Int { lock.withLock { computations } }
}
