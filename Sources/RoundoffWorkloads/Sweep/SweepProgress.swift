import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells the user how far a sweep is: cells done of total, elapsed time and
/// an estimate of the time left; and prints the sweep's messages (failed
/// cells, resumes) so that they do not tangle with the progress display.
///
/// On a terminal it is one line redrawn in place with `\r`; in a log file or
/// pipe (a batch job) it is plain lines, at most one every few seconds plus
/// the last, because a redrawn line would fill the log with `\r` garbage.
public final class SweepProgress: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock` (the runner calls from
    // its coordinating thread, a signal handler may call `message` from another).

    /// How progress is shown.
    public enum Style: Sendable {
        /// A single line redrawn with `\r` (for a terminal).
        case bar
        /// Plain lines: one every ``lineInterval`` seconds at most, and the last.
        case lines
        /// Messages only, no progress.
        case quiet
    }

    /// The shortest time between two progress lines in ``Style/lines``.
    public static let lineInterval: TimeInterval = 2

    private let style: Style
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var doneAtStart = 0
    private var start = Date()
    private var lastLine: Date?
    private var barLength = 0

    /// Progress in `style`, written through `write` (which gets text with its
    /// own line ends and `\r`s).
    public init(style: Style, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// A bar on standard output when it is a terminal (`isatty(1)`); else
    /// plain lines on standard error, keeping standard output for results.
    public static func automatic() -> SweepProgress {
        if isatty(1) == 1 {
            return SweepProgress(style: .bar) { FileHandle.standardOutput.write(Data($0.utf8)) }
        }
        return SweepProgress(style: .lines) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Starts the clock: `total` cells, of which `done` were finished before.
    func begin(total: Int, done: Int) {
        lock.withLock {
            self.total = total
            self.done = done
            doneAtStart = done
            start = Date()
            lastLine = nil
            if style == .bar { drawBar() }
        }
    }

    /// Counts one more finished cell.
    func cellFinished(_ cell: SweepCell) {
        lock.withLock {
            done += 1
            switch style {
            case .bar:
                drawBar()
            case .lines:
                let now = Date()
                if done == total || lastLine.map({ now.timeIntervalSince($0) >= Self.lineInterval }) ?? true {
                    lastLine = now
                    write("\(status()) — last: \(cell)\n")
                }
            case .quiet:
                break
            }
        }
    }

    /// Redraws the bar so that the elapsed time moves while cells are slow.
    func tick() {
        lock.withLock { if style == .bar { drawBar() } }
    }

    /// Ends the progress display (the bar's line is finished with a newline).
    func end() {
        lock.withLock {
            if style == .bar, barLength > 0 {
                drawBar()
                write("\n")
                barLength = 0
            }
        }
    }

    /// Prints `text` on a line of its own (above the bar, when there is one).
    public func message(_ text: String) {
        lock.withLock {
            if style == .bar, barLength > 0 {
                write("\r" + String(repeating: " ", count: barLength) + "\r" + text + "\n")
                drawBar()
            } else {
                write(text + "\n")
            }
        }
    }

    /// `[###-------]  12/60 cells  0:12 elapsed  ETA 0:48`, over the previous one.
    private func drawBar() {
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]  "
            + status()
        write("\r" + line + String(repeating: " ", count: max(0, barLength - line.count)))
        barLength = line.count
    }

    /// `12/60 cells  0:12 elapsed  ETA 0:48`. The estimate uses only the
    /// cells of this session, since resumed cells took no time now.
    private func status() -> String {
        let elapsed = Date().timeIntervalSince(start)
        var text = "\(done)/\(total) cells  \(Self.duration(elapsed)) elapsed"
        let ranNow = done - doneAtStart
        if done < total {
            text += ranNow > 0 ? "  ETA \(Self.duration(elapsed / Double(ranNow) * Double(total - done)))" : "  ETA --"
        }
        return text
    }

    /// `m:ss`, or `h:mm:ss` from one hour on.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
