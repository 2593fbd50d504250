/// Counts of what happened to rounded results (<doc:RoundingSemantics#Events>).
public struct RoundingEvents: Hashable, Sendable, CustomStringConvertible {
    /// Rounded operations and conversions.
    public var operations: Int = 0
    /// Results whose unbounded-exponent rounding exceeded xmax.
    public var overflows: Int = 0
    /// Nonzero exact results that rounded to ±0.
    public var underflowsToZero: Int = 0
    /// Nonzero results below xmin (subnormal results).
    public var subnormals: Int = 0
    /// NaN results.
    public var nans: Int = 0

    /// All counts zero.
    public init() {}

    /// Adds another tally to this one.
    public static func += (a: inout RoundingEvents, b: RoundingEvents) {
        a.operations += b.operations; a.overflows += b.overflows
        a.underflowsToZero += b.underflowsToZero; a.subnormals += b.subnormals; a.nans += b.nans
    }

    /// The counts as `key=value` pairs, e.g.
    /// `operations=10 overflows=0 underflows_to_zero=1 subnormals=2 nans=0`.
    public var description: String {
        "operations=\(operations) overflows=\(overflows) underflows_to_zero=\(underflowsToZero) subnormals=\(subnormals) nans=\(nans)"
    }
}

/// Collects ``RoundingEvents`` per format while counting is on for a thread
/// (see ``RoundingContext/countingEvents(_:)``).
public final class RoundingEventRecorder {
    /// The tallies, keyed by format.
    public private(set) var counts: [FloatFormat: RoundingEvents] = [:]

    /// A recorder with no tallies.
    public init() {}

    /// Records one rounding of `exact` to `result` in `format`.
    @inlinable
    public func record(format: FloatFormat, exact: Double, result: Double, overflowed: Bool) {
        recordImpl(format: format, exact: exact, result: result, overflowed: overflowed)
    }

    @usableFromInline
    func recordImpl(format: FloatFormat, exact: Double, result: Double, overflowed: Bool) {
        var e = counts[format] ?? RoundingEvents()
        e.operations += 1
        if overflowed { e.overflows += 1 }
        if result.isNaN { e.nans += 1 }
        if result == 0 && exact != 0 && !exact.isNaN { e.underflowsToZero += 1 }
        if result != 0 && result.magnitude < format.leastNormalMagnitude { e.subnormals += 1 }
        counts[format] = e
    }
}
