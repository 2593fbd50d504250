/// How the values of several seeds (a stochastic mode) become one entry.
public enum SeedCombination: String, CaseIterable, Sendable {
    /// The arithmetic mean (NaN if any seed is NaN).
    case mean
    /// The median.
    case median
    /// The smallest.
    case min
    /// The largest.
    case max
    /// `mean (min–max)`; a single seed prints as its value.
    case range

    /// `values` summarised and printed in `style`; `—` when empty.
    public func format(_ values: [Double], style: NumberStyle) -> String {
        guard !values.isEmpty else { return "—" }
        if values.count == 1 { return style.format(values[0]) }
        switch self {
        case .mean: return style.format(Self.mean(values))
        case .median:
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return style.format(sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2)
        case .min: return style.format(values.min()!)
        case .max: return style.format(values.max()!)
        case .range:
            return "\(style.format(Self.mean(values))) (\(style.format(values.min()!))–\(style.format(values.max()!)))"
        }
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
