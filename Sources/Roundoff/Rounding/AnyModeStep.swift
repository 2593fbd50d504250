/// Every rounding mode as one branch-free formula with per-mode constants,
/// for when the mode is only known at run time: one inlined copy of this
/// replaces a ten-way switch over the ten specialised per-mode steps of
/// ``RoundingKernel`` in every emulated operation. Its result is bit for bit
/// that of ``RoundingKernel/roundInterior(_:residual:random:)`` for the same
/// kernel.
///
/// With `a` the widened pattern, `s` the shift and `mask = 2^s − 1`:
///
///     addend  = base + parity·[rne] + (negative ? negAdd : posAdd)
///             + ((random >> randShift) · randMul) & randMask
///     rounded = ((a & ~truncMask) + addend) & ~mask  |  odd·[ro]·2^s
///
/// | mode | constants |
/// |---|---|
/// | rne | base = half − 1, parityMask = 1 |
/// | rna / rnz | base = half / half − 1 |
/// | rz | all zero |
/// | ru / rd | posAdd / negAdd = mask |
/// | ro | oddMask = 1 (set the last bit when inexact) |
/// | sr | randShift = 64 − s, randMul = 1, randMask = mask |
/// | sr:R | as sr, but truncMask = randMask's complement below the R-bit window |
/// | sr-half | randShift = 63, randMul = mask (a random 0 or mask) |
@frozen
public struct AnyModeStep: Sendable {
    @usableFromInline let base: UInt64
    @usableFromInline let parityMask: UInt64
    @usableFromInline let positiveAddend: UInt64
    @usableFromInline let negativeAddend: UInt64
    @usableFromInline let randomShift: UInt64
    @usableFromInline let randomMultiplier: UInt64
    @usableFromInline let randomMask: UInt64
    @usableFromInline let truncationMask: UInt64
    @usableFromInline let oddMask: UInt64

    /// The constants for `kernel`'s mode.
    @inlinable
    public init(_ kernel: RoundingKernel) {
        self.init(modeCode: kernel.modeCode, shift: kernel.shift, fewBits: kernel.stochasticBits)
    }

    @inlinable
    init(modeCode: UInt8, shift s: UInt64, fewBits: UInt64) {
        let mask = (UInt64(1) << s) &- 1
        let half = UInt64(1) << (s - 1)
        var base: UInt64 = 0, parity: UInt64 = 0, pos: UInt64 = 0, neg: UInt64 = 0
        var rShift: UInt64 = 0, rMul: UInt64 = 0, rMask: UInt64 = 0, trunc: UInt64 = 0, odd: UInt64 = 0
        switch modeCode {
        case 0: base = half &- 1; parity = 1
        case 1: base = half
        case 2: base = half &- 1
        case 3: pos = mask
        case 4: neg = mask
        case 5: break
        case 6: odd = 1
        case 7: rShift = 64 &- s; rMul = 1; rMask = mask
        case 8:
            let low = (UInt64(1) << (s &- fewBits)) &- 1
            rShift = 64 &- s; rMul = 1; rMask = mask & ~low; trunc = low
        default: rShift = 63; rMul = mask; rMask = mask
        }
        self.base = base; parityMask = parity; positiveAddend = pos; negativeAddend = neg
        randomShift = rShift; randomMultiplier = rMul; randomMask = rMask; truncationMask = trunc; oddMask = odd
    }

    @inlinable @inline(__always)
    func apply(_ a: UInt64, shift s: UInt64, mask: UInt64, signBit: UInt64, random: UInt64) -> UInt64 {
        let negative = 0 &- (signBit &>> 63)
        let signAddend = (positiveAddend & ~negative) | (negativeAddend & negative)
        let addend = base &+ ((a &>> s) & parityMask) &+ signAddend
            &+ (((random &>> randomShift) &* randomMultiplier) & randomMask)
        let odd = ((((a & mask) &+ mask) &>> s) & oddMask) &<< s
        return (((a & ~truncationMask) &+ addend) & ~mask) | odd
    }
}

extension RoundingKernel {
    /// ``roundInterior(_:residual:random:)`` through ``AnyModeStep``: the same
    /// result with no switch on the mode, for run-time chosen modes.
    @inlinable @inline(__always)
    public func roundInteriorAnyMode(_ x: Double, residual r: Double, random: UInt64, step anyMode: AnyModeStep) -> Double? {
        let bits = x.bitPattern
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        guard magnitudeBits &- constants.interiorLowBits < constants.interiorWidth
                || magnitudeBits == 0 else { return nil }
        let signBit = bits & 0x8000_0000_0000_0000
        // The residual seen from the magnitude is below zero when its sign
        // differs from x's. Written with `r != 0` first so that a literal zero
        // residual (exact-result paths) folds both bits away at compile time.
        let sticky: UInt64 = r != 0 ? 1 : 0
        let below = sticky & ((r.bitPattern ^ signBit) >> 63)
        let a = ((magnitudeBits &- below) &<< 1) | sticky
        let rounded = anyMode.apply(a, shift: shift, mask: mask, signBit: signBit, random: random)
        return Double(bitPattern: (rounded &>> 1) | signBit)
    }
}
