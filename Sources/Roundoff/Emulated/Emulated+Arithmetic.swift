extension Emulated: AdditiveArithmetic {
    /// Zero.
    @inlinable public static var zero: Self { Self(uncheckedValue: 0) }

    /// `a + b`, correctly rounded.
    @inlinable @inline(__always)
    public static func + (a: Self, b: Self) -> Self {
        let s = a.value + b.value
        let k = kernel
        if k.binary64CanOverflow && !s.isFinite && a.value.isFinite && b.value.isFinite {
            return Self(uncheckedValue: k.overflowValue(negative: s < 0))
        }
        if s == 0 { return Self(uncheckedValue: exactZeroSum(a.value, b.value, k.mode)) }
        if k.binary64IsInnocuous { return rounding(s) }
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

    @inlinable @inline(__always)
    public static func += (a: inout Self, b: Self) { a = a + b }

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
        if k.binary64CanOverflow && !p.isFinite && a.value.isFinite && b.value.isFinite {
            return Self(uncheckedValue: k.overflowValue(negative: (a.value < 0) != (b.value < 0)))
        }
        if k.binary64IsInnocuous || k.productsAreExact { return rounding(p) }
        return rounding(p, residual: ExactResidual.product(a.value, b.value, p))
    }

    @inlinable @inline(__always)
    public static func *= (a: inout Self, b: Self) { a = a * b }
}

extension Emulated: SignedNumeric {
    /// `−x`, exact (formats are sign-symmetric).
    @inlinable @inline(__always)
    public static prefix func - (x: Self) -> Self { Self(uncheckedValue: -x.value) }

    @inlinable @inline(__always)
    public mutating func negate() { value = -value }
}

extension Emulated {
    /// `a ÷ b`, correctly rounded.
    @inlinable @inline(__always)
    public static func / (a: Self, b: Self) -> Self {
        let q = a.value / b.value
        let k = kernel
        if k.binary64CanOverflow && !q.isFinite && a.value.isFinite && b.value.isFinite && b.value != 0 {
            return Self(uncheckedValue: k.overflowValue(negative: (a.value < 0) != (b.value < 0)))
        }
        if k.binary64IsInnocuous || !q.isFinite || q == 0 { return rounding(q) }
        return rounding(q, residual: ExactResidual.quotient(a.value, b.value, q))
    }

    @inlinable @inline(__always)
    public static func /= (a: inout Self, b: Self) { a = a / b }

    /// `√x`, correctly rounded.
    @inlinable @inline(__always)
    public func squareRoot() -> Self {
        let s = value.squareRoot()
        let k = Self.kernel
        if k.binary64IsInnocuous || !s.isFinite || s == 0 { return Self.rounding(s) }
        return Self.rounding(s, residual: ExactResidual.squareRoot(value, s))
    }

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
            if s == 0 { return Self(uncheckedValue: Self.exactZeroSum(p, value, k.mode)) }
            if !s.isFinite { return Self.rounding(s) }
            return Self.rounding(s, residual: ExactResidual.sum(p, value, s))
        }
        let r1 = value.addingProduct(a.value, b.value)
        if k.binary64CanOverflow && !r1.isFinite && value.isFinite && a.value.isFinite && b.value.isFinite {
            return Self(uncheckedValue: k.overflowValue(negative: r1 < 0))
        }
        if !r1.isFinite { return Self.rounding(r1) }
        if r1 == 0 { return Self(uncheckedValue: Self.exactZeroSum(a.value * b.value, value, k.mode)) }
        return Self.rounding(r1, residual: ExactResidual.fusedMultiplyAdd(a.value, b.value, value, r1))
    }

    @inlinable @inline(__always)
    public mutating func addProduct(_ a: Self, _ b: Self) { self = addingProduct(a, b) }
}
