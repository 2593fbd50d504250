import Foundation
import Testing
@testable import RoundoffWorkloads

/// Writing scripts and data, and rendering them with (or without) gnuplot.
struct PlotRendererTests {
    /// Every figure the fixture gets.
    static let figureCount = 14

    /// Collects log lines (render's log closure is not escaping, so a local array would do,
    /// but a class keeps the test bodies short).
    final class Log {
        var lines: [String] = []
        var text: String { lines.joined(separator: "\n") }
    }

    @Test func withoutGnuplotScriptsAndDataAreWritten() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        let log = Log()
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: nil, timeout: 60) { log.lines.append($0) }
        #expect(!report.gnuplotFound)
        #expect(report.scripts.count == Self.figureCount)
        #expect(report.images.isEmpty && report.failedScripts.isEmpty)
        let plots = dir.appendingPathComponent("plots")
        let files = try FileManager.default.contentsOfDirectory(atPath: plots.path)
        #expect(files.filter { $0.hasSuffix(".gp") }.count == Self.figureCount)
        #expect(files.filter { $0.hasSuffix(".dat") }.count == Self.figureCount)
        #expect(!files.contains { $0.hasSuffix(".png") || $0.hasSuffix(".svg") })
        #expect(log.text.contains(
            "gnuplot not found: wrote \(Self.figureCount) scripts and data to \(plots.path); install gnuplot-nox to render"))
    }

    @Test func locateSearchesOnlyThePathGiven() {
        #expect(GnuplotRunner.locate(searchPath: "/nonexistent:/also-not-there") == nil)
        #expect(GnuplotRunner.locate(searchPath: nil) == nil)
        #expect(GnuplotRunner.locate(searchPath: "") == nil)
    }

    @Test func scriptsUseOnlyRelativePaths() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: nil, timeout: 60) { _ in }
        for script in report.scripts {
            let text = try String(contentsOf: script, encoding: .utf8)
            let name = script.deletingPathExtension().lastPathComponent
            #expect(!text.contains(dir.path))
            #expect(!text.contains(FileManager.default.temporaryDirectory.path))
            // The only files named: its data, and the two images, beside the script.
            #expect(text.contains("data = '\(name).dat'"))
            #expect(text.contains("set output '\(name).png'"))
            #expect(text.contains("set output '\(name).svg'"))
            let outputs = text.split(separator: "\n").filter { $0.hasPrefix("set output") || $0.hasPrefix("data =") }
            #expect(outputs.count == 3)
            #expect(outputs.allSatisfy { !$0.contains("/") })
            #expect(text.hasPrefix("# \(name).gp: "))
            #expect(text.contains("#   cd DIR/plots && gnuplot \(name).gp"))
        }
    }

    @Test(.enabled(if: PlotFixture.gnuplot != nil, "gnuplot is not installed"))
    func withGnuplotImagesAreRendered() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        let log = Log()
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: PlotFixture.gnuplot, timeout: 60) {
            log.lines.append($0)
        }
        #expect(report.gnuplotFound)
        #expect(report.failedScripts.isEmpty, "\(log.text)")
        #expect(report.images.count == 2 * Self.figureCount)
        for image in report.images {
            let data = try Data(contentsOf: image)
            #expect(!data.isEmpty)
            if image.pathExtension == "png" {
                #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            } else {
                #expect(String(decoding: data, as: UTF8.self).contains("<svg"))
            }
        }
        #expect(log.text.contains("rendered \(Self.figureCount) of \(Self.figureCount) figures"))
    }

    @Test(.enabled(if: PlotFixture.gnuplot != nil, "gnuplot is not installed"))
    func scriptsRerunByHandAfterMovingTheDirectory() throws {
        let dir = try PlotFixture.sweepDirectory()
        let moved = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir); PlotFixture.cleanUp(moved) }
        _ = try PlotRenderer.render(resultsDirectory: dir, gnuplot: nil, timeout: 60) { _ in }
        // As a user would: copy the plots somewhere else, cd there, run gnuplot NAME.gp.
        let plots = moved.appendingPathComponent("plots")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("plots"), to: plots)
        let outcome = try #require(PlotFixture.gnuplot).run(script: "harmonic-rel_error.gp", in: plots, timeout: 60)
        #expect(outcome.succeeded, "\(outcome.stderr)")
        for ext in ["png", "svg"] {
            let size = try FileManager.default.attributesOfItem(atPath: plots.appendingPathComponent("harmonic-rel_error." + ext).path)[.size]
            #expect((size as? NSNumber)?.intValue ?? 0 > 0)
        }
    }

    /// Data that trips gnuplot when passed through naively: no finite value
    /// at all, a single point, a constant, signed values, odd names, a failed cell.
    static let awkwardCSV = #"""
        workload,format,mode,seed,metric,value,x,params
        w,fp16,rne,0,allnan,nan,,
        w,fp16,sr,1,allnan,-inf,,
        w,fp16,rne,0,single,0.5,100.0,
        w,fp16,rne,0,constant,0.04,,
        w,bf16,rne,0,constant,0.04,,
        w,fp16,rne,0,signed,-0.5,1.0,
        w,fp16,rne,0,signed,inf,3.0,
        w,bf16,sr:8,1,signed,-0.1,1.0,
        w,bf16,sr:8,2,signed,0.3,1.0,
        w,fp16,rne,0,seriesnan,nan,1.0,
        w,"odd ""name"", comma",rne,0,metric/with 'quotes',1e300,,
        w,fp16,rne,0,cell_error,nan,,
        """#

    @Test(.enabled(if: PlotFixture.gnuplot != nil, "gnuplot is not installed"))
    func awkwardDataStillRendersCleanly() throws {
        let dir = try PlotFixture.sweepDirectory(contents: Self.awkwardCSV)
        defer { PlotFixture.cleanUp(dir) }
        let log = Log()
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: PlotFixture.gnuplot, timeout: 60) {
            log.lines.append($0)
        }
        #expect(report.scripts.map(\.lastPathComponent) == [
            "w-allnan-by-format.gp", "w-constant-by-format.gp", "w-metric_with__quotes_-by-format.gp",
            "w-single.gp", "w-signed.gp", "w-seriesnan.gp",
        ])
        #expect(report.failedScripts.isEmpty)
        #expect(report.images.count == 2 * report.scripts.count)
        // No "empty range" or "no valid points" warnings either.
        #expect(!log.text.contains("gnuplot warnings"), "\(log.text)")
        #expect(log.text.contains("not plotted: 1 failed cell (metric \(ResultsCSV.failureMetric))"))
    }

    @Test func failingScriptsAreReportedAndTheOthersStillRun() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        let fake = try fakeGnuplot(in: dir, body: "echo \"line 7: boom in $1\" >&2; exit 1")
        let log = Log()
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: fake, timeout: 60) { log.lines.append($0) }
        #expect(report.gnuplotFound)
        #expect(report.failedScripts.count == Self.figureCount)
        #expect(report.images.isEmpty)
        #expect(log.text.contains("gnuplot failed on harmonic-rel_error.gp:\n  line 7: boom in harmonic-rel_error.gp"))
        #expect(log.text.contains("gnuplot failed on lorenz63-distance.gp:"))
        #expect(log.text.contains("rendered 0 of \(Self.figureCount) figures"))
    }

    @Test func aHangingGnuplotIsStopped() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        let fake = try fakeGnuplot(in: dir, body: "exec sleep 30")
        let plots = dir.appendingPathComponent("plots")
        try FileManager.default.createDirectory(at: plots, withIntermediateDirectories: true)
        let start = Date()
        let outcome = fake.run(script: "x.gp", in: plots, timeout: 0.3)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome.timedOut && !outcome.succeeded)
        #expect(outcome.stderr.hasPrefix("gnuplot did not finish within 0.3 s"))
    }

    @Test func emptyResultsWriteNothing() throws {
        let dir = try PlotFixture.sweepDirectory(contents: "workload,format,mode,seed,metric,value,x,params\n")
        defer { PlotFixture.cleanUp(dir) }
        let log = Log()
        let report = try PlotRenderer.render(resultsDirectory: dir, gnuplot: nil, timeout: 60) { log.lines.append($0) }
        #expect(report.scripts.isEmpty)
        #expect(log.text.contains("nothing to plot"))
    }

    @Test func missingResultsThrow() throws {
        let dir = try PlotFixture.sweepDirectory()
        defer { PlotFixture.cleanUp(dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("results.csv"))
        #expect(throws: ResultsTableError.self) {
            try PlotRenderer.render(resultsDirectory: dir) { _ in }
        }
    }

    /// A shell script standing in for gnuplot, so failures can be provoked.
    func fakeGnuplot(in dir: URL, body: String) throws -> GnuplotRunner {
        let url = dir.appendingPathComponent("fake-gnuplot")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return GnuplotRunner(executable: url)
    }
}
