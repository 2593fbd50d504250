import Foundation

/// Parameter values a sweep sets instead of the workloads' defaults, as given
/// by `--param` or a sweep file, before they are checked against the
/// workloads.
///
/// `key=value` is *global*: it applies to every selected workload that
/// declares `key` (so `--param steps=1000` sets the step count of every ODE
/// workload at once). `workload.key=value` applies to that workload only and
/// wins over a global value of the same key.
public struct ParameterOverrides: Hashable, Sendable, Codable {
    /// Values for every selected workload that declares the key.
    public var global: [String: String]
    /// Values for one workload, by workload name and then key.
    public var workloads: [String: [String: String]]

    /// Overrides with the given global and per-workload values.
    public init(global: [String: String] = [:], workloads: [String: [String: String]] = [:]) {
        self.global = global
        self.workloads = workloads
    }

    /// Parses `key=value` and `workload.key=value` assignments; a later
    /// assignment of the same key wins.
    /// - Throws: ``ParameterError`` for text that is not an assignment.
    public init(assignments: [String]) throws {
        self.init()
        for assignment in assignments { try set(assignment) }
    }

    /// Whether nothing is overridden.
    public var isEmpty: Bool { global.isEmpty && workloads.values.allSatisfy(\.isEmpty) }

    /// Applies one `key=value` or `workload.key=value` assignment.
    ///
    /// Workload names never contain `.`, so the first `.` of the key (if any)
    /// separates the workload from the parameter.
    /// - Throws: ``ParameterError`` for text that is not an assignment.
    public mutating func set(_ assignment: String) throws {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ParameterError("'\(assignment)' is not a parameter assignment; accepted: key=value or workload.key=value")
        }
        let key = assignment[..<equals].trimmingCharacters(in: .whitespaces)
        let value = assignment[assignment.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if let dot = key.firstIndex(of: ".") {
            let workload = String(key[..<dot])
            let name = String(key[key.index(after: dot)...])
            guard !workload.isEmpty, !name.isEmpty else {
                throw ParameterError("'\(assignment)' is not a parameter assignment; accepted: key=value or workload.key=value")
            }
            set(name, value, workload: workload)
        } else {
            guard !key.isEmpty else {
                throw ParameterError("'\(assignment)' has no parameter name; accepted: key=value or workload.key=value")
            }
            set(key, value)
        }
    }

    /// Sets `key` to `value` for `workload`, or globally when `workload` is nil.
    public mutating func set(_ key: String, _ value: String, workload: String? = nil) {
        if let workload {
            workloads[workload, default: [:]][key] = value
        } else {
            global[key] = value
        }
    }

    /// These overrides with those of `other` on top: a key `other` sets wins,
    /// at the same level (global or per workload).
    public func overriding(with other: ParameterOverrides) -> ParameterOverrides {
        var merged = self
        merged.global.merge(other.global) { _, new in new }
        for (workload, values) in other.workloads {
            merged.workloads[workload, default: [:]].merge(values) { _, new in new }
        }
        return merged
    }

    /// The parameter values of each of `selected`, in order: defaults, then
    /// the global values of the keys the workload declares, then its own.
    ///
    /// This is where every parameter name is checked, before any work starts.
    /// - Throws: ``ParameterError`` for a global key that no selected
    ///   workload declares (listing the keys they accept), for values aimed at
    ///   a workload that is not selected, and for a key the targeted workload
    ///   does not declare (from ``AnyWorkload/values(_:)``).
    public func values(for selected: [AnyWorkload]) throws -> [ParameterValues] {
        for key in global.keys.sorted() where !selected.contains(where: { $0.declares(key) }) {
            throw ParameterError(
                "unknown parameter '\(key)': no selected workload (\(selected.map(\.name).joined(separator: ", "))) declares it; accepted: \(Self.acceptedKeys(selected))")
        }
        for name in workloads.keys.sorted() where !selected.contains(where: { $0.name == name }) {
            throw ParameterError(
                "parameters given for workload '\(name)', which is not selected; selected: \(selected.map(\.name).joined(separator: ", "))")
        }
        return try selected.map { workload in
            var own = global.filter { workload.declares($0.key) }
            own.merge(workloads[workload.name] ?? [:]) { _, specific in specific }
            return try workload.values(own)
        }
    }

    /// `key (workload, …)` for every key the workloads declare, for error messages.
    private static func acceptedKeys(_ selected: [AnyWorkload]) -> String {
        var owners: [String: [String]] = [:]
        for workload in selected {
            for parameter in workload.parameters { owners[parameter.name, default: []].append(workload.name) }
        }
        guard !owners.isEmpty else { return "none" }
        return owners.keys.sorted().map { "\($0) (\(owners[$0]!.joined(separator: ", ")))" }.joined(separator: ", ")
            + "; or workload.key=value for one workload"
    }
}

extension AnyWorkload {
    /// Whether this workload declares a parameter called `key`.
    func declares(_ key: String) -> Bool { parameters.contains { $0.name == key } }
}
