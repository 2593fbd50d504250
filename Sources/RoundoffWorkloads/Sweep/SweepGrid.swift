import Foundation
import Roundoff

/// The cells of a sweep in canonical order, and the checked, canonical form of
/// what defines them: workloads with their full parameter values, formats,
/// modes and the seed count.
///
/// Two runs compute the same cells exactly when their grids are equal, which
/// is what resuming and merging check. The grid is written to `run.json` with
/// canonical spec strings, so it can be read back without the workloads being
/// registered (as `merge` does).
public struct SweepGrid: Hashable, Sendable {
    /// A workload of the grid with every parameter value, defaults included.
    public struct Entry: Hashable, Sendable, Codable {
        /// The registry name.
        public var name: String
        /// Every parameter value by name.
        public var parameters: [String: String]

        /// An entry for workload `name` with these values.
        public init(name: String, parameters: [String: String]) {
            self.name = name
            self.parameters = parameters
        }

        /// The values as ``ParameterValues`` (its `description` is the
        /// `params` column of the results).
        public var values: ParameterValues {
            // Declaring each value as a default reproduces the values exactly;
            // with no overrides the initialiser cannot fail.
            (try? ParameterValues(parameters.map { WorkloadParameter($0.key, default: $0.value, "") }))!
        }
    }

    /// The workloads in order.
    public var workloads: [Entry]
    /// The formats in order.
    public var formats: [FloatFormat]
    /// The rounding modes in order.
    public var modes: [RoundingMode]
    /// Stochastic modes run seeds 1…`seeds`; deterministic modes run seed 0 only.
    public var seeds: Int

    /// A grid from canonical parts (no registry check).
    public init(workloads: [Entry], formats: [FloatFormat], modes: [RoundingMode], seeds: Int) {
        self.workloads = workloads
        self.formats = formats
        self.modes = modes
        self.seeds = seeds
    }

    /// Checks `configuration` against `registry` and builds its grid. Nothing
    /// runs and nothing is written: every name and parameter key is checked
    /// here, before any work starts.
    ///
    /// - Throws: ``SweepError`` for an unknown or repeated workload, format or
    ///   mode (the message lists the accepted values), no workloads, formats
    ///   or modes, or `seeds < 1`; ``ParameterError`` for a parameter key that
    ///   no selected workload declares.
    public init(configuration: SweepConfiguration, registry: WorkloadRegistry) throws {
        guard !configuration.workloads.isEmpty else { throw SweepError("no workloads given") }
        guard !configuration.formats.isEmpty else { throw SweepError("no formats given") }
        guard !configuration.modes.isEmpty else { throw SweepError("no rounding modes given") }
        guard configuration.seeds >= 1 else {
            throw SweepError("invalid seed count \(configuration.seeds); accepted: 1 or more")
        }
        let registered = registry.all
        let selected = try configuration.workloads.map { name in
            guard let workload = registered.first(where: { $0.name == name }) else {
                let names = registered.map(\.name).joined(separator: ", ")
                throw SweepError(
                    "unknown workload '\(name)'; accepted: \(names.isEmpty ? "none (no workloads are registered)" : names)")
            }
            return workload
        }
        let formats = try configuration.formats.map { spec in
            do {
                // Re-parse the canonical spec so that a grid built here equals
                // one read back from run.json, which only holds the spec.
                return try FloatFormat(spec: try FloatFormat(spec: spec).spec)
            } catch let error as FormatSpecError { throw SweepError(error.description) }
        }
        let modes = try configuration.modes.map { spec in
            do { return try RoundingMode(spec: spec) } catch let error as FormatSpecError {
                throw SweepError(error.description)
            }
        }
        try Self.rejectRepeats(selected.map(\.name), what: "workload")
        try Self.rejectRepeats(formats.map(\.spec), what: "format")
        try Self.rejectRepeats(modes.map(\.spec), what: "rounding mode")
        let values = try configuration.parameters.values(for: selected)
        self.init(
            workloads: zip(selected, values).map { Entry(name: $0.name, parameters: $1.values) },
            formats: formats, modes: modes, seeds: configuration.seeds)
    }

    /// Throws for a name given twice (after canonicalisation: `fp16` and
    /// `half` are the same format), which would duplicate cells.
    private static func rejectRepeats(_ names: [String], what: String) throws {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw SweepError("\(what) '\(name)' is given twice")
        }
    }

    /// The seeds a mode runs: 1…``seeds`` when stochastic, else just 0.
    public func seeds(for mode: RoundingMode) -> [UInt64] {
        mode.isStochastic ? Array(1...UInt64(seeds)) : [0]
    }

    /// How many cells the whole grid has.
    public var count: Int {
        workloads.count * formats.count * modes.reduce(0) { $0 + seeds(for: $1).count }
    }

    /// Every cell in canonical order: workload order, then format order, then
    /// mode order, then seed, as given.
    public var cells: [SweepCell] {
        let width = max(6, String(max(count - 1, 0)).count)
        var cells: [SweepCell] = []
        cells.reserveCapacity(count)
        for workload in workloads {
            let values = workload.values
            for format in formats {
                for mode in modes {
                    for seed in seeds(for: mode) {
                        cells.append(SweepCell(
                            index: cells.count, width: width, workload: workload.name, parameters: values,
                            precision: Precision(format: format, mode: mode, seed: seed)))
                    }
                }
            }
        }
        return cells
    }

    /// The cells of `shard` (all cells when nil), in canonical order.
    public func cells(in shard: SweepShard?) -> [SweepCell] {
        guard let shard else { return cells }
        return cells.filter { shard.contains(cellIndex: $0.index) }
    }

    /// What differs from `previous` (for example the grid in an existing
    /// `run.json`), as short phrases such as `formats (was fp16,bf16; now
    /// fp16)`; empty when the grids are equal.
    public func differences(from previous: SweepGrid) -> [String] {
        func list(_ names: [String]) -> String { names.joined(separator: ",") }
        var found: [String] = []
        if workloads.map(\.name) != previous.workloads.map(\.name) {
            found.append("workloads (was \(list(previous.workloads.map(\.name))); now \(list(workloads.map(\.name))))")
        } else {
            for (now, was) in zip(workloads, previous.workloads) where now.parameters != was.parameters {
                found.append("parameters of \(now.name) (was \(was.values); now \(now.values))")
            }
        }
        if formats != previous.formats {
            found.append("formats (was \(list(previous.formats.map(\.spec))); now \(list(formats.map(\.spec))))")
        }
        if modes != previous.modes {
            found.append("modes (was \(list(previous.modes.map(\.spec))); now \(list(modes.map(\.spec))))")
        }
        if seeds != previous.seeds { found.append("seeds (was \(previous.seeds); now \(seeds))") }
        return found
    }
}

extension SweepGrid: Codable {
    private enum CodingKeys: String, CodingKey { case workloads, formats, modes, seeds }

    /// Reads the grid written by ``encode(to:)``, parsing the spec strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workloads = try container.decode([Entry].self, forKey: .workloads)
        seeds = try container.decode(Int.self, forKey: .seeds)
        do {
            formats = try container.decode([String].self, forKey: .formats).map { try FloatFormat(spec: $0) }
            modes = try container.decode([String].self, forKey: .modes).map { try RoundingMode(spec: $0) }
        } catch let error as FormatSpecError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Writes formats and modes as canonical spec strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workloads, forKey: .workloads)
        try container.encode(formats.map(\.spec), forKey: .formats)
        try container.encode(modes.map(\.spec), forKey: .modes)
        try container.encode(seeds, forKey: .seeds)
    }
}
