import Roundoff

/// A running sum carried as an unevaluated pair `head + tail` with
/// Neumaier's compensated (improved Kahan–Babuška) summation, plus exact
/// products by TwoProduct: a reference accumulator whose result is as
/// accurate as if it were computed in twice the working precision and then
/// rounded (Ogita, Rump & Oishi, SISC 2005, Algorithm 4.5 "Dot2").
///
/// Used in binary64 to obtain reference sums and dot products against
/// which low-precision results are measured. The error bound is
/// `|head + tail − Σ| ≤ u·|Σ| + γ_{n−1}²·Σ|x_i|` (for `add`) with `u` the
/// unit roundoff of `T`; with `addProduct` the products enter exactly.
@frozen
public struct CompensatedSum<T: FloatingPoint> {
    /// The rounded running sum.
    public var head: T
    /// The accumulated rounding errors of `head` (not yet added to it).
    public var tail: T

    /// An empty sum.
    @inlinable
    public init() {
        head = .zero
        tail = .zero
    }

    /// `head + tail` rounded once: the compensated sum.
    @inlinable public var sum: T { head + tail }

    /// Adds `x`: `head ← fl(head + x)` and the exact error of that addition
    /// (TwoSum, Knuth) is added to `tail`.
    @inlinable @inline(__always)
    public mutating func add(_ x: T) {
        let s = head + x
        let bp = s - head
        let error = (head - (s - bp)) + (x - bp)
        head = s
        tail += error
    }

    /// Adds the exact product `a·b`: its rounded value through ``add(_:)``
    /// and its rounding error (`fma(a, b, −fl(a·b))`, exact barring
    /// underflow) into `tail`.
    @inlinable @inline(__always)
    public mutating func addProduct(_ a: T, _ b: T) {
        let p = a * b
        let error = (-p).addingProduct(a, b)
        add(p)
        tail += error
    }
}
