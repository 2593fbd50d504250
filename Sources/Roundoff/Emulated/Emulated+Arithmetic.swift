// Each operation inlines only its common path: the binary64 result, its
// residual where it is cheap (TwoSum) and needed, and the kernel's interior
// rounding. Residuals that need an FMA (a library call on baseline x86-64)
// and results beyond binary64's range are handled out of line.

extension Emulated: AdditiveArithmetic {
    /// Zero.
    @inlinable public static var zero: Self { Self(uncheckedValue: 0) }

    /// `a + b`, correctly rounded.
    @inlinable @inline(__always)
    public static func + (a: Self, b: Self) -> Self {
        let s = a.value + b.value
        let k = kernel
        if !s.isFinite && k.binary64CanOverflow { return sumBeyondBinary64(a.value, b.value) }
        // Binary64's exact zero has the right sign in every mode but rd.
        if case .down = k.mode, s == 0 { return Self(uncheckedValue: exactZeroSum(a.value, b.value, k.mode)) }
        if !k.needsResidual { return rounding(s) }
        return rounding(s, residual: ExactResidual.sum(a.value, b.value, s))
    }

    /// The sign of an exactly zero sum (IEEE 754 §6.3): the operands' common
    /// sign if they share it, else −0 under `rd` and +0 otherwise. Binary64
    /// computes it for round-to-nearest only.
    @inlinable @inline(__always)
    static func exactZeroSum(_ a: Double, _ b: Double, _ mode: RoundingMode) -> Double {
        if a.sign == b.sign && a == 0 { return a }
        if case .down = mode { return -0.0 }
        return 0.0
    }

    /// `a − b`, correctly rounded.
    @inlinable @inline(__always)
    public static func - (a: Self, b: Self) -> Self { a + Self(uncheckedValue: -b.value) }

    /// Replaces `a` by `a + b`, correctly rounded (see ``+(_:_:)``).
    @inlinable @inline(__always)
    public static func += (a: inout Self, b: Self) { a = a + b }

    /// Replaces `a` by `a − b`, correctly rounded (see ``-(_:_:)``).
    @inlinable @inline(__always)
    public static func -= (a: inout Self, b: Self) { a = a - b }
}

extension Emulated: Numeric {
    /// The absolute value (exact).
    public typealias Magnitude = Self

    /// `|x|`, exact.
    @inlinable public var magnitude: Self { Self(uncheckedValue: value.magnitude) }

    /// The integer if it is a value of the format, else nil.
    @inlinable
    public init?<T: BinaryInteger>(exactly source: T) {
        guard let d = Double(exactly: source) else { return nil }
        let r = Self.kernel.round(d)
        guard r == d else { return nil }
        self.init(uncheckedValue: d)
    }

    /// `a × b`, correctly rounded.
    @inlinable @inline(__always)
    public static func * (a: Self, b: Self) -> Self {
        let p = a.value * b.value
        let k = kernel
        if (k.productsAreExact || !k.needsResidual) && (p.isFinite || !k.binary64CanOverflow)
            && (p.magnitude >= residualUnderflow || p == 0 || !k.constants.binary64CanUnderflow) {
            return rounding(p)
        }
        return productCarefully(a.value, b.value)
    }

    /// Replaces `a` by `a × b`, correctly rounded (see ``*(_:_:)``).
    @inlinable @inline(__always)
    public static func *= (a: inout Self, b: Self) { a = a * b }
}

extension Emulated: SignedNumeric {
    /// `−x`, exact (formats are sign-symmetric).
    @inlinable @inline(__always)
    public static prefix func - (x: Self) -> Self { Self(uncheckedValue: -x.value) }

    /// Flips the sign, exactly (NaN included); draws no random bits.
    @inlinable @inline(__always)
    public mutating func negate() { value = -value }
}

extension Emulated {
    /// `a ÷ b`, correctly rounded.
    @inlinable @inline(__always)
    public static func / (a: Self, b: Self) -> Self {
        let q = a.value / b.value
        let k = kernel
        if !k.needsResidual && (q.isFinite || !k.binary64CanOverflow)
            && (q.magnitude >= residualUnderflow || !k.constants.binary64CanUnderflow) { return rounding(q) }
        return quotientCarefully(a.value, b.value)
    }

