extension Emulated: FloatingPoint {
    /// The type of ``exponent``, `Int` as for `Double`.
    public typealias Exponent = Int

    /// Always 2.
    @inlinable public static var radix: Int { 2 }
    /// A quiet NaN.
    @inlinable public static var nan: Self { Self(uncheckedValue: .nan) }
    /// A signaling NaN (binary64's; emulation does not signal).
    @inlinable public static var signalingNaN: Self { Self(uncheckedValue: .signalingNaN) }
    /// +∞. Formats without an infinity encoding still use it as the ieee
    /// overflow result (see ``OverflowPolicy/ieee``).
    @inlinable public static var infinity: Self { Self(uncheckedValue: .infinity) }
    /// `xmax`.
    @inlinable public static var greatestFiniteMagnitude: Self { Self(uncheckedValue: format.greatestFiniteMagnitude) }
    /// `xmin = 2^emin`.
    @inlinable public static var leastNormalMagnitude: Self { Self(uncheckedValue: format.leastNormalMagnitude) }
    /// `2^(emin−p+1)` with subnormals, `xmin` without.
    @inlinable public static var leastNonzeroMagnitude: Self { Self(uncheckedValue: format.leastNonzeroMagnitude) }
    /// `2^(1−p)`.
    @inlinable public static var ulpOfOne: Self { Self(uncheckedValue: format.epsilon) }
    /// π rounded toward zero into the format, as the standard library's
    /// `pi` is (binary64's π is below π and no value of a `p ≤ 52` format
    /// lies between them, so this is the correctly rounded `rz(π)`).
    @inlinable public static var pi: Self {
        Self(uncheckedValue: RoundingKernel(format: format, mode: .towardZero).round(.pi))
    }

    /// `x · 2^exponent` with the given sign, rounded once into the format.
    @inlinable
    public init(sign: FloatingPointSign, exponent: Int, significand: Self) {
        self = Self.rounding(Double(sign: sign, exponent: exponent, significand: significand.value))
    }

    /// `|magnitudeOf|` with the sign of `signOf`, exact.
    @inlinable
    public init(signOf: Self, magnitudeOf: Self) {
        self.init(uncheckedValue: Double(signOf: signOf.value, magnitudeOf: magnitudeOf.value))
    }

    /// The spacing of the format's values at `self`: `2^(e−p+1)` for
    /// `|x| ∈ [2^e, 2^(e+1))` in the normal range, the subnormal spacing (or
    /// `xmin` without subnormals) below it; NaN for non-finite values.
    @inlinable public var ulp: Self {
        guard value.isFinite else { return .nan }
        let f = Self.format
        let e = Swift.max(value == 0 ? f.minExponent : value.exponent, f.minExponent)
        let spacing = (value.magnitude < f.leastNormalMagnitude && !f.hasSubnormals)
            ? f.leastNormalMagnitude
            : Double(sign: .plus, exponent: e - f.precision + 1, significand: 1)
        return Self(uncheckedValue: spacing)
    }

    /// The sign bit of the value (`.minus` for −0 and for a NaN with the sign
    /// bit set).
    @inlinable public var sign: FloatingPointSign { value.sign }
    /// `⌊log2 |x|⌋` of the value, exactly as binary64's `exponent`: a value in
    /// the format's subnormal range has an exponent below `emin`. `Int.min` for
    /// ±0 and `Int.max` for ±∞ and NaN.
    @inlinable public var exponent: Int { value.exponent }
    /// The significand in `[1, 2)`, a value of the format.
    @inlinable public var significand: Self { Self(uncheckedValue: value.significand) }

    /// The IEEE remainder, exact (the result is always a value of the format).
    @inlinable public mutating func formRemainder(dividingBy other: Self) { value.formRemainder(dividingBy: other.value) }
    /// The truncating remainder, exact.
    @inlinable public mutating func formTruncatingRemainder(dividingBy other: Self) {
        value.formTruncatingRemainder(dividingBy: other.value)
    }
    /// Rounds to an integral value with `rule`, exactly (integers up to the
    /// format's spacing of 1 are values of the format).
    @inlinable public mutating func round(_ rule: FloatingPointRoundingRule) { value.round(rule) }

