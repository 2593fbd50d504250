import Foundation
@testable import RoundoffWorkloads

/// Fixtures and scratch directories for the plot tests.
enum PlotFixture {
    /// `Fixtures/plot-sweep/results.csv`: a small sweep shaped like the real
    /// workloads' output (harmonic sums simulated with rne and sr, matvec,
    /// euler-decay, lorenz63 with a diverged fp8 run, a quoted custom format).
    static let resultsCSV = Bundle.module.url(forResource: "Fixtures/plot-sweep/results", withExtension: "csv")!

    static func table() throws -> ResultsTable {
        try ResultsTable(contentsOf: resultsCSV)
    }

    /// A fresh directory holding `results.csv` with `contents` (default: the
    /// fixture), removed by the caller with `cleanUp`.
    static func sweepDirectory(contents: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundoff-plot-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("results.csv")
        if let contents {
            try Data(contents.utf8).write(to: target)
        } else {
            try FileManager.default.copyItem(at: resultsCSV, to: target)
        }
        return dir
    }

    static func cleanUp(_ dir: URL) {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The gnuplot on this machine's PATH, if any.
    static let gnuplot = GnuplotRunner.locate(searchPath: ProcessInfo.processInfo.environment["PATH"])

    /// The blocks of a data file written by ``DataFile``: for each block, its
    /// `# index K: NAME` comment and its rows split into fields.
    static func blocks(ofDataFile text: String) -> [(name: String, rows: [[String]])] {
        var blocks: [(name: String, rows: [[String]])] = []
        for chunk in text.components(separatedBy: "\n\n\n") {
            var name: String?
            var rows: [[String]] = []
            for line in chunk.split(separator: "\n") {
                if line.hasPrefix("# index "), let colon = line.firstIndex(of: ":") {
                    name = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                } else if !line.hasPrefix("#") {
                    rows.append(line.split(separator: " ").map(String.init))
                }
            }
            if let name { blocks.append((name, rows)) }
        }
        return blocks
    }
}
