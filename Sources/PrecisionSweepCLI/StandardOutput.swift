import Foundation

/// Status lines of the long-running commands (`run`, `merge`).
///
/// Standard output is block-buffered when it is a file or pipe, while progress
/// and errors go unbuffered to standard error; a batch job's log that captures
/// both (`2>&1`) would then show the plan after the progress. Flushing each
/// line keeps the log in the order things happened.
enum StandardOutput {
    /// Prints `text` and a newline, and flushes.
    static func line(_ text: String) {
        print(text)
        fflush(nil)  // all output streams; naming `stdout` is not concurrency-safe in Swift 6
    }
}