    /// The least value of the format greater than `self` (∞ above xmax, even
    /// for formats that saturate or lack an infinity encoding).
    @inlinable public var nextUp: Self {
        if value.isNaN || value == .infinity { return self }
        if value == -.infinity { return -Self.greatestFiniteMagnitude }
        if value == 0 { return Self.leastNonzeroMagnitude }
        let up = RoundingKernel(format: Self.format.overflow(.ieee), mode: .up)
        return Self(uncheckedValue: up.roundExact(value, residual: .leastNonzeroMagnitude, random: 0).value)
    }

    /// IEEE 754 equality of the values: `−0 == +0`, and NaN equals nothing.
    @inlinable public func isEqual(to other: Self) -> Bool { value == other.value }
    /// IEEE 754 `<` of the values (false when either is NaN).
    @inlinable public func isLess(than other: Self) -> Bool { value < other.value }
    /// IEEE 754 `≤` of the values (false when either is NaN).
    @inlinable public func isLessThanOrEqualTo(_ other: Self) -> Bool { value <= other.value }
    /// IEEE 754 `totalOrder` of the values, as binary64's: `−0` before `+0`,
    /// NaNs ordered by sign and payload at the ends.
    @inlinable public func isTotallyOrdered(belowOrEqualTo other: Self) -> Bool {
        value.isTotallyOrdered(belowOrEqualTo: other.value)
    }

    /// Finite and at least `xmin` in magnitude.
    @inlinable public var isNormal: Bool { value.isFinite && value.magnitude >= Self.format.leastNormalMagnitude }
    /// Neither ±∞ nor NaN.
    @inlinable public var isFinite: Bool { value.isFinite }
    /// +0 or −0.
    @inlinable public var isZero: Bool { value == 0 }
    /// Nonzero and below `xmin` in magnitude.
    @inlinable public var isSubnormal: Bool { value != 0 && value.magnitude < Self.format.leastNormalMagnitude }
    /// ±∞ (also the `ieee` overflow result of formats without an infinity
    /// encoding).
    @inlinable public var isInfinite: Bool { value.isInfinite }
    /// A NaN, quiet or signaling.
    @inlinable public var isNaN: Bool { value.isNaN }
    /// A signaling NaN (binary64's encoding; emulation never signals).
    @inlinable public var isSignalingNaN: Bool { value.isSignalingNaN }
    /// Always `true`: every value has one encoding, the binary64 one.
    @inlinable public var isCanonical: Bool { true }
}

extension Emulated: Comparable, Hashable {
    /// IEEE 754 equality (see ``isEqual(to:)``).
    @inlinable public static func == (a: Self, b: Self) -> Bool { a.value == b.value }
    /// IEEE 754 `<` (false when either operand is NaN).
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
    /// IEEE 754 `≤` (false when either operand is NaN).
    @inlinable public static func <= (a: Self, b: Self) -> Bool { a.value <= b.value }
    /// IEEE 754 `>` (false when either operand is NaN).
    @inlinable public static func > (a: Self, b: Self) -> Bool { a.value > b.value }
    /// IEEE 754 `≥` (false when either operand is NaN).
    @inlinable public static func >= (a: Self, b: Self) -> Bool { a.value >= b.value }
    /// Hashes like `Double` (so `0` and `−0` hash alike).
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Emulated: Strideable {
    /// Distances between values are values of the same type, as for
    /// `Double`.
    public typealias Stride = Self
    /// `other − self`, correctly rounded in the type's format and mode (a
    /// stochastic mode draws random bits).
    @inlinable public func distance(to other: Self) -> Self { other - self }
    /// `self + n`, correctly rounded in the type's format and mode.
    @inlinable public func advanced(by n: Self) -> Self { self + n }
}

extension Emulated: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// Rounds the integer literal into the format.
    @inlinable @inline(__always)
    public init(integerLiteral value: Int) {
        // Literals are small: Int → Double is exact below 2^53.
        if value.magnitude <= 1 << 53 { self = Self.rounding(Double(value)) } else { self.init(value as Int) }
    }
    /// Rounds the literal's binary64 value into the format. A decimal literal
    /// is therefore rounded twice (decimal → binary64 → format); the result
    /// differs from a direct rounding only for literals within 2^−53
    /// relative of a tie or a value of the format.
    @inlinable public init(floatLiteral value: Double) { self.init(value) }
}
