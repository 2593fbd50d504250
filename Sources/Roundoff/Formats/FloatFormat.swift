/// A binary floating-point format into which binary64 values are rounded.
///
/// A format is `(p, emin, emax, subnormals, overflow)` as in IEEE 754 §3.3:
/// `p` counts significand bits including the implicit leading bit, the
/// smallest positive normal value is `xmin = 2^emin`, subnormals (when
/// enabled) are spaced `2^(emin − p + 1)` apart, and the largest finite value
/// is `xmax` (``greatestFiniteMagnitude``) — normally `2^emax · (2 − 2^(1−p))`, but smaller for formats
/// such as OCP `e4m3` that spend their top significand pattern on NaN.
///
/// Every format here is a subset of binary64: `1 ≤ p ≤ 53`,
/// `−1022 ≤ emin ≤ 1 ≤ emax ≤ 1023`. Values of a format are carried as
/// `Double`s, so a rounded value is always exactly representable in binary64.
///
/// Formats are values, not types: they compare equal when every parameter
/// agrees, and a sweep can build one at run time from a spec string (see
/// ``FloatFormat/init(spec:)``).
public struct FloatFormat: Hashable, Sendable {
    /// Significand precision in bits, including the implicit bit (1…53).
    public let precision: Int
    /// Exponent of the smallest positive normal value, `xmin = 2^emin`.
    public let minExponent: Int
    /// Exponent of the largest binade, `2^emax ≤ xmax < 2^(emax+1)`.
    public let maxExponent: Int
    /// Whether values below `xmin` are spaced `2^(emin−p+1)` apart
    /// (`true`) or `(0, xmin)` is a single gap (`false`).
    public let hasSubnormals: Bool
    /// What happens to values beyond ``greatestFiniteMagnitude``
    /// (<doc:RoundingSemantics#Overflow>).
    public let overflow: OverflowPolicy
    /// Whether the encoding has infinities. It decides no rounding result
    /// (the overflow policy does); it documents the format and the `formats`
    /// table shows it.
    public let hasInfinity: Bool
    /// Whether the encoding has NaN. A NaN input stays NaN in every format;
    /// this flag documents formats such as OCP fp6/fp4 that cannot encode it.
    public let hasNaN: Bool
    /// The largest finite value `xmax`.
    public let greatestFiniteMagnitude: Double
    /// Index into ``presetNames`` for the preset formats, −1 for custom
    /// ones. The name is derived from it rather than stored so that a format
    /// is a plain value with no reference-counted parts: a compile-time
    /// format then folds to constants in hot loops.
    @usableFromInline let presetIndex: Int8

    /// The preset's name (`fp16`, `fp8-e4m3`) or the custom spec
    /// (`custom:p=5,emax=7`); ``spec`` adds the options.
    public var name: String {
        presetIndex >= 0
            ? FloatFormat.presetNames[Int(presetIndex)].names[0]
            : FloatFormat.customName(precision: precision, minExponent: minExponent, maxExponent: maxExponent)
    }

    /// Creates a format and checks its parameters.
    ///
    /// - Parameters:
    ///   - precision: `p`, 1…53.
    ///   - minExponent: `emin`, −1022…1; defaults to `1 − emax` (IEEE 754).
    ///   - maxExponent: `emax`, 1…1023.
    ///   - subnormals: gradual underflow on (default) or off.
    ///   - overflow: `.ieee` (default) or `.saturate`.
    ///   - greatestFinite: `xmax`; defaults to `2^emax · (2 − 2^(1−p))`. It
    ///     must be a value of the format in the top binade.
    ///   - hasInfinity: whether the encoding has infinities (default `true`);
    ///     it documents the format and changes no rounding result.
    ///   - hasNaN: whether the encoding has NaN (default `true`); NaN inputs
    ///     stay NaN either way.
    /// - Throws: ``FormatSpecError`` naming the parameter that is out of range.
    public init(
        precision: Int, minExponent: Int? = nil, maxExponent: Int,
        subnormals: Bool = true, overflow: OverflowPolicy = .ieee,
        greatestFinite: Double? = nil, hasInfinity: Bool = true, hasNaN: Bool = true
    ) throws {
        let emin = minExponent ?? (1 - maxExponent)
        guard (1...53).contains(precision) else {
            throw FormatSpecError.parameterOutOfRange(name: "p", value: "\(precision)", accepted: "1...53")
        }
        guard (1...1023).contains(maxExponent) else {
            throw FormatSpecError.parameterOutOfRange(name: "emax", value: "\(maxExponent)", accepted: "1...1023")
        }
        guard (-1022...1).contains(emin) else {
            throw FormatSpecError.parameterOutOfRange(name: "emin", value: "\(emin)", accepted: "-1022...1")
        }
        let defaultMax = FloatFormat.defaultGreatestFinite(precision: precision, maxExponent: maxExponent)
        let xmax = greatestFinite ?? defaultMax
        guard xmax.isFinite, xmax <= defaultMax, xmax >= Double(sign: .plus, exponent: maxExponent, significand: 1),
              FloatFormat.isOnGrid(xmax, precision: precision)
        else {
            throw FormatSpecError.parameterOutOfRange(
                name: "xmax", value: "\(xmax)",
                accepted: "a \(precision)-bit value in [2^\(maxExponent), \(defaultMax)]")
        }
        self.precision = precision
        self.minExponent = emin
        self.maxExponent = maxExponent
        self.hasSubnormals = subnormals
        self.overflow = overflow
        self.greatestFiniteMagnitude = xmax
        self.hasInfinity = hasInfinity
        self.hasNaN = hasNaN
        self.presetIndex = -1
    }

