import Foundation

/// Shortest round-trip decimal digits and Swift-style float text, for
/// ``Emulated``'s `description`.
enum DecimalDigits {
    /// The shortest digit string `d₀d₁…` and exponent `e` (value
    /// `d₀.d₁… × 10^e`) for which `roundTrips` holds, trying for each length
    /// the correctly rounded digits and their two neighbours in the last
    /// place (at a power of two the round-trip interval is lopsided, so a
    /// neighbour can succeed where the nearest does not). The correctly
    /// rounded digits win when they round-trip (they are the nearest).
    static func shortest(_ x: Double, roundTrips: (Double) -> Bool) -> (digits: String, exponent: Int) {
        for count in 1...17 {
            let text = String(format: "%.\(count - 1)e", x)
            guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { continue }
            let mantissa = text[..<e].replacingOccurrences(of: ".", with: "")
            guard let n = UInt64(mantissa) else { continue }
            var best: (digits: String, exponent: Int, distance: Double)?
            for candidate in [n, n &- 1, n + 1] where candidate > 0 {
                var digits = String(candidate)
                var exp = exponent
                if digits.count > count { exp += 1 }  // 999 + 1 = 1000
                if digits.count < count { exp -= 1 }  // 100 − 1 = 99
                digits = String(digits.prefix(Swift.max(1, digits.count)))
                guard let value = Double(decimalText(digits, exponent: exp)), roundTrips(value) else { continue }
                let distance = (value - x).magnitude
                if best == nil || (candidate != n && distance < best!.distance) { best = (digits, exp, distance) }
                if candidate == n { break }
            }
            if let best {
                var digits = best.digits
                while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
                return (digits, best.exponent)
            }
        }
        let text = String(format: "%.16e", x)
        return (text.split(separator: "e")[0].replacingOccurrences(of: ".", with: ""), Int(text.split(separator: "e")[1]) ?? 0)
    }

    /// `d.ddd e±x` in C syntax, for parsing.
    static func decimalText(_ digits: String, exponent: Int) -> String {
        let head = digits.prefix(1), tail = digits.dropFirst()
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + String(exponent)
    }

    /// Positional: `65504.0`, `1.5`, `0.0001`.
    static func positional(_ digits: String, exponent: Int) -> String {
        if exponent >= 0 {
            let padded = digits.count > exponent + 1 ? digits : digits + String(repeating: "0", count: exponent + 1 - digits.count)
            let integer = padded.prefix(exponent + 1)
            let fraction = padded.dropFirst(exponent + 1)
            return integer + "." + (fraction.isEmpty ? "0" : fraction)
        }
        return "0." + String(repeating: "0", count: -exponent - 1) + digits
    }

    /// Exponential: `1e+16`, `6.1e-05`.
    static func exponential(_ digits: String, exponent: Int) -> String {
        let head = digits.prefix(1), tail = digits.dropFirst()
        let exp = exponent < 0 ? "-" + (-exponent < 10 ? "0" : "") + String(-exponent)
                               : "+" + (exponent < 10 ? "0" : "") + String(exponent)
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + exp
    }
}
