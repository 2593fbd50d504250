import COpenBLAS

/// Givens rotations from the LAPACK that OpenBLAS bundles: `DLARTG` and
/// `SLARTG`, which return `(c, s, r)` with `[c s; −s c]·(f, g)ᵀ = (r, 0)ᵀ`,
/// `c ≥ 0`, `r = sign(f)·√(f² + g²)`, computed in binary64 and binary32.
///
/// The library's algorithm is its release's: OpenBLAS 0.3.21 (Debian 12)
/// carries Pereira, Lotfi & Langou's (Reference-LAPACK PR #631), one
/// division per entry with safe scaling outside `(√safmin, √(safmax/2))`;
/// its error is a few units of the working precision's roundoff.
public enum LAPACKGivens {
    /// `DLARTG(f, g)` in binary64.
    public static func rotation(f: Double, g: Double) -> (c: Double, s: Double, r: Double) {
        var f = f, g = g, c = 0.0, s = 0.0, r = 0.0
        dlartg_(&f, &g, &c, &s, &r)
        return (c, s, r)
    }

    /// `SLARTG(f, g)` in binary32.
    public static func rotation(f: Float, g: Float) -> (c: Float, s: Float, r: Float) {
        var f = f, g = g, c: Float = 0, s: Float = 0, r: Float = 0
        slartg_(&f, &g, &c, &s, &r)
        return (c, s, r)
    }
}
