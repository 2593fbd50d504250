import Foundation

extension Emulated: CustomStringConvertible, CustomDebugStringConvertible, LosslessStringConvertible {
    /// The shortest decimal that rounds (to nearest) back to this value in
    /// the format, printed as Swift prints its floats: `Emulated<FP16,
    /// RNE>(0.1)` prints `0.1`, not `0.0999755859375`; xmax of fp16 prints
    /// `65504.0`. Positional notation for `10^−4 ≤ |x| ≤ 2^max(p, 24)`
    /// (the range where `Float16` and `Float` print positionally), exponent
    /// notation (`1e+16`, `6.1e-05`) outside it; `inf`, `-inf`, `nan`.
    public var description: String {
        guard value.isFinite else { return value.description }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let nearest = RoundingKernel(format: Self.format.overflow(.ieee), mode: .nearestEven)
        var (digits, exponent) = DecimalDigits.shortest(value.magnitude) { nearest.round($0) == value.magnitude }
        let positionalLimit = Double(sign: .plus, exponent: Swift.max(Self.format.precision, 24), significand: 1)
        let positional = value.magnitude >= 1e-4 && value.magnitude <= positionalLimit
        if positional && exponent + 1 > digits.count {
            // Fewer digits than the integer part: the spacing exceeds 1, so
            // the value is an integer, which Swift prints in full (65504.0).
            digits = String(UInt64(value.magnitude))
            while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        }
        let text = positional
            ? DecimalDigits.positional(digits, exponent: exponent)
            : DecimalDigits.exponential(digits, exponent: exponent)
        return value.sign == .minus ? "-" + text : text
    }

    /// The exact binary64 value as a hex float, e.g. `0x1.99p-4`.
    public var debugDescription: String { "\(Self.format.name)(\(value.hexFloat))" }

    /// Parses a decimal or hex-float string and rounds it into the format
    /// (through binary64). Returns nil when the text is not a number.
    public init?(_ description: String) {
        guard let d = Double(description.trimmingWhitespace()) else { return nil }
        self.init(d)
    }
}

/// Text forms of binary64 values used by Roundoff's output.
extension Double {
    /// The value as a C/Swift hex float with a normalised significand and no
    /// trailing zeros: `0x1.8p+3`, `-0x1p-14`, `0x0p+0`, `inf`, `nan`.
    public var hexFloat: String {
        if isNaN { return "nan" }
        if isInfinite { return sign == .minus ? "-inf" : "inf" }
        let signText = sign == .minus ? "-" : ""
        if self == 0 { return signText + "0x0p+0" }
        // Normalise binary64 subnormals too: the format may be normal there.
        let e = exponent
        let sig = magnitude.significand  // in [1, 2)
        let fraction = sig.bitPattern & 0x000F_FFFF_FFFF_FFFF
        var hexDigits = String(fraction, radix: 16)
        hexDigits = String(repeating: "0", count: 13 - hexDigits.count) + hexDigits
        while hexDigits.hasSuffix("0") { hexDigits.removeLast() }
        let exponentText = e >= 0 ? "+\(e)" : "\(e)"
        return signText + "0x1" + (hexDigits.isEmpty ? "" : "." + hexDigits) + "p" + exponentText
    }
}
