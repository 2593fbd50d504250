import ArgumentParser
import Foundation
import RoundoffWorkloads

/// `precision-sweep workloads`: what `run` can run, with each workload's
/// parameters, defaults and meaning.
struct WorkloadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workloads",
        abstract: "List the registered workloads with their parameters and defaults.",
        discussion: """
            One block per workload: its name and what it shows, then one line per parameter with \
            its default and meaning. Set parameters with 'precision-sweep run --param key=value' \
            (every selected workload that declares key) or --param workload.key=value.
            """
    )

    @Flag(help: "Print only the names, one per line.")
    var names = false

    mutating func run() throws {
        WorkloadRegistry.shared.registerTestWorkloadsIfRequested()
        let workloads = WorkloadRegistry.shared.all
        if names {
            for workload in workloads { print(workload.name) }
            return
        }
        guard !workloads.isEmpty else {
            print("no workloads are registered")
            return
        }
        var blocks: [String] = []
        for workload in workloads {
            var lines = ["\(workload.name)  \(workload.summary)"]
            let nameWidth = workload.parameters.map(\.name.count).max() ?? 0
            let defaultWidth = workload.parameters.map { $0.defaultValue.count + 1 }.max() ?? 0
            for p in workload.parameters {
                let name = p.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let value = ("=" + p.defaultValue).padding(toLength: defaultWidth, withPad: " ", startingAt: 0)
                lines.append("    \(name) \(value)  \(p.help)")
            }
            if workload.parameters.isEmpty { lines.append("    (no parameters)") }
            blocks.append(lines.joined(separator: "\n"))
        }
        print(blocks.joined(separator: "\n\n"))
    }
}
