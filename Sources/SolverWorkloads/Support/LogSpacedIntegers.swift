import Foundation

/// Integers spread evenly in `log n`, for error-versus-size series.
enum LogSpacedIntegers {
    /// About `count` distinct integers from 1 to `upper` (both included),
    /// evenly spaced in `log n` where the integers allow (the small end has
    /// fewer distinct values), increasing.
    static func points(upTo upper: Int, count: Int) -> [Int] {
        guard upper > 1, count > 1 else { return upper >= 1 ? [upper] : [] }
        var out: [Int] = []
        let logUpper = log(Double(upper))
        for i in 0..<count {
            let n = Int((exp(logUpper * Double(i) / Double(count - 1))).rounded())
            let clamped = Swift.min(Swift.max(n, 1), upper)
            if out.last.map({ clamped > $0 }) ?? true { out.append(clamped) }
        }
        if out.last != upper { out.append(upper) }
        return out
    }
}
