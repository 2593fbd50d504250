/// Mean, minimum and maximum of one quantity over the seeds of a
/// stochastic mode (or the single value of a deterministic one).
///
/// Non-finite values are left out and counted rather than propagated: one
/// diverged seed would otherwise turn the whole point into NaN and hide
/// what the other seeds did. The figure's notes report what was left out.
struct SeedSummary: Equatable {
    var mean: Double
    var min: Double
    var max: Double
    /// How many finite values the summary is over.
    var count: Int
    /// How many values were NaN or infinite and so left out.
    var nonFinite: Int

    /// The summary of the finite `values`, or nil when none is finite
    /// (`nonFinite` then tells the caller how many were dropped).
    static func of(_ values: [Double]) -> SeedSummary? {
        var sum = 0.0, low = Double.infinity, high = -Double.infinity, count = 0
        for v in values where v.isFinite {
            sum += v
            low = Swift.min(low, v)
            high = Swift.max(high, v)
            count += 1
        }
        guard count > 0 else { return nil }
        // Clamped into [min, max] because the rounded sum of n equal values,
        // divided by n, can land one ulp outside them.
        let mean = Swift.min(Swift.max(sum / Double(count), low), high)
        return SeedSummary(mean: mean, min: low, max: high, count: count, nonFinite: values.count - count)
    }

    /// The non-finite values among `values` by kind, e.g. "2 nan, 1 inf":
    /// `inf` is often a meaningful answer (a departure time that never
    /// came), `nan` a broken run, so the notes keep them apart.
    static func nonFiniteKinds(_ values: [Double]) -> String {
        let nan = values.filter(\.isNaN).count
        let up = values.filter { $0 == .infinity }.count
        let down = values.filter { $0 == -.infinity }.count
        return [(nan, "nan"), (up, "inf"), (down, "-inf")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            .joined(separator: ", ")
    }
}
