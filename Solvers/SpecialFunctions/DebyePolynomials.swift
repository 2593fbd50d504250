import RealModule
import Roundoff

/// The Debye polynomials `u_k(p)` of the uniform asymptotic expansions of
/// `I_v(v z)` and `K_v(v z)` for large order (DLMF 10.41.10–11):
/// `u₀ = 1`, `u_{k+1}(p) = ½p²(1 − p²) u_k′(p) + ⅛ ∫₀ᵖ (1 − 5t²) u_k(t) dt`.
///
/// `u_k(p) = p^k Σ_{j=0…k} c_{k,j} p^{2j}`; the rational coefficients are
/// generated once in binary64 by the recurrence (each `c_{k,j}` to a few
/// binary64 ulps) for `k ≤` ``maxOrder``.
public enum DebyePolynomials {
    /// The largest `k` tabulated: `max_p |u_k(p)|/v^k` at `v = 20` is
    /// `7·10⁻¹⁸` for `k = 16` and `4·10⁻²⁰` for `k = 20` (measured from
    /// the exact rational coefficients), so 20 terms reach binary64
    /// precision for every `v ≥ 20`.
    public static let maxOrder = 20

    /// `coefficients[k][j] = c_{k,j}`, the coefficient of `p^{k+2j}` in `u_k`.
    @usableFromInline
    static let coefficients: [[Double]] = {
        // Dense by power n: u_k has powers k, k+2, …, 3k.
        var table: [[Double]] = [[1]]
        var current = [Double](repeating: 0, count: 3 * maxOrder + 4)
        current[0] = 1
        for k in 0..<maxOrder {
            var next = [Double](repeating: 0, count: current.count)
            for n in stride(from: k, through: 3 * k, by: 2) where current[n] != 0 {
                let a = current[n], dn = Double(n)
                // ½p²(1 − p²)·n a pⁿ⁻¹ and ⅛∫(1 − 5t²) a tⁿ.
                next[n + 1] += 0.5 * dn * a + a / (8 * (dn + 1))
                next[n + 3] -= 0.5 * dn * a + 5 * a / (8 * (dn + 3))
            }
            current = next
            table.append(stride(from: k + 1, through: 3 * (k + 1), by: 2).map { current[$0] })
        }
        return table
    }()

    /// `Σ_{k=1…K} s^k u_k(p)/v^k` in `T`, with `s = −1` when `alternating`
    /// (the expansion of `K`) and `+1` otherwise (`I`). Terms are added
    /// until one is below `ε/16` of the running sum `1 + …` (`ε` the unit
    /// roundoff of `T`) or `K = ` ``maxOrder``; each `u_k(p)` by Horner in
    /// `p²`, with the coefficients rounded into `T`.
    @inlinable
    public static func tail<T: RealScalar>(p: T, order v: T, alternating: Bool) -> T {
        let p2 = p * p
        let tolerance = T.ulpOfOne / 16
        let table = coefficients
        var sum = T.zero
        // (p/v)^k rather than p^k / v^k, which overflows in narrow formats.
        let ratio = p / v
        var power = T(1)
        for k in 1...maxOrder {
            power *= ratio
            let c = table[k]
            var poly = T(c[k])
            var j = k - 1
            while j >= 0 { poly = poly * p2 + T(c[j]); j -= 1 }
            var term = power * poly
            if alternating && k % 2 == 1 { term = -term }
            sum += term
            if abs(term) <= tolerance * abs(1 + sum) { break }
        }
        return sum
    }
}
