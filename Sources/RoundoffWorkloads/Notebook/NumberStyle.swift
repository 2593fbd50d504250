import Foundation

/// How a notebook prints a number: `digits` significant digits in one of a
/// few styles. Non-finite values print as `NaN`, `∞` and `−∞` (a diverged
/// run is a result, not an error).
public struct NumberStyle: Hashable, Sendable {
    /// The style's layout.
    public enum Layout: String, CaseIterable, Sendable {
        /// `integer` for whole numbers below 10⁷, `fixed` between 10⁻³ and
        /// 10⁵, `sci` otherwise.
        case auto
        /// Mantissa and exponent: `8.3e-4`.
        case sci
        /// Positional, `digits` significant digits: `0.0054`, `97.3`.
        case fixed
        /// Rounded to a whole number: `513`.
        case integer
        /// × 100 with a percent sign, `digits` significant digits: `97.3%`.
        case percent
    }

    /// The layout.
    public var layout: Layout
    /// Significant digits, 1…17.
    public var digits: Int

    /// A style; `digits` is clamped to 1…17.
    public init(layout: Layout = .auto, digits: Int = 2) {
        self.layout = layout
        self.digits = min(max(digits, 1), 17)
    }

    /// `value` in this style.
    public func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        switch layout {
        case .integer:
            return String(format: "%.0f", value.rounded())
        case .percent:
            return Self.fixed(value * 100, digits: digits) + "%"
        case .sci:
            return Self.scientific(value, digits: digits)
        case .fixed:
            return Self.fixed(value, digits: digits)
        case .auto:
            let magnitude = abs(value)
            if value == value.rounded() && magnitude < 1e7 { return String(format: "%.0f", value) }
            if magnitude >= 1e-3 && magnitude < 1e5 { return Self.fixed(value, digits: digits) }
            return Self.scientific(value, digits: digits)
        }
    }

    /// `digits` significant digits without an exponent, trailing zeros kept
    /// (they are significant).
    private static func fixed(_ value: Double, digits: Int) -> String {
        guard value != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(value))))
        let decimals = max(digits - 1 - exponent, 0)
        var text = String(format: "%.\(decimals)f", value)
        // Rounding may carry into a new digit (9.96 → 10.0): drop the extra one.
        if decimals > 0, let rounded = Double(text), rounded != 0,
           Int(floor(log10(abs(rounded)))) > exponent {
            text = String(format: "%.\(decimals - 1)f", value)
        }
        return text
    }

    /// `d.ddde-N` with `digits` significant digits and no exponent padding.
    private static func scientific(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits - 1)e", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        let sign = exponent.first == "-" ? "-" : ""
        exponent = exponent.drop { $0 == "+" || $0 == "-" }
        let digitsOnly = exponent.drop { $0 == "0" }
        return "\(mantissa)e\(sign)\(digitsOnly.isEmpty ? "0" : digitsOnly)"
    }
}
