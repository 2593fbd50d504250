/// Which residual a conjugate-gradient solve tests for convergence and stagnation.
public enum MonitoredResidual: String, Sendable, Hashable, CaseIterable {
    /// The recursively updated residual `r_{k+1} = r_k − α_k·A·p_k` that the
    /// iteration carries (no extra work). In finite precision it keeps
    /// decreasing after the true residual `b − A·x_k` has stagnated at the
    /// attainable accuracy, so this measure can report convergence that the
    /// iterate does not have.
    case updated
    /// `b − A·x_k` recomputed from the iterate after every step, in the
    /// working precision (one more matrix–vector product per iteration). It
    /// stagnates where the iterate does, at a level set by the working
    /// precision, which the stagnation test then detects.
    case computed
}
