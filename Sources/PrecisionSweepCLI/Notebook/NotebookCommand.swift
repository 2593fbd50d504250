import ArgumentParser
import Foundation
import RoundoffWorkloads

/// `precision-sweep notebook PATH`: re-runs a notebook's sweep, renders its
/// figures and rewrites the generated parts of its Markdown in place.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Re-run a notebook's sweep, re-render its figures and rewrite its generated tables and figure links.",
        discussion: """
            A notebook is a folder NAME/ holding NAME.md (Markdown: prose and generated blocks), \
            sweep.yaml (the sweep, in the format of 'run --config', with an optional quick: \
            section) and figures/ (the PNG files the notebook shows). PATH is the folder, its .md \
            file, or a folder of notebook folders (e.g. Notebooks), which runs each in turn.

            For each notebook: the blocks are read and checked first; then the sweep runs \
            (resuming finished cells in its out: folder, like 'run'); its figures are rendered \
            with gnuplot; and every generated block of NAME.md is rewritten from the results. \
            Only the text between a block's specification and its closing comment changes: \
            every other byte of the file is kept. The figures the notebook names are copied \
            into NAME/figures/, and PNG files there that it no longer names are removed.

            Generated blocks (HTML comments, invisible when the Markdown is rendered):
              <!-- roundoff:table          Roundoff's numbers beside published ones
              rows:
                - quantity: "fp16 RN: n where the harmonic sum stops growing"
                  published: "513"
                  source: "Higham (2002), §4.2"
                  value: {workload: harmonic, format: fp16, mode: rne,
                          metric: stagnation_n, style: integer}
              -->
              <!-- /roundoff:table -->
              <!-- roundoff:grid           one row per format x mode, a column per metric
              workload: cg
              metrics: [attainable_accuracy, iterations_to_tolerance]
              -->
              <!-- /roundoff:grid -->
              <!-- roundoff:figure         a figure of the sweep's plots/ folder
              name: harmonic-rel_error
              caption: Relative error against n
              -->
              <!-- /roundoff:figure -->
              <!-- roundoff:run -->        the commands that reproduce it, the sweep's size
              <!-- /roundoff:run -->
            A value names workload, format, mode and metric as in results.csv, and x (a \
            number, first or last) for a series metric; seeds (mean, median, min, max, range) \
            says how a stochastic mode's seeds combine; digits (significant, default 2) and \
            style (auto, sci, fixed, integer, percent) how it prints. A table row's value may \
            be a list, printed joined by ' / '. A grid also takes headers, formats, modes (to \
            filter and order its rows), x (for its series metrics), seeds, digits and style.

            --quick applies the sweep file's quick: section (a smaller grid or smaller \
            parameters, e.g. for CI), writes its results to the out: folder with -quick \
            appended, draws only the figures the notebook shows (the scripts of the others are \
            written), and writes the rendered notebook (NAME.md and figures/) into that results \
            folder, leaving the committed notebook alone; add --in-place to rewrite it anyway.

            Fails loudly: an unknown block, key, workload, metric or figure, a cell whose \
            workload threw, or a sweep that cannot run stops that notebook with an error naming \
            what is wrong (and what is accepted) and leaves its Markdown and figures untouched. \
            In a full run a value missing from the results is an error; in a quick run it prints \
            as 'not run'. Exit status: 0 when every notebook was rendered, 1 when any failed \
            (the others are still rendered), 64 for a bad option or path.

            Examples:
              $ precision-sweep notebook Notebooks/lorenz
              $ precision-sweep notebook Notebooks --quick
              $ precision-sweep notebook Notebooks/shallow-water/shallow-water.md --threads 8
            """
    )

    @Argument(help: ArgumentHelp(
        "Notebook folders, their .md files, or folders of notebook folders.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Run the sweep file's quick: version and write the rendered notebook into its results folder.")
    var quick = false

    @Flag(name: .customLong("in-place"), help: "With --quick, rewrite the notebook itself (without --quick it always is).")
    var inPlace = false

    @Option(name: .customLong("out"), help: ArgumentHelp(
        "Results folder instead of the sweep file's out: (one notebook only).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp(
        "Cells run at once (default: the sweep file's threads:, else every core).", valueName: "n"))
    var threads: Int?

    @Flag(help: "Discard results of a different configuration in the results folder and start over.")
    var force = false

    mutating func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give a notebook folder, its .md file, or a folder of notebooks (e.g. Notebooks)") }
        if let threads, threads < 1 { throw ValidationError("invalid thread count \(threads); accepted: 1 or more") }
        if inPlace && !quick { throw ValidationError("--in-place only applies with --quick (a full run always rewrites the notebook)") }
    }

    mutating func run() throws {
        WorkloadRegistry.shared.registerTestWorkloadsIfRequested()
        var folders: [NotebookFolder] = []
        do {
            for path in paths { folders += try NotebookFolder.locate(path) }
        } catch {
            throw ValidationError(error.description)
        }
        if out != nil && folders.count > 1 {
            throw ValidationError("--out names one results folder, but \(folders.count) notebooks were given")
        }
        var failed: [String] = []
        for folder in folders {
            StandardOutput.line("notebook \(folder.displayPath)\(quick ? " (quick)" : "")")
            do {
                let written = try NotebookRun(
                    folder: folder, quick: quick, inPlace: !quick || inPlace, out: out, threads: threads, force: force
                ).perform()
                StandardOutput.line("notebook \(folder.displayPath): wrote \(written.path)")
            } catch {
                FileHandle.standardError.write(Data("Error: notebook \(folder.displayPath): \(error)\n".utf8))
                failed.append(folder.displayPath)
            }
        }
        if !failed.isEmpty {
            FileHandle.standardError.write(Data(
                "Error: \(failed.count) of \(folders.count) notebook(s) failed: \(failed.joined(separator: ", ")); their Markdown was not changed\n".utf8))
            throw ExitCode.failure
        }
    }
}
