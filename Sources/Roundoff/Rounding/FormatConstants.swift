/// The constants of a format that the rounding kernel uses, derived once
/// from a ``FloatFormat``: a plain value of integers and doubles, so a
/// run-time format can sit in thread-local storage and a compile-time one
/// folds to immediates.
@frozen
public struct FormatConstants: Sendable {
    /// `p`.
    public let precision: Int
    /// Shift that clears the discarded bits of the widened pattern `2A + sticky` (`54 − p`), and its mask.
    @usableFromInline let shift: UInt64
    @usableFromInline let mask: UInt64
    /// `2^emin`.
    @usableFromInline let leastNormal: Double
    /// The offset `C` added below `xmin` (see ``RoundingKernel``).
    @usableFromInline let offset: Double
    /// Bit pattern of `xmax`.
    @usableFromInline let greatestFiniteBits: UInt64
    /// Magnitude for ±∞ inputs and for "to infinity" overflow: ∞ (`ieee`) or
    /// xmax (`saturate`).
    @usableFromInline let infinityBits: UInt64
    /// `p == 53`: the exact comparison path.
    @usableFromInline let fullPrecision: Bool
    /// Bit patterns bounding the interior fast path, `(xmin, xmax)`
    /// exclusive; an empty range for `p = 53`, which has no such path. One
    /// unsigned comparison then decides, with no separate precision check.
    @usableFromInline let interiorLowBits: UInt64
    @usableFromInline let interiorWidth: UInt64
    /// `p ≤ 26` and no binary64 underflow: binary64 multiplies two values of
    /// the format exactly.
    @usableFromInline let productsAreExact: Bool
    /// `emax ≥ 511`: a product or sum of finite values can overflow binary64.
    @usableFromInline let binary64CanOverflow: Bool
    /// `emin − p + 1 < −900`: results near the format's subnormal range can
    /// fall where binary64 loses the residual of `× ÷ √` to underflow, so
    /// those operations rescale (binary64 itself and formats of its range).
    @usableFromInline let binary64CanUnderflow: Bool
    /// `p ≤ 25` (round-to-nearest needs no residual) and `p ≤ 52` (full
    /// `sr` needs none); see ``RoundingKernel/needsResidual``.
    @usableFromInline let nearestSkipsResidual: Bool
    @usableFromInline let stochasticSkipsResidual: Bool

    /// The constants of `format` (its precision, subnormal switch,
    /// `xmin`, `xmax` and overflow policy; the encoding facts
    /// ``FloatFormat/hasInfinity`` and ``FloatFormat/hasNaN`` play no part).
    @inlinable @inline(__always)
    public init(_ format: FloatFormat) {
        let p = format.precision
        precision = p
        shift = UInt64(54 - p)
        mask = (UInt64(1) << UInt64(54 - p)) &- 1
        leastNormal = Double(bitPattern: UInt64(truncatingIfNeeded: format.minExponent + 1023) << 52)
        let offsetExponent = format.minExponent + (format.hasSubnormals ? 0 : p - 1)
        offset = Double(bitPattern: UInt64(truncatingIfNeeded: offsetExponent + 1023) << 52)
        greatestFiniteBits = format.greatestFiniteMagnitude.bitPattern
        infinityBits = format.overflow == .saturate ? greatestFiniteBits : Double.infinity.bitPattern
        fullPrecision = p == 53
        interiorLowBits = leastNormal.bitPattern &+ 1
        interiorWidth = p == 53 ? 0 : greatestFiniteBits &- interiorLowBits
        // Two p-bit values multiply exactly when 2p ≤ 53 and the product's
        // last bit, at least 2^(2(emin−p+1)), is not below binary64's 2^−1074.
        productsAreExact = p <= 26 && 2 * (format.minExponent - p + 1) >= -1074
        binary64CanOverflow = format.maxExponent >= 511
        binary64CanUnderflow = format.minExponent - p + 1 < -900
        nearestSkipsResidual = p <= 25
        stochasticSkipsResidual = p <= 52
    }

    /// The constants of the format scaled by `2^e` (every value multiplied
    /// by `2^e`): rounding `x·2^e` with these and scaling back by `2^−e` is
    /// rounding `x`. Used to round exact results beyond binary64's range;
    /// `e` must keep `xmax·2^e` finite.
    @inlinable
    public func scaled(byPowerOfTwo e: Int) -> FormatConstants {
        var c = self
        c.rescale(e)
        return c
    }

    @inlinable
    mutating func rescale(_ e: Int) {
        let xmax = Double(bitPattern: greatestFiniteBits) * Double(sign: .plus, exponent: e, significand: 1)
        let saturates = infinityBits == greatestFiniteBits
        self = FormatConstants(
            precision: precision, shift: shift, mask: mask,
            leastNormal: Double(sign: .plus, exponent: e, significand: leastNormal),
            offset: Double(sign: .plus, exponent: e, significand: offset),
            greatestFiniteBits: xmax.bitPattern,
            infinityBits: saturates ? xmax.bitPattern : Double.infinity.bitPattern,
            fullPrecision: fullPrecision, productsAreExact: productsAreExact, binary64CanOverflow: binary64CanOverflow,
            binary64CanUnderflow: binary64CanUnderflow,
            nearestSkipsResidual: nearestSkipsResidual, stochasticSkipsResidual: stochasticSkipsResidual)
    }

    @inlinable
    init(precision: Int, shift: UInt64, mask: UInt64, leastNormal: Double, offset: Double,
         greatestFiniteBits: UInt64, infinityBits: UInt64, fullPrecision: Bool, productsAreExact: Bool,
         binary64CanOverflow: Bool, binary64CanUnderflow: Bool, nearestSkipsResidual: Bool, stochasticSkipsResidual: Bool) {
        self.precision = precision; self.shift = shift; self.mask = mask
        self.leastNormal = leastNormal; self.offset = offset
        self.greatestFiniteBits = greatestFiniteBits; self.infinityBits = infinityBits
        self.fullPrecision = fullPrecision; self.productsAreExact = productsAreExact
        interiorLowBits = leastNormal.bitPattern &+ 1
        interiorWidth = fullPrecision ? 0 : greatestFiniteBits &- interiorLowBits
        self.binary64CanOverflow = binary64CanOverflow
        self.binary64CanUnderflow = binary64CanUnderflow
        self.nearestSkipsResidual = nearestSkipsResidual
        self.stochasticSkipsResidual = stochasticSkipsResidual
    }
}
