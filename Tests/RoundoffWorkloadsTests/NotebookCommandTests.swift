import Foundation
import Testing

/// `precision-sweep notebook` as a user runs it: a notebook folder in a
/// scratch directory, the real executable, the harmonic-sum workload.
struct NotebookCommandTests {
    /// The prose of the test notebook around its generated blocks; the
    /// runner must leave every byte of it as it is. It shows the block syntax
    /// inside a code fence (text, not a block), and has no final newline.
    static let prose = [
        "# A notebook\n\nProse *before*, with a table | pipe and ünïcödé.\n\n",
        "\nA paragraph between blocks.\n\n```markdown\n<!-- roundoff:table -->\n<!-- roundoff:nonsense\n```\n\n",
        "\n\n",
        "\nThe end, without a final newline.",
    ]

    /// A notebook whose blocks are the stagnation table, a grid and a figure.
    /// `bodies` are the texts between the blocks' specifications and closing
    /// comments (stale content the runner must replace).
    static func notebook(metric: String = "stagnation_n", figure: String = "harmonic-rel_error", bodies: [String] = ["", "", ""]) -> String {
        let table = """
            <!-- roundoff:table
            rows:
              - quantity: "fp16, round to nearest: n where the sum stops growing"
                published: "513"
                source: "exact: 1/n < half an ulp of 7.0859375"
                value: {workload: harmonic, format: fp16, mode: rne, metric: \(metric), style: integer}
              - quantity: "bf16, round to nearest"
                published: "65"
                source: "exact: 1/n < half an ulp of 5.0625"
                value: {workload: harmonic, format: bf16, mode: rne, metric: \(metric), style: integer}
            -->

            """
        let grid = "<!-- roundoff:grid\nworkload: harmonic\nmetrics: [final_sum]\ndigits: 8\n-->\n"
        let figureBlock = "<!-- roundoff:figure\nname: \(figure)\ncaption: Relative error against n\n-->\n"
        return prose[0] + table + bodies[0] + "<!-- /roundoff:table -->\n" + prose[1]
            + grid + bodies[1] + "<!-- /roundoff:grid -->\n" + prose[2]
            + figureBlock + bodies[2] + "<!-- /roundoff:figure -->\n" + prose[3]
    }

    /// Writes `Notebooks/demo/{demo.md,sweep.yaml}` under `scratch`.
    func writeNotebook(_ scratch: ScratchDirectory, markdown: String, sweep: String? = nil) throws -> URL {
        let folder = scratch.path("Notebooks/demo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("demo.md"))
        let yaml = sweep ?? """
            workloads: [harmonic]
            formats: [fp16, bf16]
            modes: [rne]
            out: results/demo
            threads: 2
            params:
              n: 2048
            quick:
              formats: [fp16]
              params:
                n: 1024
            """
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("sweep.yaml"))
        return folder
    }

    func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func rewritesTheGeneratedBlocksAndNothingElse() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let stale = ["| stale | table |\n", "old grid\n", "![old](figures/old.png)\n"]
        let folder = try writeNotebook(scratch, markdown: Self.notebook(bodies: stale))
        let oldFigure = folder.appendingPathComponent("figures/old.png")
        try FileManager.default.createDirectory(at: oldFigure.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: oldFigure)

