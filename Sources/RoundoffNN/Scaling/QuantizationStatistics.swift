/// What happened to a tensor quantized by ``TensorQuantizer``: counts of
/// values by outcome and the range of scales used, so a workload can report
/// them. Statistics of several tensors (or several calls) add up with
/// ``merge(_:)``.
public struct QuantizationStatistics: Hashable, Sendable {
    /// Values quantized (finite or not).
    public var values = 0
    /// Finite nonzero values whose quantized value is ±0 (underflow: the
    /// scaled value rounded to zero, or its block scale was zero).
    public var underflows = 0
    /// Finite values whose scaled magnitude `|v / X|` exceeded the element
    /// format's xmax and were clamped to ±xmax (MX ``ScaleRule/floor`` and
    /// ``ScaleRule/even`` overflow, NVFP4 blocks whose E4M3 scale rounded
    /// down, E8M0 scales clamped at 2^127). For ``TensorScaling/none``:
    /// finite values beyond xmax, which round to ±xmax or overflow to ±∞ as
    /// the format's rounding mode and overflow policy decide.
    public var clamped = 0
    /// NaN and ±∞ inputs.
    public var nonFinite = 0
    /// Scale blocks (MX or NVFP4 blocks; 1 for a per-tensor scale; 0 for
    /// ``TensorScaling/none``).
    public var blocks = 0
    /// Blocks whose scale is NaN because they contain NaN or ±∞.
    public var nanScales = 0
    /// The smallest and largest exponent `e` of the power-of-two scales
    /// `X = 2^e` used (MX and per-tensor), NaN scales excluded; `nil` when
    /// there is none.
    public var scaleExponents: ClosedRange<Int>?
    /// The smallest and largest NVFP4 E4M3 block scale `s_b` used (NaN
    /// scales excluded; zero scales included); `nil` otherwise.
    public var blockScales: ClosedRange<Double>?
    /// The NVFP4 per-tensor fp32 encode scale `S_enc = fp32((448 · xmax) / amax)`
    /// of the last tensor merged; `nil` for the other scalings.
    public var tensorEncodeScale: Double?

    /// Empty statistics.
    public init() {}

    /// Adds `other`'s counts and widens the scale ranges to cover both; the
    /// tensor encode scale becomes `other`'s when it has one.
    public mutating func merge(_ other: QuantizationStatistics) {
        values += other.values
        underflows += other.underflows
        clamped += other.clamped
        nonFinite += other.nonFinite
        blocks += other.blocks
        nanScales += other.nanScales
        scaleExponents = QuantizationStatistics.union(scaleExponents, other.scaleExponents)
        blockScales = QuantizationStatistics.union(blockScales, other.blockScales)
        tensorEncodeScale = other.tensorEncodeScale ?? tensorEncodeScale
    }

    /// Records one power-of-two scale exponent.
    mutating func recordScaleExponent(_ e: Int) {
        scaleExponents = QuantizationStatistics.union(scaleExponents, e...e)
    }

    /// Records one NVFP4 block scale.
    mutating func recordBlockScale(_ s: Double) {
        blockScales = QuantizationStatistics.union(blockScales, s...s)
    }

    static func union<T: Comparable>(_ a: ClosedRange<T>?, _ b: ClosedRange<T>?) -> ClosedRange<T>? {
        guard let a else { return b }
        guard let b else { return a }
        return Swift.min(a.lowerBound, b.lowerBound)...Swift.max(a.upperBound, b.upperBound)
    }
}
