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
    /// The mode this kernel applies.
    public let mode: RoundingMode
    /// Shift that clears the discarded bits of `A₂` (`54 − p`), and its mask.
    @usableFromInline let shift: UInt64
    @usableFromInline let mask: UInt64
    /// The mode as a small integer, switched on once per operation (cheaper
    /// than matching the enum with its payload).
    @usableFromInline let modeCode: UInt8
    /// `2^emin`.
    @usableFromInline let leastNormal: Double
    /// The offset `C` used below `xmin`.
    @usableFromInline let offset: Double
    /// Bit pattern of `xmax`.
    @usableFromInline let greatestFiniteBits: UInt64
    /// Magnitude bits returned when a positive (resp. negative) value overflows.
    @usableFromInline let overflowPositiveBits: UInt64
    @usableFromInline let overflowNegativeBits: UInt64
    /// Magnitude bits for an infinite input: ∞ (`ieee`) or xmax (`saturate`).
    @usableFromInline let infinityBits: UInt64
    /// Random bits used by few-bit stochastic rounding (`min(R, 53 − p)`).
    @usableFromInline let stochasticBits: UInt64
    /// `p == 53`: take the exact comparison path.
    @usableFromInline let fullPrecision: Bool
    /// Round-to-nearest with `p ≤ 25`: double rounding through binary64 is
    /// innocuous for `+ − × ÷ √` (53 ≥ 2p + 2; Figueroa 1995), so those
    /// operations need no residual.
    public let binary64IsInnocuous: Bool
    /// `p ≤ 26`: binary64 multiplies two values of the format exactly.
    public let productsAreExact: Bool
    /// `emax ≥ 511`: a product or sum of finite values can overflow binary64
    /// itself, so the arithmetic must map that to the mode's overflow value.
    public let binary64CanOverflow: Bool

    /// Builds the kernel for `format` and `mode`. Cheap and branch-light so
    /// that compile-time formats fold it to constants.
    @inlinable @inline(__always)
    public init(format: FloatFormat, mode: RoundingMode) {
        let p = format.precision
        self.mode = mode
        shift = UInt64(54 - p)
        mask = (UInt64(1) << UInt64(54 - p)) &- 1
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
        fullPrecision = p == 53
        binary64IsInnocuous = mode.isNearest && p <= 25
        productsAreExact = p <= 26
        binary64CanOverflow = format.maxExponent >= 511
        leastNormal = Double(bitPattern: UInt64(truncatingIfNeeded: format.minExponent + 1023) << 52)
        let offsetExponent = format.minExponent + (format.hasSubnormals ? 0 : p - 1)
        offset = Double(bitPattern: UInt64(truncatingIfNeeded: offsetExponent + 1023) << 52)
        let xmax = format.greatestFiniteMagnitude.bitPattern
        greatestFiniteBits = xmax
        let inf = Double.infinity.bitPattern
        if format.overflow == .saturate {
            overflowPositiveBits = xmax
            overflowNegativeBits = xmax
            infinityBits = xmax
        } else {
            infinityBits = inf
            switch mode {
            case .towardZero, .odd:
                overflowPositiveBits = xmax; overflowNegativeBits = xmax
            case .up:
                overflowPositiveBits = inf; overflowNegativeBits = xmax
            case .down:
                overflowPositiveBits = xmax; overflowNegativeBits = inf
            default:
                overflowPositiveBits = inf; overflowNegativeBits = inf
            }
        }
        if case .stochastic(let r?) = mode {
            stochasticBits = UInt64(Swift.max(1, Swift.min(r, 53 - p)))
        } else {
            stochasticBits = 0
        }
    }

    /// Whether the mode consumes random bits.
    @inlinable public var needsRandomBits: Bool { modeCode >= 7 }

    /// Rounds `x` (a `Double`, exact) into the format.
    ///
    /// - Parameter random: 64 uniformly distributed bits, used by the
    ///   stochastic modes only.
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
        if fullPrecision { return roundFullPrecision(x, residual: r, random: random) }
        switch modeCode {
        case 0: return roundFast(x, r, random, NearestEvenStep.self)
        case 1: return roundFast(x, r, random, NearestAwayStep.self)
        case 2: return roundFast(x, r, random, NearestTowardZeroStep.self)
        case 3: return roundFast(x, r, random, UpStep.self)
        case 4: return roundFast(x, r, random, DownStep.self)
        case 5: return roundFast(x, r, random, TowardZeroStep.self)
        case 6: return roundFast(x, r, random, OddStep.self)
        case 7: return roundFast(x, r, random, StochasticStep.self)
        case 8: return roundFast(x, r, random, FewBitStochasticStep.self)
        default: return roundFast(x, r, random, HalfStochasticStep.self)
        }
    }

    /// Scalar path: a value strictly inside `(xmin, xmax)` (the common case)
    /// needs neither the subnormal shift nor the overflow and special-value
    /// selects, so it takes one well-predicted branch and a handful of
    /// integer operations.
    @inlinable @inline(__always)
    func roundFast<S: RoundingStep>(_ x: Double, _ r: Double, _ random: UInt64, _ step: S.Type) -> (value: Double, overflowed: Bool) {
        let bits = x.bitPattern
        let signBit = bits & 0x8000_0000_0000_0000
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        let leastNormalBits = leastNormal.bitPattern
        if magnitudeBits &- (leastNormalBits &+ 1) < greatestFiniteBits &- (leastNormalBits &+ 1) {
            let rm = Double(bitPattern: r.bitPattern ^ signBit)
            let below: UInt64 = rm < 0 ? 1 : 0
            let sticky: UInt64 = rm != 0 ? 1 : 0
            let a = ((magnitudeBits &- below) &<< 1) | sticky
            let rounded: UInt64 = S.apply(a, shift: shift, mask: mask, signBit: signBit, random: random, fewBits: stochasticBits)
            return (Double(bitPattern: (rounded &>> 1) | signBit), false)
        }
        return roundOutOfLine(x, r, random, S.self)
    }

    /// The rare cases of the scalar path, kept out of line so that every
    /// emulated operation inlines only the short common path.
    @inline(never) @usableFromInline
    func roundOutOfLine<S: RoundingStep>(_ x: Double, _ r: Double, _ random: UInt64, _ step: S.Type) -> (value: Double, overflowed: Bool) {
        roundBranchFree(x, r, random, S.self)
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