        let result = try SweepProcess.run(["notebook", "Notebooks/demo"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let rendered = try text(folder.appendingPathComponent("demo.md"))

        // The prose, in order and byte for byte, with only generated text between.
        var rest = Substring(rendered)
        for piece in Self.prose {
            let range = try #require(rest.range(of: piece), "prose lost or changed: \(piece.debugDescription)")
            rest = rest[range.upperBound...]
        }
        #expect(rest.isEmpty)
        #expect(!rendered.contains("stale") && !rendered.contains("old grid") && !rendered.contains("old.png"))
        // Round to nearest stops the harmonic sum where 1/n falls below half
        // an ulp of the sum: n = 513 in fp16 (sum 7.0859375, ulp 2^-8) and
        // n = 65 in bf16 (sum 5.0625, ulp 2^-5).
        #expect(rendered.contains("| fp16, round to nearest: n where the sum stops growing | 513 | 513 | exact: 1/n < half an ulp of 7.0859375 |"))
        #expect(rendered.contains("| bf16, round to nearest | 65 | 65 |"))
        #expect(rendered.contains("| fp16 | rne | 7.0859375 |"))
        #expect(rendered.contains("| bf16 | rne | 5.0625000 |"))  // 8 significant digits
        #expect(rendered.contains("![Relative error against n](figures/harmonic-rel_error.png)"))
        // The figure is copied beside the notebook; the one no longer named is removed.
        let png = try Data(contentsOf: folder.appendingPathComponent("figures/harmonic-rel_error.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(!FileManager.default.fileExists(atPath: oldFigure.path))

        // A second run resumes the sweep and writes the same notebook.
        let again = try SweepProcess.run(["notebook", "Notebooks/demo/demo.md"], in: scratch.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try text(folder.appendingPathComponent("demo.md")) == rendered)
    }

    @Test func quickRunLeavesTheCommittedNotebookAlone() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let original = Self.notebook()
        let folder = try writeNotebook(scratch, markdown: original)
        let result = try SweepProcess.run(["notebook", "Notebooks", "--quick"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try text(folder.appendingPathComponent("demo.md")) == original)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures").path))
        let rendered = try text(scratch.path("results/demo-quick/demo.md"))
        #expect(rendered.contains("| fp16, round to nearest: n where the sum stops growing | 513 | 513 |"))
        // bf16 is not in the quick grid.
        #expect(rendered.contains("| bf16, round to nearest | 65 | not run |"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("results/demo-quick/figures/harmonic-rel_error.png").path))
        // A quick run draws only the figures the notebook shows, but writes every script.
        let plots = scratch.path("results/demo-quick/plots")
        #expect(FileManager.default.fileExists(atPath: plots.appendingPathComponent("harmonic-final_sum-by-format.gp").path))
        #expect(!FileManager.default.fileExists(atPath: plots.appendingPathComponent("harmonic-final_sum-by-format.png").path))
    }

    /// Every failure leaves the notebook and its figures as they were, exits
    /// nonzero and says what is wrong.
    @Test(arguments: [
        // A cell whose workload throws.
        (sweep: "workloads: [test-delay]\nformats: [fp16, bf16]\nmodes: [rne]\nout: results/demo\nparams:\n  fail: bf16\n",
         metric: "sum", figure: "test-delay-partial_sum", message: "1 of 2 cells failed"),
        // A parameter no workload declares: the sweep cannot start.
        (sweep: "workloads: [harmonic]\nformats: [fp16]\nmodes: [rne]\nout: results/demo\nparams:\n  nn: 5\n",
         metric: "stagnation_n", figure: "harmonic-rel_error", message: "unknown parameter 'nn'"),
        // A metric the results do not have.
        (sweep: "workloads: [harmonic]\nformats: [fp16, bf16]\nmodes: [rne]\nout: results/demo\nparams:\n  n: 1024\n",
         metric: "stagnation", figure: "harmonic-rel_error", message: "has no metric 'stagnation'; its metrics:"),
        // A figure the sweep did not draw.
        (sweep: "workloads: [harmonic]\nformats: [fp16, bf16]\nmodes: [rne]\nout: results/demo\nparams:\n  n: 1024\n",
         metric: "stagnation_n", figure: "harmonic-nothing", message: "the sweep drew no figure 'harmonic-nothing'"),
    ])
    func failsLoudlyAndWritesNothing(sweep: String, metric: String, figure: String, message: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let original = Self.notebook(metric: metric, figure: figure, bodies: ["kept\n", "kept\n", "kept\n"])
        let folder = try writeNotebook(scratch, markdown: original, sweep: sweep)
        let result = try SweepProcess.run(["notebook", "Notebooks/demo"], in: scratch.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Markdown was not changed"))
        #expect(try text(folder.appendingPathComponent("demo.md")) == original)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures").path))
    }

    @Test func malformedBlocksAreRefusedBeforeAnyWork() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let cases = [
            ("<!-- roundoff:table\nrows: []\n-->\nno closing comment\n", "has no closing <!-- /roundoff:table -->"),
            ("<!-- roundoff:chart -->\n<!-- /roundoff:chart -->\n", "unknown block kind 'roundoff:chart'; accepted: table, grid, figure, run"),
            ("<!-- roundoff:figure\nname: x\ncolour: red\n-->\n<!-- /roundoff:figure -->\n", "unknown key 'colour' in roundoff:figure; accepted: name, caption"),
            ("<!-- roundoff:grid\nworkload: harmonic\nmetrics: [final_sum]\nseeds: average\n-->\n<!-- /roundoff:grid -->\n",
             "invalid seeds 'average'; accepted: mean, median, min, max, range"),
        ]
        for (markdown, message) in cases {
            _ = try writeNotebook(scratch, markdown: markdown)
            let result = try SweepProcess.run(["notebook", "Notebooks/demo"], in: scratch.url)
            #expect(result.status == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            // Refused before the sweep ran.
            #expect(!FileManager.default.fileExists(atPath: scratch.path("results/demo").path))
        }
    }
}
