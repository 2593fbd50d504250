/// The tensors of training whose precision a ``PrecisionPolicy`` sets
/// separately (the roles of Micikevicius et al. 2018 and the OCP MX
/// training recipes).
public enum TensorRole: String, Sendable, CaseIterable, Hashable {
    /// The weights as the forward and backward matrix products read them.
    case weights
    /// Layer inputs and outputs in the forward pass.
    case activations
    /// Backward errors: the loss gradient with respect to activations.
    case errors
    /// Weight gradients, as handed to the optimizer.
    case gradients
    /// Optimizer state (momentum, Adam's moments) and the optimizer's arithmetic.
    case optimizer
    /// The master copy of the weights that updates are applied to
    /// (only read under ``WeightUpdate/master``).
    case master

    /// The spec name (`weights`, `activations`, `errors`, `gradients`, `optimizer`, `master`).
    public var spec: String { rawValue }
}