    /// Replaces `a` by `a ÷ b`, correctly rounded (see ``/(_:_:)``).
    @inlinable @inline(__always)
    public static func /= (a: inout Self, b: Self) { a = a / b }

    /// `√x`, correctly rounded.
    @inlinable @inline(__always)
    public func squareRoot() -> Self {
        let s = value.squareRoot()
        let k = Self.kernel
        if (!k.needsResidual && !k.constants.binary64CanUnderflow) || !s.isFinite || s == 0 { return Self.rounding(s) }
        return Self.squareRootWithResidual(value, s)
    }

    /// Replaces the value by its square root, correctly rounded (see
    /// ``squareRoot()``).
    @inlinable @inline(__always)
    public mutating func formSquareRoot() { self = squareRoot() }

    /// `self + a·b` with one rounding (fused multiply-add), correctly rounded.
    @inlinable @inline(__always)
    public func addingProduct(_ a: Self, _ b: Self) -> Self {
        let k = Self.kernel
        if k.productsAreExact {
            // a·b is exact in binary64, so TwoSum recovers the whole error.
            let p = a.value * b.value
            let s = p + value
            if !s.isFinite && k.binary64CanOverflow { return Self.fusedCarefully(a.value, b.value, value) }
            if case .down = k.mode, s == 0 { return Self(uncheckedValue: Self.exactZeroSum(p, value, k.mode)) }
            return Self.rounding(s, residual: ExactResidual.sum(p, value, s))
        }
        return Self.fusedCarefully(a.value, b.value, value)
    }

    /// Replaces the value by `self + a·b` rounded once (see
    /// ``addingProduct(_:_:)``).
    @inlinable @inline(__always)
    public mutating func addProduct(_ a: Self, _ b: Self) { self = addingProduct(a, b) }

    // MARK: Out-of-line cases

    /// Rounds the exact value `(head + residual)·4` where `head + residual`
    /// was computed from operands divided by 4: used when the binary64 result
    /// itself overflowed, so the exact value is still compared correctly with
    /// xmax (e.g. `rnz(xmax + ulp/2) = xmax`, stochastic modes may round down).
    @inline(never) @usableFromInline
    static func roundingQuartered(_ head: Double, _ residual: Double) -> Self {
        roundingScaled(head, residual, by: -2)
    }

    /// Rounds the exact value `(head + residual)·2^−e`, where `head +
    /// residual` was computed from operands scaled by `2^e`, with the
    /// format's constants scaled by `2^e` too; the rounded value is scaled
    /// back exactly. This keeps the binary64 head and its residual inside
    /// binary64's range when the unscaled ones would overflow (`e < 0`) or
    /// lose the residual to underflow (`e > 0`).
    @inline(never) @usableFromInline
    static func roundingScaled(_ head: Double, _ residual: Double, by e: Int) -> Self {
        let k = kernel
        let scaled = RoundingKernel(constants: k.constants.scaled(byPowerOfTwo: e), mode: k.mode)
        let random = k.needsRandomBits ? RoundingContext.nextRandomBits() : 0
        let (y, overflowed) = scaled.roundExact(head, residual: residual, random: random)
        let back = Double(sign: .plus, exponent: -e, significand: 1)
        if RoundingContext.isCountingEvents { record(head * back, y * back, overflowed) }
        return Self(uncheckedValue: y * back)
    }

    /// Binary64 results below this lose their exact residual to underflow.
    @usableFromInline static var residualUnderflow: Double { 0x1p-968 }

    /// An exact nonzero result of the given sign far below every format's
    /// smallest subnormal: it rounds like any value in `(0, 2^−1074)`.
    @usableFromInline
    static func roundingFarBelow(negative: Bool) -> Self {
        let k = kernel
        let random = k.needsRandomBits ? RoundingContext.nextRandomBits() : 0
        let zero = negative ? -0.0 : 0.0
        let tiny = negative ? -Double.leastNonzeroMagnitude : Double.leastNonzeroMagnitude
        let (y, overflowed) = k.roundGeneral(zero, residual: tiny, random: random)
        if RoundingContext.isCountingEvents { record(tiny, y, overflowed) }
        return Self(uncheckedValue: y)
    }

