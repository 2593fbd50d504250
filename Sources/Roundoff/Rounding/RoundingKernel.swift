/// The bit-level rounding of a binary64 value — or of an exact value
/// `x + r` given as a binary64 head and its residual — into a format, with a
/// rounding mode. It is a plain value of integer and `Double` constants so it
/// can live in registers, in thread-local storage, or fold to immediates.
///
/// ## Algorithm
/// For `p ≤ 52` the kernel works on the monotone magnitude bit pattern `A` of
/// `|x|`: inside one binade the values of a `p`-bit format are exactly the
/// patterns whose low `d = 53 − p` bits are zero, and a carry out of the
/// significand lands on the next power of two, which is also a value. Every
/// mode is then an integer addition followed by clearing the low bits
/// (no branches, constant shifts, so array loops vectorize):
///
/// - the pattern is widened by one bit, `A₂ = 2A + sticky`, where `sticky`
///   records a nonzero residual; a residual of the opposite sign first steps
///   `A` down by one binary64 ulp, which keeps the exact value in the same
///   gap because `d ≥ 1`;
/// - below `xmin` the spacing stops halving, so `|x|` is first shifted into
///   the binade `[C, 2C)` by adding `C = 2^emin` (or `2^(emin+p−1)` with
///   subnormals off, where `(0, xmin)` is one gap). The binary64 error of that
///   addition is recovered exactly (Fast2Sum, `C ≥ |x|`) and joins the
///   residual; `C` is subtracted again at the end, exactly.
///
/// Overflow is decided on the unbounded-exponent result (IEEE 754 §7.4), then
/// mapped by ``OverflowPolicy``; NaN is returned unchanged and infinities map
/// to ±∞ (`ieee`) or ±xmax (`saturate`).
///
/// `p = 53` formats (binary64 and custom formats with binary64's precision)
/// have no spare bit for the round position, so they take an exact
/// comparison-based path.
@frozen
public struct RoundingKernel: Sendable {
    /// The format's constants.
    public let constants: FormatConstants
    /// The mode this kernel applies.
    public let mode: RoundingMode
    /// The mode as a small integer, switched on once per operation (cheaper
    /// than matching the enum with its payload).
    @usableFromInline let modeCode: UInt8
    /// Magnitude bits returned when a positive (resp. negative) value overflows.
    @usableFromInline let overflowPositiveBits: UInt64
    @usableFromInline let overflowNegativeBits: UInt64
    /// Random bits used by few-bit stochastic rounding (`min(R, 53 − p)`).
    @usableFromInline let stochasticBits: UInt64
    /// Whether `+ − × ÷ √` must carry the residual of their binary64 result.
    /// Not for round-to-nearest with `p ≤ 25`: double rounding through
    /// binary64 is innocuous there (53 ≥ 2p + 2; Figueroa 1995). Not for
    /// full-precision `sr` with `p ≤ 52` either: the binary64 result is within
    /// half a binary64 ulp of the exact one, which moves the probability of
    /// rounding up by at most `2^−(54−p)` — the same bound the residual's
    /// sticky bit gives.
    public let needsResidual: Bool

    @inlinable var shift: UInt64 { constants.shift }
    @inlinable var mask: UInt64 { constants.mask }
    @inlinable var leastNormal: Double { constants.leastNormal }
    @inlinable var offset: Double { constants.offset }
    @inlinable var greatestFiniteBits: UInt64 { constants.greatestFiniteBits }
    @inlinable var infinityBits: UInt64 { constants.infinityBits }
    @inlinable var fullPrecision: Bool { constants.fullPrecision }
    /// `p ≤ 26`: binary64 multiplies two values of the format exactly.
    @inlinable public var productsAreExact: Bool { constants.productsAreExact }
    /// `emax ≥ 511`: a product or sum of finite values can overflow binary64.
    @inlinable public var binary64CanOverflow: Bool { constants.binary64CanOverflow }

    /// Builds the kernel for `format` and `mode`. Cheap and branch-light so
    /// that compile-time formats fold it to constants.
    @inlinable @inline(__always)
    public init(format: FloatFormat, mode: RoundingMode) {
        self.init(constants: FormatConstants(format), mode: mode)
    }

