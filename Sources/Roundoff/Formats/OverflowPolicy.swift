/// What rounding does with a value whose unbounded-exponent rounding exceeds
/// the format's largest finite value `xmax` (<doc:RoundingSemantics#Overflow>).
public enum OverflowPolicy: String, Hashable, Sendable, CaseIterable {
    /// IEEE 754 §7.4: round-to-nearest and stochastic modes give ±∞; `rz` and
    /// `ro` give ±xmax; `ru` gives +∞ for positives and −xmax for negatives;
    /// `rd` mirrors `ru`. Infinite inputs stay infinite. Formats whose encoding
    /// has no infinity (OCP e4m3, fp6, fp4) still produce a `Double` ±∞ here,
    /// as an out-of-format marker.
    case ieee
    /// Every mode clamps to ±xmax, and ±∞ inputs become ±xmax (OCP "satfinite").
    case saturate
}