    /// The mode's overflow value for an exact result far beyond xmax.
    @usableFromInline
    static func overflowing(negative: Bool) -> Self {
        let y = kernel.overflowValue(negative: negative)
        if RoundingContext.isCountingEvents { record(negative ? -.infinity : .infinity, y, true) }
        return Self(uncheckedValue: y)
    }

    @inline(never) @usableFromInline
    static func sumBeyondBinary64(_ a: Double, _ b: Double) -> Self {
        guard a.isFinite && b.isFinite else { return rounding(a + b) }
        let (qa, qb) = (a / 4, b / 4)
        let s = qa + qb
        return roundingQuartered(s, ExactResidual.sum(qa, qb, s))
    }

    @inline(never) @usableFromInline
    static func productCarefully(_ a: Double, _ b: Double) -> Self {
        let p = a * b
        if !p.isFinite && a.isFinite && b.isFinite {
            let qa = a / 4
            let q = qa * b
            // Still beyond binary64 at a quarter: far past every xmax.
            if !q.isFinite { return overflowing(negative: q < 0) }
            return roundingQuartered(q, ExactResidual.product(qa, b, q))
        }
        if p.magnitude < residualUnderflow && a != 0 && b != 0 && a.isFinite && b.isFinite
            && kernel.constants.binary64CanUnderflow {
            // Scale a up so the product and its residual are representable.
            let scaledProduct = (a * 0x1p600) * b
            if scaledProduct.magnitude < residualUnderflow { return roundingFarBelow(negative: (a < 0) != (b < 0)) }
            return roundingScaled(scaledProduct, ExactResidual.product(a * 0x1p600, b, scaledProduct), by: 600)
        }
        if !p.isFinite || p == 0 { return rounding(p) }
        return rounding(p, residual: ExactResidual.product(a, b, p))
    }

    @inline(never) @usableFromInline
    static func quotientCarefully(_ a: Double, _ b: Double) -> Self {
        let q = a / b
        if !q.isFinite && a.isFinite && b.isFinite && b != 0 {
            let qa = a / 4
            let qq = qa / b
            if !qq.isFinite { return overflowing(negative: qq < 0) }
            return roundingQuartered(qq, ExactResidual.quotient(qa, b, qq))
        }
        if q.magnitude < residualUnderflow && a != 0 && a.isFinite && b.isFinite
            && kernel.constants.binary64CanUnderflow {
            let scaledQuotient = (a * 0x1p600) / b
            if scaledQuotient.magnitude < residualUnderflow { return roundingFarBelow(negative: (a < 0) != (b < 0)) }
            return roundingScaled(scaledQuotient, ExactResidual.quotient(a * 0x1p600, b, scaledQuotient), by: 600)
        }
        if !q.isFinite || q == 0 { return rounding(q) }
        return rounding(q, residual: ExactResidual.quotient(a, b, q))
    }

    @inline(never) @usableFromInline
    static func squareRootWithResidual(_ a: Double, _ s: Double) -> Self {
        if a < 0x1p-900 && kernel.constants.binary64CanUnderflow {
            // a − s² underflows: take the root of a·2^600 (an even power).
            let scaledRoot = (a * 0x1p600).squareRoot()
            return roundingScaled(scaledRoot, ExactResidual.squareRoot(a * 0x1p600, scaledRoot), by: 300)
        }
        return rounding(s, residual: ExactResidual.squareRoot(a, s))
    }

    @inline(never) @usableFromInline
    static func fusedCarefully(_ a: Double, _ b: Double, _ c: Double) -> Self {
        let r1 = c.addingProduct(a, b)
        if !r1.isFinite && a.isFinite && b.isFinite && c.isFinite {
            let (qa, qc) = (a / 4, c / 4)
            let q = qc.addingProduct(qa, b)
            if !q.isFinite { return overflowing(negative: q < 0) }
            return roundingQuartered(q, ExactResidual.fusedMultiplyAdd(qa, b, qc, q))
        }
        if !r1.isFinite { return rounding(r1) }
        if r1 == 0 { return Self(uncheckedValue: exactZeroSum(a * b, c, kernel.mode)) }
        return rounding(r1, residual: ExactResidual.fusedMultiplyAdd(a, b, c, r1))
    }
}
