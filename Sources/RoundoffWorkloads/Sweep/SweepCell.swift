import Foundation
import Roundoff

/// One run of a sweep: a workload with its parameter values in one precision
/// (format, mode, seed).
public struct SweepCell: Hashable, Sendable, CustomStringConvertible {
    /// The position in the canonical order of the whole (unsharded) grid,
    /// from 0. Results are written in this order, and shards are taken by it.
    public let index: Int
    /// The workload's registry name.
    public let workload: String
    /// The workload's parameter values (defaults plus overrides).
    public let parameters: ParameterValues
    /// Format, mode and seed. The seed is the cell's stochastic stream
    /// (0 for deterministic modes), so the result is the same whatever
    /// thread runs the cell and in whatever order.
    public let precision: Precision
    /// A file name for the cell, stable for a given grid: the canonical index,
    /// zero-padded so that names sort in canonical order, and a readable label
    /// (unsafe characters of custom format specs replaced by `_`).
    public let id: String

    /// Cell `index` of a grid whose indices need `width` digits.
    init(index: Int, width: Int, workload: String, parameters: ParameterValues, precision: Precision) {
        self.index = index
        self.workload = workload
        self.parameters = parameters
        self.precision = precision
        let number = String(index)
        let padded = String(repeating: "0", count: max(0, width - number.count)) + number
        let label = "\(workload)-\(precision.format.spec)-\(precision.mode.spec)-\(precision.seed)"
        id = padded + "-" + String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }

    /// `workload format mode seed N`, for log lines.
    public var description: String {
        "\(workload) \(precision.format.spec) \(precision.mode.spec) seed \(precision.seed)"
    }
}
