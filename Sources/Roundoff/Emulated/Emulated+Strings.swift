import Foundation

extension Emulated: CustomStringConvertible, CustomDebugStringConvertible, LosslessStringConvertible {
    /// The shortest decimal that rounds (to nearest) back to this value in
    /// the format, like `Float16`'s description: `Emulated<FP16, RNE>(0.1)`
    /// prints `0.1`, not `0.0999755859375`. `inf`, `-inf` and `nan` as Swift.
    public var description: String {
        guard value.isFinite else { return value.description }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let nearest = RoundingKernel(format: Self.format.overflow(.ieee), mode: .nearestEven)
        for digits in 1...17 {
            let text = String(format: "%.\(digits)g", value)
            if let back = Double(text), nearest.round(back) == value {
                return Self.swiftStyle(text, digits: digits)
            }
        }
        return value.description
    }

    /// The exact binary64 value as a hex float, e.g. `0x1.99p-4`.
    public var debugDescription: String { "\(Self.format.name)(\(value.hexFloat))" }

    /// Parses a decimal or hex-float string and rounds it into the format
    /// (through binary64). Returns nil when the text is not a number.
    public init?(_ description: String) {
        guard let d = Double(description.trimmingWhitespace()) else { return nil }
        self.init(d)
    }

    /// `%g` output reshaped to Swift's float style (`1.0`, `1e-05` → `1e-05`).
    static func swiftStyle(_ text: String, digits: Int) -> String {
        if text.contains("e") || text.contains(".") || text.contains("n") || text.contains("i") {
            return text
        }
        return text + ".0"
    }
}

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
        var fraction = (sig.bitPattern & 0x000F_FFFF_FFFF_FFFF)
        var hexDigits = String(fraction, radix: 16)
        hexDigits = String(repeating: "0", count: 13 - hexDigits.count) + hexDigits
        while hexDigits.hasSuffix("0") { hexDigits.removeLast() }
        fraction = 0
        let exponentText = e >= 0 ? "+\(e)" : "\(e)"
        return signText + "0x1" + (hexDigits.isEmpty ? "" : "." + hexDigits) + "p" + exponentText
    }
}
