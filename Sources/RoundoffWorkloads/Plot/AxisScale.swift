import Foundation

/// Chooses between a linear and a logarithmic axis from the values drawn.
enum AxisScale {
    /// Whether `values` (the finite values on one axis) call for a log axis.
    ///
    /// - `decades`: when every value is positive, they must span more than
    ///   this many decades. By-format figures pass 2: a metric that varies by
    ///   less than a factor 100 reads better on a linear axis. Series figures
    ///   pass 0 (log whenever all values are positive), since errors vs n are
    ///   compared with power laws.
    /// - Zeros (an exact run, a distance at t = 0) do not rule out a log axis
    ///   when the positive values span more than 2 decades; they are then left
    ///   out of the drawing, with a note. Any negative value means linear.
    static func isLog(_ values: [Double], spanningMoreThan decades: Double) -> Bool {
        var low = Double.infinity, high = 0.0, zeros = 0
        for v in values {
            if v < 0 { return false }
            if v == 0 { zeros += 1; continue }
            low = min(low, v)
            high = max(high, v)
        }
        guard high > 0 else { return false }
        let span = log10(high / low)
        if zeros > 0 { return span > 2 }
        return decades == 0 || span > decades
    }
}
