/// The task list of `sbatch --array`: the indices in increasing order, runs of
/// consecutive indices written as ranges (`1-3,5,7-9`), and `%M` appended
/// when at most `M` tasks may run at once.
///
/// `precision-sweep slurm` submits all shards as `1-N` and, when a sweep is
/// submitted again, only the unfinished ones (for example `2,5`).
public struct SlurmArraySpec: Hashable, Sendable, CustomStringConvertible {
    /// The task indices, increasing and distinct.
    public let indices: [Int]
    /// At most this many tasks run at once; nil for no limit.
    public let maxRunning: Int?

    /// The list of `indices` (any order; repeats are dropped).
    /// - Precondition: `indices` is not empty, every index is at least 0 and
    ///   `maxRunning`, when given, is at least 1.
    public init(indices: some Sequence<Int>, maxRunning: Int? = nil) {
        let sorted = Array(Set(indices)).sorted()
        precondition(!sorted.isEmpty, "a job array needs at least one task")
        precondition(sorted[0] >= 0, "array task indices are non-negative")
        precondition(maxRunning.map { $0 >= 1 } ?? true, "the running-task limit is at least 1")
        self.indices = sorted
        self.maxRunning = maxRunning
    }

    /// The `--array` value, e.g. `1-3,5%2`.
    public var description: String {
        var parts: [String] = []
        var start = indices[0]
        var end = start
        for index in indices.dropFirst() {
            if index == end + 1 {
                end = index
            } else {
                parts.append(start == end ? "\(start)" : "\(start)-\(end)")
                start = index
                end = index
            }
        }
        parts.append(start == end ? "\(start)" : "\(start)-\(end)")
        return parts.joined(separator: ",") + (maxRunning.map { "%\($0)" } ?? "")
    }
}
