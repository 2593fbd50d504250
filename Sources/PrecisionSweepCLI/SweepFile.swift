import ArgumentParser
import Foundation
import RoundoffWorkloads
import Yams

/// A YAML sweep file for `precision-sweep run --config FILE`: the options of
/// `run`, as keys. Every key is optional; a key left out keeps the default
/// study's value, and options on the command line override the file.
///
/// ```yaml
/// workloads: [harmonic, euler-decay]   # or: workloads: harmonic,euler-decay
/// formats: [fp32, bf16, fp16, "custom:p=5,emax=7"]
/// modes: [rne, sr]
/// seeds: 5
/// out: results/my-study                # relative to the current directory
/// threads: 2
/// shard: 1/4
/// plot: false
/// params:
///   n: 4096                            # every selected workload declaring `n`
///   harmonic.n: 1048576                # harmonic only (wins over n)
///   euler-decay:                       # euler-decay only (same as euler-decay.key)
///     steps: [10, 100, 1000]           # a list is passed as 10,100,1000
/// ```
///
/// A `quick:` mapping holds the same keys (except `quick`) for a reduced
/// version of the sweep, e.g. for CI; `precision-sweep notebook --quick`
/// applies it over the rest of the file (its params merged over the file's).
/// `run` ignores it.
///
/// Unknown keys are errors (a misspelt `seed:` must not be silently ignored);
/// messages name the file and line.
struct SweepFile {
    /// The keys a sweep file accepts, for help and errors.
    static let acceptedKeys = "workloads, formats, modes, seeds, out, threads, shard, plot, params, quick"

    var workloads: [String]?
    var formats: [String]?
    var modes: [String]?
    var seeds: Int?
    var out: String?
    var threads: Int?
    var shard: SweepShard?
    var plot: Bool?
    var parameters = ParameterOverrides()
    /// The `quick:` overrides, if the file has them.
    var quick: QuickOverrides?

    /// The `quick:` mapping of a sweep file: a sweep file of its own, applied
    /// over the outer one. A class, because a struct cannot contain itself.
    final class QuickOverrides {
        let file: SweepFile
        init(file: SweepFile) { self.file = file }
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `ValidationError` naming the file (and the line, for content errors).
    static func load(_ path: String) throws -> SweepFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read the sweep file \(path): \(error.localizedDescription)")
        }
        return try SweepFile(yaml: text, source: path)
    }

    /// Parses YAML `text`; `source` names it in messages.
    init(yaml text: String, source: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ValidationError("\(source) is not valid YAML: \(error)")
        }
        guard let root else { throw ValidationError("\(source) is empty; accepted keys: \(Self.acceptedKeys)") }
        try self.init(node: root, source: source, allowsQuick: true)
    }

    /// Reads the keys of the mapping `root`; `quick:` only when `allowsQuick`.
    private init(node root: Node, source: String, allowsQuick: Bool) throws {
        let accepted = allowsQuick ? Self.acceptedKeys : Self.acceptedKeys.replacingOccurrences(of: ", quick", with: "")
        guard let mapping = root.mapping else {
            throw Self.error(source, root, "expected a mapping of keys (\(accepted))")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "workloads", "workload": workloads = try Self.list(value, key, source, split: CommaList.split)
            case "formats", "format": formats = try Self.list(value, key, source, split: CommaList.splitFormats)
            case "modes", "mode": modes = try Self.list(value, key, source, split: CommaList.split)
            case "seeds": seeds = try Self.int(value, key, source)
            case "threads": threads = try Self.int(value, key, source)
            case "out": out = try Self.scalar(value, key, source)
            case "plot":
                guard let flag = value.scalar.flatMap(Bool.construct) else {
                    throw Self.error(source, value, "plot must be true or false")
                }
                plot = flag
            case "shard":
                do { shard = try SweepShard(spec: try Self.scalar(value, key, source)) } catch let error as SweepError {
                    throw Self.error(source, value, error.description)
                }
            case "params", "parameters":
                try readParameters(value, source)
            case "quick" where allowsQuick:
                quick = QuickOverrides(file: try SweepFile(node: value, source: source, allowsQuick: false))
            default:
                throw Self.error(source, keyNode, "unknown key '\(key)'\(allowsQuick ? "" : " under quick"); accepted: \(accepted)")
            }
        }
    }

    /// Reads `params:`: `key: value` and `workload.key: value` pairs, and
    /// `workload:` mappings of `key: value`.
    private mutating func readParameters(_ node: Node, _ source: String) throws {
        guard let mapping = node.mapping else {
            throw Self.error(source, node, "params must be a mapping of key: value (or workload.key: value)")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if let inner = value.mapping {
                for (innerKey, innerValue) in inner {
                    let name = innerKey.string ?? ""
                    parameters.set(name, try Self.parameterValue(innerValue, "\(key).\(name)", source), workload: key)
                }
            } else {
                do {
                    try parameters.set("\(key)=\(try Self.parameterValue(value, key, source))")
                } catch let error as ParameterError {
                    throw Self.error(source, keyNode, error.description)
                }
            }
        }
    }

    /// The file's values over `configuration`.
    func apply(to configuration: inout SweepConfiguration) {
        if let workloads { configuration.workloads = workloads }
        if let formats { configuration.formats = formats }
        if let modes { configuration.modes = modes }
        if let seeds { configuration.seeds = seeds }
        if let out { configuration.outputDirectory = out }
        if let threads { configuration.threads = threads }
        if let shard { configuration.shard = shard }
        if let plot { configuration.plot = plot }
        configuration.parameters = configuration.parameters.overriding(with: parameters)
    }

    /// The file's values over `configuration`, then its `quick:` overrides.
    /// Without an `out:` under `quick:`, the results go to the full sweep's
    /// folder with `-quick` appended, so a quick run never resumes (or is
    /// refused by) the full one.
    func applyQuick(to configuration: inout SweepConfiguration) {
        apply(to: &configuration)
        let fullOutput = configuration.outputDirectory
        quick?.file.apply(to: &configuration)
        if quick?.file.out == nil {
            configuration.outputDirectory = fullOutput.hasSuffix("/") ? String(fullOutput.dropLast()) + "-quick" : fullOutput + "-quick"
        }
    }

    // MARK: Node reading

    private static func scalar(_ node: Node, _ key: String, _ source: String) throws -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty, node.tag != Tag(.null) else {
            throw error(source, node, "\(key) needs a value")
        }
        return scalar.string
    }

    private static func int(_ node: Node, _ key: String, _ source: String) throws -> Int {
        guard let value = node.scalar.flatMap(Int.construct) else {
            throw error(source, node, "\(key) must be an integer")
        }
        return value
    }

    /// A list given as a YAML sequence or as one comma-separated scalar.
    private static func list(
        _ node: Node, _ key: String, _ source: String, split: (String) -> [String]
    ) throws -> [String] {
        if let sequence = node.sequence {
            return try sequence.map { try scalar($0, key, source) }
        }
        return split(try scalar(node, key, source))
    }

    /// A parameter value: a scalar as written, or a sequence joined with commas.
    private static func parameterValue(_ node: Node, _ key: String, _ source: String) throws -> String {
        if let sequence = node.sequence {
            return try sequence.map { try scalar($0, key, source) }.joined(separator: ",")
        }
        return try scalar(node, key, source)
    }

    private static func error(_ source: String, _ node: Node, _ message: String) -> ValidationError {
        ValidationError("\(source)\(node.mark.map { ":\($0.line)" } ?? ""): \(message)")
    }
}
