import Roundoff

extension FloatFormat {
    /// The distance from a value `x` of this format to its neighbour away
    /// from zero: `2^(e−p+1)` for `|x| ∈ [2^e, 2^(e+1))` with `e ≥ emin`,
    /// the subnormal spacing `2^(emin−p+1)` below `2^emin` (or `2^emin` when
    /// the format has no subnormals). NaN for non-finite `x`.
    ///
    /// Computed from the format's definition in binary64, so metrics can
    /// reason about absorption (an addend below half this spacing is lost
    /// by round-to-nearest) outside the emulated run.
    func spacingAwayFromZero(at x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let e = Swift.max(x == 0 ? minExponent : x.exponent, minExponent)
        if x.magnitude < leastNormalMagnitude && !hasSubnormals { return leastNormalMagnitude }
        return Double(sign: .plus, exponent: e - precision + 1, significand: 1)
    }

    /// The distance from a nonzero value `x` of this format to its neighbour
    /// toward zero: half of ``spacingAwayFromZero(at:)`` when `|x|` is a
    /// power of two above the least normal magnitude (the binade below is
    /// twice as dense), otherwise the same. NaN for non-finite `x`.
    func spacingTowardZero(at x: Double) -> Double {
        let away = spacingAwayFromZero(at: x)
        let m = x.magnitude
        if m > leastNormalMagnitude && m.significandBitPattern == 0 && m.isNormal { return away / 2 }
        return away
    }
}
