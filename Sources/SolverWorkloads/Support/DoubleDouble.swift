/// An unevaluated sum `hi + lo` of two binary64 values with `|lo| ≤ ulp(hi)/2`:
/// about 106 significant bits, enough to hold exact values against which
/// binary64 results are measured in ulps.
///
/// Built from the error-free transformations TwoSum, Fast2Sum and
/// TwoProduct (by FMA), as in Joldes, Muller & Popescu, ACM TOMS 44 (2017):
/// a sum adds both parts with their exact errors, a quotient and a square
/// root take the binary64 result and correct it once by an exactly
/// computed remainder. Each result has a relative error of a few `u²`,
/// `u = 2^−53`, far below the `2^−53` ulps being measured, as long as no
/// intermediate leaves `[2^−900, 2^900]` (the callers scale into `[2^−120, 8]`).
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ x: Double) { hi = x; lo = 0 }
    init(hi: Double, lo: Double) { self.hi = hi; self.lo = lo }

    /// `a·b` exactly (TwoProduct by FMA).
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b))
    }

    /// `a + b` exactly, `|a| ≥ |b|` not required (TwoSum).
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(hi: s, lo: (a - (s - bb)) + (b - bb))
    }

    /// `a + b` with `|a| ≥ |b|` or `b = 0` (Fast2Sum).
    static func fastSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(hi: s, lo: b - (s - a))
    }

    static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let s = sum(x.hi, y.hi)
        let t = sum(x.lo, y.lo)
        let u = fastSum(s.hi, s.lo + t.hi)
        return fastSum(u.hi, t.lo + u.lo)
    }

    static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -x.hi, lo: -x.lo) }

    /// `x/y`.
    static func / (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let q = x.hi / y.hi
        // x − q·y, with q·y exact as a double-double (q·y.hi exactly, q·y.lo rounded).
        let remainder = x + -(product(q, y.hi) + DoubleDouble(q * y.lo))
        return fastSum(q, remainder.hi / y.hi)
    }

    /// `√x` for `x > 0`: one Newton step from the binary64 root.
    func squareRoot() -> DoubleDouble {
        let s = hi.squareRoot()
        let remainder = self + -DoubleDouble.product(s, s)
        return DoubleDouble.fastSum(s, remainder.hi / (2 * s))
    }

    /// `hi + lo` rounded to binary64.
    var value: Double { hi + lo }
}
