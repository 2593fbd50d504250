/// How the optimizer's step is added to the weights.
///
/// Under round to nearest a step below half an ulp of the weight is lost
/// (Zamirai et al. 2021); the modes differ in how they keep it.
public enum WeightUpdate: String, Sendable, CaseIterable, Hashable {
    /// `master`: the step is added to a master copy in the ``TensorRole/master``
    /// role's precision (fp32 in the mixed-precision recipe); the weights
    /// the products read are the master copy rounded into the weights role.
    case master
    /// `round`: the weights are stored in the weights role and `w + Δ` is
    /// rounded with the role's mode — the stalling baseline.
    case round
    /// `sr`: as `round`, but `w + Δ` is rounded stochastically whatever the
    /// role's mode, so small steps survive in expectation.
    case stochastic = "sr"
    /// `kahan`: Kahan-compensated summation with a compensation term stored
    /// in the weights role (Zamirai et al. 2021): `y = Δ − c; t = w + y;
    /// c = (t − w) − y; w = t`, each operation rounded.
    case kahan
    /// `collage`: a two-component weight `(hi, lo)`, both in the weights role,
    /// updated by Collage's Grow (Yu et al., ICML 2024): `s = hi + Δ`,
    /// `lo = lo + (Δ − (s − hi))`, then `(hi, lo) = Fast2Sum(s, lo)`.
    case collage

    /// The spec name.
    public var spec: String { rawValue }
}
