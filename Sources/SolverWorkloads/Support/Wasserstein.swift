/// Distances between empirical distributions of real samples.
public enum Wasserstein {
    /// The Wasserstein-1 (earth mover's) distance between the empirical
    /// distributions of `a` and `b`: `∫ |F_a(t) − F_b(t)| dt` with `F` the
    /// empirical CDFs (each sample weighs `1/count`). For equal counts this
    /// is the mean of `|a_(i) − b_(i)|` over the sorted samples.
    ///
    /// NaN if either sample is empty or contains NaN; samples with
    /// infinities give a non-finite result (a diverged run stays visible).
    public static func distance(_ a: [Double], _ b: [Double]) -> Double {
        distance(sorted: a.sorted(), b.sorted())
    }

    /// ``distance(_:_:)`` for samples already sorted in increasing order.
    public static func distance(sorted a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty, !a.contains(where: \.isNaN), !b.contains(where: \.isNaN) else { return .nan }
        if a.count == b.count {
            var total = 0.0
            for i in a.indices { total += abs(a[i] - b[i]) }
            return total / Double(a.count)
        }
        // Sweep the merged breakpoints; between consecutive ones both CDFs
        // are constant, so the integrand is |i/na − j/nb| times the width.
        let na = Double(a.count), nb = Double(b.count)
        var i = 0, j = 0
        var total = 0.0
        var previous = Swift.min(a[0], b[0])
        while i < a.count || j < b.count {
            let next = j == b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            let width = next - previous
            if width > 0 { total += abs(Double(i) / na - Double(j) / nb) * width }
            previous = next
            while i < a.count && a[i] == next { i += 1 }
            while j < b.count && b[j] == next { j += 1 }
        }
        return total
    }
}
