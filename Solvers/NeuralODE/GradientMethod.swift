/// How the neural-ODE training computes the loss gradient.
public enum GradientMethod: String, CaseIterable, Sendable {
    /// Backpropagation through the RK4 steps (``RK4Backpropagation``).
    case backprop
    /// The continuous adjoint method (``ContinuousAdjoint``).
    case adjoint
}
