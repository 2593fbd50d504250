import Roundoff

/// The harmonic series `H_n = Σ_{k=1}^{n} 1/k` summed recursively in the
/// scalar type `T`: every term and every partial sum is rounded into `T`.
///
/// Step `k` computes the term `t_k = T(1/k)` — `1/k` in binary64, rounded
/// once into `T` — and the partial sum `s_k = s_{k−1} + t_k` (one rounded
/// addition). The term is not computed as `1 / T(k)`: that would first
/// round `k` itself, which is inexact above `2^p` and overflows in binary16
/// above 65504, so the study would measure the rounding of `k` rather than
/// the absorption of small terms. With round-to-nearest, `T(1/k)` is the
/// correctly rounded `1/k` for `k ≤ 2^(52−p)` (up to 2^28 for binary32):
/// with `1/k ∈ [2^−E, 2^−E+1)`, a midpoint `m = M·2^−q` (`M` of `p + 1`
/// bits, `q = p + E`) between two `p`-bit neighbours has
/// `|1/k − m| = |1 − k·M·2^−q|/k ≥ 2^−q/k ≥ 2^−(p+2E)`, more than binary64's
/// error `2^−(E+53)` in `1/k` when `p + E ≤ 52`, so the binary64 quotient
/// lies on the same side of every midpoint as `1/k`.
/// Binary32 thus gives the same terms as C's `1.0f / n`. Stochastic
/// rounding of the binary64 quotient has probabilities within about
/// `2^−(53−p)` of those for the exact quotient.
///
/// With round-to-nearest the sum stagnates once `t_k` falls below half the
/// spacing of `s` (Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., 2002; Malone 2013 reports binary32 stopping at
/// `n = 2^21` with `s ≈ 15.403683`). Stochastic rounding keeps moving the
/// sum by whole spacings with probability `t_k / spacing`, so it does not
/// (Connolly, Higham & Mary, SISC 2021).
@frozen
public struct HarmonicSum<T: RealScalar> {
    /// The partial sum `s_k` after ``terms`` terms (zero before the first).
    public var sum: T
    /// The number `k` of terms added so far.
    public var terms: Int
    /// The last `k` at which adding the term changed the sum
    /// (`s_k ≠ s_{k−1}`); 0 if no term has changed it.
    public var lastChange: Int
    /// The first `k` whose rounded term `t_k` was zero (underflow); 0 if none.
    public var firstZeroTerm: Int

    /// An empty sum (`s_0 = 0`).
    @inlinable
    public init() {
        sum = .zero
        terms = 0
        lastChange = 0
        firstZeroTerm = 0
    }

    /// Adds the next term `t_k = T(1/k)`, `k = terms + 1`.
    @inlinable @inline(__always)
    public mutating func addNextTerm() {
        let k = terms + 1
        let term = T(1 / Double(k))
        let next = sum + term
        if next != sum { lastChange = k }
        if term == .zero && firstZeroTerm == 0 { firstZeroTerm = k }
        sum = next
        terms = k
    }

    /// Adds terms until ``terms`` is `n` (nothing if it already is at least `n`).
    @inlinable
    public mutating func add(through n: Int) {
        while terms < n { addNextTerm() }
    }
}
