import Roundoff

/// A format and rounding mode that is either fixed or taken from the sweep
/// cell (`*`), so that one policy runs in every format of a sweep.
public struct PrecisionChoice: Sendable, Hashable {
    /// The format, or nil for the cell's format.
    public var format: FloatFormat?
    /// The rounding mode, or nil for the cell's mode.
    public var mode: RoundingMode?

    /// A choice; nil parts follow the cell.
    public init(format: FloatFormat? = nil, mode: RoundingMode? = nil) {
        self.format = format
        self.mode = mode
    }

    /// The cell's format and mode.
    public static let cell = PrecisionChoice()

    /// Binary64 with round to nearest even: no rounding at all.
    public static let binary64 = PrecisionChoice(format: .fp64, mode: .nearestEven)

    /// Binary32 with round to nearest even.
    public static let binary32 = PrecisionChoice(format: .fp32, mode: .nearestEven)

    /// The concrete format and mode in a cell of `format` and `mode`.
    public func resolved(format cellFormat: FloatFormat, mode cellMode: RoundingMode) -> (format: FloatFormat, mode: RoundingMode) {
        (format ?? cellFormat, mode ?? cellMode)
    }

    /// `FORMAT/MODE` with `*` for a cell part, e.g. `fp32/rne`, `*/sr`, `*`.
    public var spec: String {
        let f = format?.spec ?? "*"
        guard let mode else { return f }
        return "\(f)/\(mode.spec)"
    }
}