    /// Internal memberwise initialiser for presets whose parameters are known
    /// good; inlinable so that a preset used as a compile-time spec folds to
    /// constants.
    @inlinable @inline(__always)
    init(
        uncheckedPrecision p: Int, minExponent: Int, maxExponent: Int, greatestFinite: Double,
        overflow: OverflowPolicy, hasInfinity: Bool, hasNaN: Bool, presetIndex: Int8, subnormals: Bool = true
    ) {
        self.precision = p
        self.minExponent = minExponent
        self.maxExponent = maxExponent
        self.hasSubnormals = subnormals
        self.overflow = overflow
        self.greatestFiniteMagnitude = greatestFinite
        self.hasInfinity = hasInfinity
        self.hasNaN = hasNaN
        self.presetIndex = presetIndex
    }

    /// The same format with gradual underflow switched on or off.
    @inlinable
    public func subnormals(_ enabled: Bool) -> FloatFormat {
        replacing(subnormals: enabled)
    }

    /// The same format with another overflow policy.
    @inlinable
    public func overflow(_ policy: OverflowPolicy) -> FloatFormat {
        replacing(overflow: policy)
    }

    @inlinable
    func replacing(subnormals: Bool? = nil, overflow: OverflowPolicy? = nil) -> FloatFormat {
        FloatFormat(uncheckedPrecision: precision, minExponent: minExponent, maxExponent: maxExponent,
                    greatestFinite: greatestFiniteMagnitude, overflow: overflow ?? self.overflow,
                    hasInfinity: hasInfinity, hasNaN: hasNaN, presetIndex: presetIndex,
                    subnormals: subnormals ?? hasSubnormals)
    }

    // MARK: Derived quantities

    /// `xmin = 2^emin`, the smallest positive normal value.
    public var leastNormalMagnitude: Double { Double(sign: .plus, exponent: minExponent, significand: 1) }

    /// The smallest positive value: `2^(emin−p+1)` with subnormals, `xmin` without.
    public var leastNonzeroMagnitude: Double {
        hasSubnormals ? Double(sign: .plus, exponent: minExponent - precision + 1, significand: 1) : leastNormalMagnitude
    }

    /// Unit roundoff `u = 2^−p` (half the spacing of values in `[1, 2)`), the
    /// relative error bound of round-to-nearest in the normal range.
    public var unitRoundoff: Double { Double(sign: .plus, exponent: -precision, significand: 1) }

    /// Machine epsilon `2^(1−p)`, the spacing of values in `[1, 2)`.
    public var epsilon: Double { Double(sign: .plus, exponent: 1 - precision, significand: 1) }

    /// Whether every value of this format is a value of binary32 (so a
    /// `Float` buffer can hold rounded results).
    public var fitsInBinary32: Bool {
        precision <= 24 && maxExponent <= 127
            && leastNonzeroMagnitude >= Double(Float.leastNonzeroMagnitude)
    }

    /// `2^emax · (2 − 2^(1−p))`, built from its bit pattern so it folds to a
    /// constant and cannot overflow for emax = 1023.
    @inlinable @inline(__always)
    static func defaultGreatestFinite(precision: Int, maxExponent: Int) -> Double {
        let exponentField = UInt64(truncatingIfNeeded: maxExponent + 1023) << 52
        let significandOnes = ((UInt64(1) << UInt64(precision - 1)) - 1) << UInt64(53 - precision)
        return Double(bitPattern: exponentField | significandOnes)
    }

    static func isOnGrid(_ x: Double, precision: Int) -> Bool {
        let drop = UInt64(53 - precision)
        return drop == 0 || x.bitPattern & ((1 << drop) - 1) == 0
    }

    static func customName(precision: Int, minExponent: Int, maxExponent: Int) -> String {
        minExponent == 1 - maxExponent
            ? "custom:p=\(precision),emax=\(maxExponent)"
            : "custom:p=\(precision),emin=\(minExponent),emax=\(maxExponent)"
    }
}