    /// Builds the kernel from a format's precomputed constants: a few
    /// selects, so a run-time format with a compile-time mode costs almost
    /// nothing per operation.
    @inlinable @inline(__always)
    public init(constants c: FormatConstants, mode: RoundingMode) {
        constants = c
        self.mode = mode
        switch mode {
        case .nearestEven: modeCode = 0
        case .nearestAway: modeCode = 1
        case .nearestTowardZero: modeCode = 2
        case .up: modeCode = 3
        case .down: modeCode = 4
        case .towardZero: modeCode = 5
        case .odd: modeCode = 6
        case .stochastic(nil): modeCode = 7
        case .stochastic: modeCode = 8
        case .stochasticHalf: modeCode = 9
        }
        // With saturation every overflow gives xmax; otherwise IEEE 754 §7.4.
        let xmax = c.greatestFiniteBits, big = c.infinityBits
        switch mode {
        case .towardZero, .odd: overflowPositiveBits = xmax; overflowNegativeBits = xmax
        case .up: overflowPositiveBits = big; overflowNegativeBits = xmax
        case .down: overflowPositiveBits = xmax; overflowNegativeBits = big
        default: overflowPositiveBits = big; overflowNegativeBits = big
        }
        if case .stochastic(let r?) = mode {
            stochasticBits = UInt64(Swift.max(1, Swift.min(r, 53 - c.precision)))
        } else {
            stochasticBits = 0
        }
        needsResidual = !((modeCode <= 2 && c.nearestSkipsResidual) || (modeCode == 7 && c.stochasticSkipsResidual))
    }

    /// Whether the mode consumes random bits.
    @inlinable public var needsRandomBits: Bool { modeCode >= 7 }

    /// Rounds `x` (a `Double`, exact) into the format.
    ///
    /// - Parameters:
    ///   - x: the value to round; ±0, ±∞ and NaN are handled as described
    ///     in ``RoundingKernel``.
    ///   - random: 64 uniformly distributed bits, used by the
    ///     stochastic modes only.
    /// - Returns: the rounded value, exactly representable in binary64.
    @inlinable @inline(__always)
    public func round(_ x: Double, random: UInt64 = 0) -> Double {
        roundExact(x, residual: 0, random: random).value
    }

    /// Rounds the exact value `x + residual` into the format, once.
    ///
    /// `x` must be the binary64 rounding to nearest of the exact value and
    /// `residual` the exact (or, for its sign and tie status, faithfully
    /// represented) difference, as produced by TwoSum, TwoProduct (FMA) or the
    /// division and square-root remainders. The result is correctly rounded
    /// for every mode; stochastic probabilities are resolved to `2^−(54−p)`.
    /// - Returns: the rounded value and whether it overflowed (the
    ///   unbounded-exponent result exceeded xmax).
    @inlinable @inline(__always)
    public func roundExact(_ x: Double, residual r: Double, random: UInt64) -> (value: Double, overflowed: Bool) {
        if let y = roundInterior(x, residual: r, random: random) { return (y, false) }
        return roundGeneral(x, residual: r, random: random)
    }

    /// The common case of ``roundExact(_:residual:random:)``: `x` is zero or
    /// strictly inside `(xmin, xmax)`, where neither the subnormal shift nor
    /// overflow nor special values can occur — a handful of integer
    /// operations. Returns nil for every other `x` (and for `p = 53`), which
    /// the caller hands to ``roundGeneral(_:residual:random:)``, ideally out
    /// of line.
    @inlinable @inline(__always)
    public func roundInterior(_ x: Double, residual r: Double, random: UInt64) -> Double? {
        let bits = x.bitPattern
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        // Zero (exact, so no residual) is common in real code and rounds to itself.
        guard magnitudeBits &- constants.interiorLowBits < constants.interiorWidth
                || magnitudeBits == 0 else { return nil }
        switch modeCode {
        case 0: return interior(bits, r, random, NearestEvenStep.self)
        case 1: return interior(bits, r, random, NearestAwayStep.self)
        case 2: return interior(bits, r, random, NearestTowardZeroStep.self)
        case 3: return interior(bits, r, random, UpStep.self)
        case 4: return interior(bits, r, random, DownStep.self)
        case 5: return interior(bits, r, random, TowardZeroStep.self)
        case 6: return interior(bits, r, random, OddStep.self)
        case 7: return interior(bits, r, random, StochasticStep.self)
        case 8: return interior(bits, r, random, FewBitStochasticStep.self)
        default: return interior(bits, r, random, HalfStochasticStep.self)
        }
    }

