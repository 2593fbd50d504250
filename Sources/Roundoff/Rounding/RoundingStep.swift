/// The mode-specific part of the kernel: given the widened magnitude pattern
/// `a = 2A + sticky` and the shift `s` that clears the discarded bits
/// (`mask = 2^s − 1`), return the rounded pattern (low `s` bits zero).
/// Each is a few integer operations with no branch; a generic loop over a
/// step type compiles to a straight-line, vectorizable body.
@usableFromInline
protocol RoundingStep {
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W
}

/// The integer operations a step needs, for one `UInt64` (scalar path) or a
/// SIMD vector of them (array path): the same step code serves both.
@usableFromInline
protocol RoundingWord {
    init(repeating: UInt64)
    static func &+ (a: Self, b: Self) -> Self
    static func &- (a: Self, b: Self) -> Self
    static func & (a: Self, b: Self) -> Self
    static func | (a: Self, b: Self) -> Self
    static prefix func ~ (a: Self) -> Self
    static func &>> (a: Self, b: UInt64) -> Self
    static func &<< (a: Self, b: UInt64) -> Self
}

extension UInt64: RoundingWord {
    @inlinable @inline(__always) init(repeating v: UInt64) { self = v }
}
extension SIMD2: RoundingWord where Scalar == UInt64 {}
extension SIMD4: RoundingWord where Scalar == UInt64 {}

/// rne: add half − 1 plus the kept parity, truncate.
@usableFromInline enum NearestEvenStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        (a &+ ((mask &>> 1) &+ ((a &>> s) & W(repeating: 1)))) & ~mask
    }
}

/// rna: add half, truncate.
@usableFromInline enum NearestAwayStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        (a &+ ((mask &>> 1) &+ W(repeating: 1))) & ~mask
    }
}

/// rnz: add half − 1, truncate.
@usableFromInline enum NearestTowardZeroStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        (a &+ (mask &>> 1)) & ~mask
    }
}

/// rz: truncate.
@usableFromInline enum TowardZeroStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        a & ~mask
    }
}

/// ru: add mask (round the magnitude up) for positives only.
@usableFromInline enum UpStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        // signBit >> 63 is 0 or 1; (1 − that) · mask without a branch.
        (a &+ (mask & ((signBit &>> 63) &- W(repeating: 1)))) & ~mask
    }
}

/// rd: add mask for negatives only.
@usableFromInline enum DownStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        (a &+ (mask & (W(repeating: 0) &- (signBit &>> 63)))) & ~mask
    }
}

/// ro: truncate, then set the last kept bit if anything was discarded.
@usableFromInline enum OddStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        let inexact = ((a & mask) &+ mask) &>> s
        return ((a &>> s) | inexact) &<< s
    }
}

/// sr: add `s` uniform random bits; the carry happens with probability
/// (discarded part)/2^s.
@usableFromInline enum StochasticStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        (a &+ (random &>> (64 &- s))) & ~mask
    }
}

/// sr with R bits: keep the first R discarded bits, add R random bits.
@usableFromInline enum FewBitStochasticStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        let top = a &>> (s &- fewBits)
        return ((top &+ (random &>> (64 &- fewBits))) &>> fewBits) &<< s
    }
}

/// sr-half: round up with probability 1/2 when inexact.
@usableFromInline enum HalfStochasticStep: RoundingStep {
    @inlinable @inline(__always)
    static func apply<W: RoundingWord>(_ a: W, shift s: UInt64, mask: W, signBit: W, random: W, fewBits: UInt64) -> W {
        let inexact = ((a & mask) &+ mask) &>> s
        return (a & ~mask) &+ ((inexact & (random &>> 63)) &<< s)
    }
}
