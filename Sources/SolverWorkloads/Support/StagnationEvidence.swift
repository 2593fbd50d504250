import Roundoff

/// When a run that ended on a plateau — a stretch of final steps that left
/// the state unchanged — counts as *stagnated*: stuck for good rather than
/// momentarily still.
///
/// Under a deterministic mode a step that leaves the state unchanged is
/// permanent in the iterations measured here: the state and hence the
/// next increment repeat (Euler), or the increments only shrink and
/// rounding is monotone (the harmonic sum). So any final plateau is
/// stagnation.
///
/// Under stochastic rounding an increment `δ` below the spacing `g` moves
/// the state with probability `δ/g`, so every finite run also ends on a
/// plateau, of random length. The plateau's *weight* `λ = Σ δ_k / g` is the
/// expected number of moves SR would have made over it (with the exact
/// increments, SR being unbiased); SR sits still that long with
/// probability `Π(1 − δ_k/g) ≤ e^{−λ}`. A stochastic plateau counts as
/// stagnation when `λ ≥` ``threshold``.
enum StagnationEvidence {
    /// The least weight of a stochastic-rounding plateau reported as
    /// stagnation: SR stays still that long by chance with probability
    /// below `e^−20 ≈ 2·10^−9`.
    static let threshold = 20.0

    /// Whether a final plateau of `steps` steps is stagnation under `mode`;
    /// `weight` gives its `λ` (asked only for stochastic modes, and may stop
    /// counting once it reaches ``threshold``).
    static func isStagnation(steps: Int, mode: RoundingMode, weight: () -> Double) -> Bool {
        guard steps > 0 else { return false }
        return !mode.isStochastic || weight() >= threshold
    }
}
