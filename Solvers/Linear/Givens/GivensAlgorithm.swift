/// How a Givens rotation `(c, s, r)` is computed from `(f, g)`; see
/// ``GivensGenerator`` for the exact operation sequences.
public enum GivensAlgorithm: String, CaseIterable, Sendable {
    /// The defining formulas evaluated directly, without scaling or special
    /// cases: `d = √(f² + g²)`, `c = |f|/d`, `r = sign(f)·d`, `s = g/r`.
    /// Overflows or underflows once `f²` or `g²` leaves the format's range.
    case naive
    /// LAPACK 3.10.0's `xLARTG` (Anderson, ACM TOMS 44, 2017, Algorithm 978):
    /// reciprocal `p = 1/d` multiplied into `c` and `s`, safe scaling outside
    /// `(√(safmin/ε), √(safmax·ε))`.
    case lapack310
    /// The algorithm of Pereira, Lotfi & Langou (arXiv:2211.04010, 2022), in
    /// LAPACK since 3.10.1 (Reference-LAPACK PR #631): one division per
    /// entry, safe scaling outside `(√safmin, √(safmax/2))`.
    case pereiraLotfiLangou2022 = "plg2022"

    /// The parameter spellings, in declaration order: `naive, lapack310, plg2022`.
    public static var names: [String] { allCases.map(\.rawValue) }
}
