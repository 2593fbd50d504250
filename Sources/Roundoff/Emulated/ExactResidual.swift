import RealModule

/// Error-free transformations giving the exact residual of a binary64
/// operation, used as the sticky information of a single rounding.
/// `Augmented` (swift-numerics) supplies TwoSum and TwoProduct.
@usableFromInline
enum ExactResidual {
    /// `a + b − fl(a + b)`, exact (Knuth's TwoSum).
    @inlinable @inline(__always)
    static func sum(_ a: Double, _ b: Double, _ s: Double) -> Double {
        let bb = s - a
        return (a - (s - bb)) + (b - bb)
    }

    /// `a·b − fl(a·b)`, exact unless `a·b` is below `2^−969` (TwoProduct by FMA).
    @inlinable @inline(__always)
    static func product(_ a: Double, _ b: Double, _ p: Double) -> Double {
        (-p).addingProduct(a, b)
    }

    /// A value with the sign of `a/b − q` and magnitude within a factor
    /// `1 + 2^−52` of it: the remainder `a − q·b` is exact by FMA.
    @inlinable @inline(__always)
    static func quotient(_ a: Double, _ b: Double, _ q: Double) -> Double {
        a.addingProduct(-q, b) / b
    }

    /// A value with the sign of `√a − s` and magnitude within a few ulps of
    /// it: `a − s²` is exact by FMA, and `√a − s ≈ (a − s²)/(2s)`.
    @inlinable @inline(__always)
    static func squareRoot(_ a: Double, _ s: Double) -> Double {
        let remainder = a.addingProduct(-s, s)
        return s == 0 ? 0 : remainder / (2 * s)
    }

    /// The exact error of `fma(a, b, c)` as one binary64 value whose sign is
    /// exact (Boldo & Muller, "Exact and approximated error of the FMA",
    /// IEEE TC 2011, algorithm ErrFma).
    @inlinable
    static func fusedMultiplyAdd(_ a: Double, _ b: Double, _ c: Double, _ r1: Double) -> Double {
        let (u1, u2) = Augmented.product(a, b)
        let (alpha1, alpha2) = Augmented.sum(c, u2)
        let (beta1, beta2) = Augmented.sum(u1, alpha1)
        let gamma = (beta1 - r1) + beta2
        let (r2, r3) = Augmented.sum(gamma, alpha2)
        return r2 + r3
    }
}
