/// The error measure of the `bessel` workload and its summary statistics.
enum BesselErrorStatistics {
    /// `|computed − ref| / max(|ref|, 1)`: the relative error of `log f`
    /// where `|log f| ≥ 1`, and otherwise the absolute error of `log f`,
    /// which is the relative error of `f` itself. Infinite when `computed`
    /// is not finite.
    static func error(_ computed: Double, _ reference: Double) -> Double {
        guard computed.isFinite else { return .infinity }
        return abs(computed - reference) / max(abs(reference), 1)
    }

    /// The largest value (NaN for none).
    static func maximum(_ values: [Double]) -> Double { values.max() ?? .nan }

    /// The median (mean of the middle two for an even count; NaN for none).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
