import Roundoff

/// The conversion between the scalar types of a mixed-precision solver.
extension RealScalar {
    /// `other` in this type: the value itself when `Other` is this type (no
    /// operation, so no stochastic-rounding bits are drawn), otherwise its
    /// binary64 value — exact for every ``RealScalar`` — rounded once into
    /// this type. The crossing point of mixed-precision solvers.
    @inlinable @inline(__always)
    public init<Other: RealScalar>(convertingFrom other: Other) {
        if Other.self == Self.self {
            self = unsafeBitCast(other, to: Self.self)
        } else {
            self.init(other.doubleValue)
        }
    }
}
