import Foundation

/// A parameter of a workload: its name, default and meaning. Values are
/// numbers or short strings given as text (`--param n=1000`), parsed and
/// range-checked by the workload through ``ParameterValues``.
public struct WorkloadParameter: Hashable, Sendable {
    /// The key of `--param KEY=VALUE` (lowercase, `_` between words).
    public var name: String
    /// The value used when a sweep does not set one, as text.
    public var defaultValue: String
    /// What the parameter means and which values it accepts, for
    /// `precision-sweep workloads`.
    public var help: String

    /// A parameter called `name` with the default `defaultValue` and the
    /// description `help`.
    public init(_ name: String, default defaultValue: String, _ help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// An error in a workload's parameters, naming the bad value and what is accepted.
public struct ParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The message: the bad value and what is accepted.
    public var description: String
    /// An error with the message `description`.
    public init(_ description: String) { self.description = description }
}

/// The parameter values of one run: the workload's defaults overridden by
/// `--param key=value` or a config file. Unknown keys are rejected up front.
public struct ParameterValues: Hashable, Sendable, CustomStringConvertible {
    /// Every parameter, defaults filled in, by name.
    public private(set) var values: [String: String]

    /// The defaults of `parameters` overridden by `overrides`.
    /// - Throws: ``ParameterError`` for a key that is not a parameter,
    ///   listing the accepted names.
    public init(_ parameters: [WorkloadParameter], overrides: [String: String] = [:], workload: String = "") throws {
        var v: [String: String] = [:]
        for p in parameters { v[p.name] = p.defaultValue }
        for (key, value) in overrides {
            guard v[key] != nil else {
                let accepted = parameters.map(\.name).sorted().joined(separator: ", ")
                throw ParameterError("unknown parameter '\(key)'\(workload.isEmpty ? "" : " for workload '\(workload)'"); accepted: \(accepted.isEmpty ? "none" : accepted)")
            }
            v[key] = value
        }
        values = v
    }

    /// The text value of `name` (a declared parameter).
    public func string(_ name: String) -> String { values[name] ?? "" }

    /// `name` as a finite `Double`.
    public func double(_ name: String) throws -> Double {
        let text = string(name)
        guard let v = Double(text), v.isFinite else {
            throw ParameterError("parameter \(name)=\(text) is not a finite number")
        }
        return v
    }

    /// `name` as an integer in `range`.
    public func int(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        let text = string(name)
        guard let v = Int(text) ?? Double(text).flatMap({ $0.rounded() == $0 ? Int(exactly: $0) : nil }) else {
            throw ParameterError("parameter \(name)=\(text) is not an integer")
        }
        guard range.contains(v) else {
            throw ParameterError("parameter \(name)=\(text) is out of range; accepted: \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    /// `name` as a finite `Double` in `range`.
    public func double(_ name: String, in range: ClosedRange<Double>) throws -> Double {
        let v = try double(name)
        guard range.contains(v) else {
            throw ParameterError("parameter \(name)=\(string(name)) is out of range; accepted: \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    /// `name` as a comma-separated list of integers (e.g. `n=10,100,1000`).
    public func ints(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> [Int] {
        try string(name).split(separator: ",").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let v = Int(text), range.contains(v) else {
                throw ParameterError("parameter \(name) has '\(text)', not an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return v
        }
    }

    /// `key=value` pairs sorted by key and joined with `;`: the canonical
    /// form written to results and used as the reference-cache key.
    public var description: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: ";")
    }
}
