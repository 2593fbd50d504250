import Foundation
import RoundoffWorkloads

/// The last step of `run` and `merge`: hands the results folder to
/// ``PlotRenderer`` and prints what it reports. Missing gnuplot is the
/// renderer's to report; the data stays either way.
enum SweepPlots {
    /// Renders the plots of the results folder `directory`.
    /// - Throws: the renderer's error, saying that the results are kept.
    static func render(_ directory: URL) throws {
        do {
            _ = try PlotRenderer.render(resultsDirectory: directory) { StandardOutput.line("plots: \($0)") }
        } catch {
            throw PlotFailure(message: "plotting failed (the results in \(directory.path) are kept): \(error)")
        }
    }

    /// A rendering error, reported after the results were written.
    struct PlotFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
