import ArgumentParser
import Foundation
import RoundoffWorkloads

/// `precision-sweep plot DIR`: gnuplot scripts, data and images for a sweep's results.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Write gnuplot scripts and data for a sweep's results and render them to PNG and SVG.",
        discussion: """
            Reads DIR/results.csv and writes, for every figure NAME, DIR/plots/NAME.dat (the \
            data drawn, whitespace-separated blocks with a # header) and DIR/plots/NAME.gp (a \
            commented gnuplot script with relative paths), then runs gnuplot on each script, \
            which writes DIR/plots/NAME.png and DIR/plots/NAME.svg. To change a figure, edit \
            its script and run: cd DIR/plots && gnuplot NAME.gp

            Figures follow the data: each scalar metric of each workload vs format, one curve \
            per mode (NAME = WORKLOAD-METRIC-by-format; stochastic modes show the mean over \
            seeds with min-max error bars), and each series metric vs its x, one curve per \
            (format, mode) (NAME = WORKLOAD-METRIC; stochastic modes: mean over seeds), with \
            u and sqrt(n)*u reference lines for harmonic rel_error and matvec backward_error. \
            NaN and infinite values (diverged runs) are left out of the data, and each script's \
            comments say what was left out.

            Without gnuplot on PATH the scripts and data are still written and the command \
            succeeds (install gnuplot-nox to render). Each script may render for at most \
            \(Int(PlotRenderer.timeoutPerScript)) s. Exit status: 0 when every figure rendered \
            (or gnuplot is missing), 1 when gnuplot failed on some scripts (their error output \
            is printed; the other figures are still rendered), 65 when results.csv does not \
            parse, 66 when it cannot be read.

            Example:
              $ precision-sweep plot results/harmonic-2024
            """
    )

    @Argument(help: ArgumentHelp("The sweep's output directory, holding results.csv.", valueName: "dir"))
    var directory: String

    mutating func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let report: PlotRenderer.Report
        do {
            report = try PlotRenderer.render(resultsDirectory: url) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as ResultsTableError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            switch error {
            case .unreadable: throw ExitCode.inputUnreadable
            case .malformed: throw ExitCode.badInputLine
            }
        }
        if !report.failedScripts.isEmpty {
            // Failing here, after every other figure was rendered, lets a
            // pipeline notice without losing the figures that did render.
            FileHandle.standardError.write(Data(
                "Error: gnuplot failed on \(report.failedScripts.count) of \(report.scripts.count) scripts\n".utf8))
            throw ExitCode.failure
        }
    }
}
