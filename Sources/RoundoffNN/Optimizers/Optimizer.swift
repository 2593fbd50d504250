import Roundoff

/// An optimizer: turns a parameter's gradient into a step Δ, in the
/// optimizer role's precision, keeping its state in that role.
public protocol Optimizer: AnyObject {
    /// Called once per (non-skipped) training step, before the parameters' steps.
    func beginStep()
    /// The step Δ for `parameter` (to be added to its weights): reads
    /// `parameter.gradient / lossScale` (plus `weightDecay · w` for
    /// decaying parameters) and updates `parameter.state`, every operation
    /// rounded in the optimizer role's precision.
    func step(for parameter: Parameter, lossScale: Double, _ arith: TrainingArithmetic) -> [Double]
}