    @inlinable @inline(__always)
    func interior<S: RoundingStep>(_ bits: UInt64, _ r: Double, _ random: UInt64, _ step: S.Type) -> Double {
        let signBit = bits & 0x8000_0000_0000_0000
        // The residual seen from the magnitude is below zero when its sign
        // differs from x's. Written with `r != 0` first so that a literal zero
        // residual (exact-result paths) folds both bits away at compile time.
        let sticky: UInt64 = r != 0 ? 1 : 0
        let below = sticky & ((r.bitPattern ^ signBit) >> 63)
        let a = (((bits & 0x7FFF_FFFF_FFFF_FFFF) &- below) &<< 1) | sticky
        let rounded: UInt64 = S.apply(a, shift: shift, mask: mask, signBit: signBit, random: random, fewBits: stochasticBits)
        return Double(bitPattern: (rounded &>> 1) | signBit)
    }

    /// Every case: `p = 53`, the subnormal range, overflow, ±∞ and NaN.
    @inlinable
    public func roundGeneral(_ x: Double, residual r: Double, random: UInt64) -> (value: Double, overflowed: Bool) {
        if fullPrecision { return roundFullPrecision(x, residual: r, random: random) }
        switch modeCode {
        case 0: return roundBranchFree(x, r, random, NearestEvenStep.self)
        case 1: return roundBranchFree(x, r, random, NearestAwayStep.self)
        case 2: return roundBranchFree(x, r, random, NearestTowardZeroStep.self)
        case 3: return roundBranchFree(x, r, random, UpStep.self)
        case 4: return roundBranchFree(x, r, random, DownStep.self)
        case 5: return roundBranchFree(x, r, random, TowardZeroStep.self)
        case 6: return roundBranchFree(x, r, random, OddStep.self)
        case 7: return roundBranchFree(x, r, random, StochasticStep.self)
        case 8: return roundBranchFree(x, r, random, FewBitStochasticStep.self)
        default: return roundBranchFree(x, r, random, HalfStochasticStep.self)
        }
    }

    /// The whole kernel without branches (for vectorized array loops, and
    /// for the scalar path's rare cases: subnormal range, overflow, ±0, ∞, NaN).
    @inlinable @inline(__always)
    func roundBranchFree<S: RoundingStep>(_ x: Double, _ r: Double, _ random: UInt64, _ step: S.Type) -> (value: Double, overflowed: Bool) {
        let bits = x.bitPattern
        let signBit = bits & 0x8000_0000_0000_0000
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        let ax = Double(bitPattern: magnitudeBits)
        // Residual seen from the magnitude: flip its sign with x's.
        let rm = Double(bitPattern: r.bitPattern ^ signBit)
        // Below xmin the spacing is constant: shift into [C, 2C) and recover
        // the error of that shift exactly (C ≥ |x|, so Fast2Sum applies).
        let tiny = ax < leastNormal || (ax == leastNormal && rm < 0)
        let c = tiny ? offset : 0
        let z = ax + c
        let r2 = ax - (z - c)
        let rt = r2 + rm
        let below: UInt64 = rt < 0 ? 1 : 0
        let sticky: UInt64 = rt != 0 ? 1 : 0
        let a = ((z.bitPattern &- below) &<< 1) | sticky
        let rounded: UInt64 = S.apply(a, shift: shift, mask: mask, signBit: signBit, random: random, fewBits: stochasticBits)
        let y = Double(bitPattern: rounded &>> 1) - c
        var yBits = y.bitPattern
        let overflowed = yBits > greatestFiniteBits && magnitudeBits < 0x7FF0_0000_0000_0000
        yBits = overflowed ? (signBit == 0 ? overflowPositiveBits : overflowNegativeBits) : yBits
        // NaN keeps its payload; ±∞ follows the overflow policy.
        let special = magnitudeBits == 0x7FF0_0000_0000_0000 ? infinityBits : magnitudeBits
        yBits = magnitudeBits >= 0x7FF0_0000_0000_0000 ? special : yBits
        return (Double(bitPattern: yBits | signBit), overflowed)
    }

    /// Overflow result for an exact value of the given sign too large for
    /// binary64 itself (an emulated operation whose binary64 head overflowed).
    @inlinable
    public func overflowValue(negative: Bool) -> Double {
        negative ? -Double(bitPattern: overflowNegativeBits) : Double(bitPattern: overflowPositiveBits)
    }
}
