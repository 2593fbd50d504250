import RealModule
import Roundoff

/// Exact rescaling by a power of two chosen from the range of `T`, for sums
/// and products of positive numbers that would overflow or underflow `T`.
///
/// `bound = 2^s` with `s = max(1, ⌊emax/2⌋)` where `emax` is the exponent
/// of `T.greatestFiniteMagnitude` (binary64 `2^511`, binary32 `2^63`,
/// bf16 `2^63`, fp16 `2^7`). A value is kept as `m · 2^(s·c)` with `m`
/// in `[2^−s, 2^s]`; multiplying `m` by `bound` or `inverse` is exact (no
/// rounding, in every mode), so rescaling adds no error. The logarithm
/// `log m + c·s·ln 2` adds the scale in one rounding (``logScale(_:)``).
@frozen
public struct BinaryRescaling<T: RealScalar> {
    /// `2^s`.
    public let bound: T
    /// `2^−s`.
    public let inverse: T
    /// `s`.
    public let shift: Int

    /// The rescaling for the current range of `T` (reads the run-time
    /// format of an emulated type, so build it inside the computation).
    @inlinable
    public init() {
        let emax = Int(T.greatestFiniteMagnitude.exponent)
        shift = Swift.max(1, emax / 2)
        bound = T(sign: .plus, exponent: T.Exponent(shift), significand: 1)
        inverse = T(sign: .plus, exponent: T.Exponent(-shift), significand: 1)
    }

    /// `c·s·ln 2`, the logarithm of the scale `2^(s·c)`, computed in
    /// binary64 from the integers `c·s` and rounded once into `T` (a
    /// constant like `π`, exact to half an ulp of `T` up to binary64's
    /// rounding of `ln 2`).
    @inlinable
    public func logScale(_ count: Int) -> T {
        T(Double(count * shift) * 0.693_147_180_559_945_309_42)
    }
}

/// A product of positive factors `m · 2^(s·c)` kept in range of `T` by
/// ``BinaryRescaling`` (exact), with its logarithm `log m + c·s·ln 2`.
///
/// Each ``multiply(by:)`` rounds once (the product `m·r`), exactly as the
/// plain product would, but never overflows or underflows while every
/// factor lies in `[2^−s, 2^s]`.
@frozen
public struct ScaledProduct<T: RealScalar> {
    /// The rescaling.
    public let scaling: BinaryRescaling<T>
    /// `m`, in `[2^−s, 2^s]` after each multiplication.
    public var mantissa: T
    /// `c`: the product is `mantissa · 2^(s·c)`.
    public var count: Int

    /// The product `1`.
    @inlinable
    public init() {
        scaling = BinaryRescaling<T>()
        mantissa = 1
        count = 0
    }

    /// Multiplies by `factor > 0` and rescales `m` back into `[2^−s, 2^s]`.
    @inlinable
    public mutating func multiply(by factor: T) {
        mantissa *= factor
        if mantissa > scaling.bound {
            mantissa *= scaling.inverse
            count += 1
        } else if mantissa < scaling.inverse {
            mantissa *= scaling.bound
            count -= 1
        }
    }

    /// `log(m) + c·s·ln 2`.
    @inlinable
    public var logarithm: T {
        count == 0 ? T.log(mantissa) : T.log(mantissa) + scaling.logScale(count)
    }
}
