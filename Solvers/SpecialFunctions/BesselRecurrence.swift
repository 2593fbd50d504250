import RealModule
import Roundoff

/// The three-term recurrence in the order, `C_{μ−1} − C_{μ+1} = (2μ/x) C_μ`
/// for `C = I` and `(−1)^μ K` (DLMF 10.29.1), in ratio form so that only
/// ratios of neighbouring orders (of moderate size) are formed and the
/// product of ratios is accumulated with exact power-of-two rescaling
/// (``ScaledProduct``).
///
/// - `K` grows with the order (the dominant solution), so the **forward**
///   recurrence is stable: with `q_μ = K_{μ+1}/K_μ`,
///   `q_{μ+1} = 1/q_μ + 2(μ + 1)/x`. Start values `K_f`, `K_{f+1}` at
///   `f = v − ⌊v⌋` come from ``BesselHankelExpansion`` where it is accurate
///   for order `f + 1`, else from ``BesselKIntegral``.
/// - `I` decreases with the order (the minimal solution), so the
///   **backward** recurrence is stable: with `R_μ = I_μ/I_{μ+1}`,
///   `R_{μ−1} = 1/R_μ + 2μ/x`. It starts at order `v + N`, the first
///   `v + N ≥` ``BesselRegion/debyeMinimumOrder``, where `I_{v+N}` and
///   `I_{v+N+1}` come from ``BesselDebyeExpansion``; then
///   `I_v = I_{v+N} Π_{j<N} R_{v+j}`. An error in the start ratio is
///   damped going down (the `K`-like component it carries shrinks
///   relative to `I`).
///
/// Each step rounds a few times; over `n` steps the relative error of the
/// function grows like `n ε`, at most 20 steps here.
public enum BesselRecurrence {
    /// `log K_v(x)` by forward recurrence from orders `f`, `f + 1`.
    @inlinable
    public static func logK<T: RealScalar>(order v: T, _ x: T) -> T {
        let n = Int(v.doubleValue.rounded(.down))
        let f = v - T(Double(n))
        let k0 = startLogK(order: f, x)
        if n == 0 { return k0 }
        let k1 = startLogK(order: f + 1, x)
        var q = T.exp(k1 - k0)
        var product = ScaledProduct<T>()
        var mu = f + 1
        for _ in 1..<n {
            q = 1 / q + 2 * mu / x
            product.multiply(by: q)
            mu += 1
        }
        return k1 + product.logarithm
    }

    /// `log K` at a start order `≤ 2`.
    @inlinable
    static func startLogK<T: RealScalar>(order v: T, _ x: T) -> T {
        BesselRegion.hankelApplies(order: v.doubleValue, x.doubleValue)
            ? BesselHankelExpansion.logK(order: v, x)
            : BesselKIntegral.logK(order: v, x)
    }

    /// `log I_v(x)` by backward recurrence from the Debye expansion.
    @inlinable
    public static func logI<T: RealScalar>(order v: T, _ x: T) -> T {
        let steps = Swift.max(1, Int((BesselRegion.debyeMinimumOrder - v.doubleValue).rounded(.up)))
        let top = v + T(Double(steps))
        let i0 = BesselDebyeExpansion.logI(order: top, x)
        let i1 = BesselDebyeExpansion.logI(order: top + 1, x)
        var r = T.exp(i0 - i1)
        var product = ScaledProduct<T>()
        var mu = top
        for _ in 0..<steps {
            r = 1 / r + 2 * mu / x
            product.multiply(by: r)
            mu -= 1
        }
        return i0 + product.logarithm
    }

    /// `K_v(x)` by the same forward recurrence in linear space from the
    /// naive start values (the naive path).
    @inlinable
    public static func valueK<T: RealScalar>(order v: T, _ x: T) -> T {
        let n = Int(v.doubleValue.rounded(.down))
        let f = v - T(Double(n))
        let start: (T) -> T = { order in
            BesselRegion.hankelApplies(order: order.doubleValue, x.doubleValue)
                ? BesselHankelExpansion.valueK(order: order, x)
                : BesselKIntegral.valueK(order: order, x)
        }
        var previous = start(f)
        if n == 0 { return previous }
        var current = start(f + 1)
        var mu = f + 1
        for _ in 1..<n {
            let next = previous + 2 * mu / x * current
            previous = current
            current = next
            mu += 1
        }
        return current
    }

    /// `I_v(x)` by the same backward recurrence in linear space from the
    /// naive Debye values (the naive path).
    @inlinable
    public static func valueI<T: RealScalar>(order v: T, _ x: T) -> T {
        let steps = Swift.max(1, Int((BesselRegion.debyeMinimumOrder - v.doubleValue).rounded(.up)))
        let top = v + T(Double(steps))
        var upper = BesselDebyeExpansion.valueI(order: top + 1, x)
        var current = BesselDebyeExpansion.valueI(order: top, x)
        var mu = top
        for _ in 0..<steps {
            let next = upper + 2 * mu / x * current
            upper = current
            current = next
            mu -= 1
        }
        return current
    }
}
