import Foundation
import Roundoff

/// Reading numbers from input tokens and writing them exactly.
enum NumberText {
    /// The binary64 value of a token: a decimal (`0.1`, `-1e-8`), a hex
    /// float (`0x1.8p+3`), or `inf`, `-inf`, `infinity`, `nan` (any case).
    ///
    /// A decimal becomes the nearest binary64 value (Swift's `Double(_:)`),
    /// which the caller then rounds into the format: a decimal that is not a
    /// binary64 value is therefore rounded twice, which differs from one
    /// rounding only when it lies within half a binary64 ulp of a value or
    /// rounding boundary of the format, or beyond binary64's range. Hex
    /// floats that fit in 53 bits are read exactly.
    static func parse(_ token: Substring) -> Double? {
        Double(token)
    }

    /// A result line: the exact value as a hex float, then the shortest
    /// decimal that reads back as the same binary64 value (Swift's
    /// `Double.description`), separated by one space.
    static func hexAndDecimal(_ x: Double) -> String {
        "\(x.hexFloat) \(x.description)"
    }

    /// The shortest `%g` text that reads back as exactly `x`
    /// (`65504`, `6.103515625e-05`, `3.4028234663852886e+38`).
    static func shortestG(_ x: Double) -> String {
        guard x.isFinite else { return x.description }
        for digits in 1...17 {
            let text = String(format: "%.\(digits)g", x)
            if Double(text) == x { return text }
        }
        return String(format: "%.17g", x)
    }

    /// The exact decimal value of `x` in `%g` style when it has at most 17
    /// significant digits (`65504`, `5.9604644775390625e-08`), else nil.
    static func exactG(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        if x == 0 { return "0" }
        // glibc prints the exact decimal expansion; 767 digits hold any binary64.
        let full = String(format: "%.767e", x.magnitude)
        guard let e = full.firstIndex(of: "e") else { return nil }
        var digits = full[..<e].filter { $0 != "." }
        while digits.last == "0" { digits.removeLast() }
        guard digits.count <= 17 else { return nil }
        return String(format: "%.\(max(digits.count, 1))g", x)
    }
}
