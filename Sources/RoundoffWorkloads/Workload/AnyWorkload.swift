import Roundoff

/// A type-erased ``Workload`` whose reference is computed once per
/// parameter set and shared: what the registry and the sweep engine hold.
public struct AnyWorkload: Sendable {
    /// The wrapped workload's ``Workload/name``.
    public let name: String
    /// The wrapped workload's ``Workload/summary``.
    public let summary: String
    /// The wrapped workload's ``Workload/parameters``.
    public let parameters: [WorkloadParameter]
    private let makeReference: @Sendable (ParameterValues) throws -> any Sendable
    private let runCell: @Sendable (Precision, ParameterValues, any Sendable) throws -> [Metric]

    /// Wraps `workload`: its name, summary and parameters are read once,
    /// here; its reference and runs are forwarded.
    public init<W: Workload>(_ workload: W) {
        name = workload.name
        summary = workload.summary
        parameters = workload.parameters
        makeReference = { try workload.reference($0) }
        runCell = { precision, values, reference in
            try workload.run(precision, parameters: values, reference: reference as! W.Reference)
        }
    }

    /// Parses `overrides` against the declared parameters.
    public func values(_ overrides: [String: String]) throws -> ParameterValues {
        try ParameterValues(parameters, overrides: overrides, workload: name)
    }

    /// The binary64 reference for `values`.
    public func reference(_ values: ParameterValues) throws -> any Sendable { try makeReference(values) }

    /// One cell.
    public func run(_ precision: Precision, _ values: ParameterValues, reference: any Sendable) throws -> [Metric] {
        try runCell(precision, values, reference)
    }
}
