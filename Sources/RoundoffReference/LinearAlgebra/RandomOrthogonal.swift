import CLAPACKE
import Foundation
import Roundoff

/// Random orthogonal matrices distributed by Haar measure, for test matrices
/// with a chosen spectrum or singular values (`A = Q·Λ·Qᵀ`, `A = U·Σ·Vᵀ`).
///
/// `Z` is an `n × n` matrix of independent standard normal entries
/// (Box–Muller on the counter-based ``StochasticStream`` of `seed`, so the
/// matrix depends only on `n` and `seed`); LAPACKE's `dgeqrf`/`dorgqr`
/// give `Z = Q·R`, and `Q·diag(sign rᵢᵢ)` is Haar-distributed (Mezzadri,
/// Notices AMS 2007). Orthogonal to binary64 round-off:
/// `‖QᵀQ − I‖ = O(n·u)`.
public enum RandomOrthogonal {
    /// An `n × n` orthogonal matrix, column-major (`q[i + j·n]`).
    public static func matrix(n: Int, seed: UInt64) -> [Double] {
        precondition(n >= 1, "RandomOrthogonal.matrix needs n ≥ 1 (got \(n))")
        let stream = StochasticStream(seed: seed, stream: 0x0A7_0C0)
        var z = (0..<(n * n)).map { k -> Double in
            // Box–Muller: u1 ∈ (0, 1] keeps the logarithm finite.
            let u1 = 1 - stream.unitInterval(at: UInt64(2 * k))
            let u2 = stream.unitInterval(at: UInt64(2 * k + 1))
            return (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        var tau = [Double](repeating: 0, count: n)
        let ni = Int32(n)
        var info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, ni, ni, &z, ni, &tau)
        precondition(info == 0, "dgeqrf failed (info \(info))")
        let signs = (0..<n).map { z[$0 + $0 * n] < 0 ? -1.0 : 1.0 }
        info = LAPACKE_dorgqr(LAPACK_COL_MAJOR, ni, ni, ni, &z, ni, &tau)
        precondition(info == 0, "dorgqr failed (info \(info))")
        for j in 0..<n where signs[j] < 0 {
            for i in 0..<n { z[i + j * n] = -z[i + j * n] }
        }
        return z
    }

    /// `Q·diag(d)·Qᵀ` for a Haar-random `Q` (symmetric; positive definite when
    /// every `dᵢ > 0`, with 2-norm condition number `max d / min d`), column-major.
    public static func symmetric(eigenvalues d: [Double], seed: UInt64) -> [Double] {
        let n = d.count
        let q = matrix(n: n, seed: seed)
        var a = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in j..<n {
                var s = 0.0
                for k in 0..<n { s += q[i + k * n] * d[k] * q[j + k * n] }
                a[i + j * n] = s; a[j + i * n] = s
            }
        }
        return a
    }

    /// Eigenvalues (or singular values) geometrically spaced from 1 down to
    /// `1/kappa`: `dᵢ = κ^{−i/(n−1)}`, the "mode 3" distribution of LAPACK's
    /// test-matrix generator `dlatms`.
    public static func geometricSpectrum(n: Int, kappa: Double) -> [Double] {
        precondition(n >= 1 && kappa >= 1, "geometricSpectrum needs n ≥ 1 and κ ≥ 1 (got n = \(n), κ = \(kappa))")
        if n == 1 { return [1] }
        return (0..<n).map { Foundation.pow(kappa, -Double($0) / Double(n - 1)) }
    }
}
