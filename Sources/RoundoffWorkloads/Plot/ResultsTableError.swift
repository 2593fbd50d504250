/// Why a sweep's `results.csv` could not be used for plotting.
///
/// The two cases are separate so that a command can tell a missing file
/// (`EX_NOINPUT`) from a file it cannot parse (`EX_DATAERR`).
public enum ResultsTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read (missing, unreadable, or not UTF-8).
    case unreadable(path: String, reason: String)
    /// Line `line` (1-based) of the file is wrong; `reason` says how.
    case malformed(line: Int, reason: String)

    /// A message naming the file or the line, without an `Error:` prefix.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let line, let reason): "results.csv line \(line): \(reason)"
        }
    }
}
