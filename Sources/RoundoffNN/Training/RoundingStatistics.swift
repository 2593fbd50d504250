/// What the rounding of a training run did, summed over the run.
public struct RoundingStatistics: Sendable {
    /// Values rounded into each role.
    public var rounded: [TensorRole: Int] = [:]
    /// Nonzero values that became zero, per role.
    public var underflowed: [TensorRole: Int] = [:]
    /// Values clamped at the format's largest magnitude, per role.
    public var clamped: [TensorRole: Int] = [:]
    /// Weight components whose step was nonzero.
    public var updates = 0
    /// Weight components whose nonzero step left the stored weight (and its
    /// compensation, if any) unchanged: the update was lost.
    public var lostUpdates = 0
    /// Weight-gradient components that were nonzero before rounding into the gradients role.
    public var gradientsNonzero = 0
    /// Of those, the ones that rounded to zero.
    public var gradientsUnderflowed = 0

    /// Output errors (the loss gradient at the logits) that were nonzero
    /// before rounding into the errors role.
    public var errorsNonzero = 0
    /// Of those, the ones that rounded to zero (what loss scaling prevents).
    public var errorsUnderflowed = 0

    /// An empty record.
    public init() {}

    mutating func record(_ s: QuantizationStatistics, role: TensorRole) {
        rounded[role, default: 0] += s.values
        underflowed[role, default: 0] += s.underflows
        clamped[role, default: 0] += s.clamped
    }

    /// Fraction of nonzero weight gradients that underflowed to zero.
    public var gradientUnderflowFraction: Double {
        gradientsNonzero == 0 ? 0 : Double(gradientsUnderflowed) / Double(gradientsNonzero)
    }

    /// Fraction of nonzero output errors that underflowed to zero.
    public var errorUnderflowFraction: Double {
        errorsNonzero == 0 ? 0 : Double(errorsUnderflowed) / Double(errorsNonzero)
    }

    /// Fraction of nonzero steps that were lost.
    public var lostUpdateFraction: Double {
        updates == 0 ? 0 : Double(lostUpdates) / Double(updates)
    }
}
