/// The hyperparameters of a neural-ODE training run on the spiral data,
/// defaulting to torchdiffeq's `examples/ode_demo.py` (Chen et al. 2018):
/// 1000 points on `[0, 25]`, hidden width 50, batches of 20 windows of 10
/// points, RMSprop with `lr = 1e−3` (PyTorch's `α = 0.99`, `ε = 1e−8`),
/// 2000 iterations, a test every 20 — with RK4 instead of dopri5.
public struct NeuralODETrainingSetup: Sendable, Equatable {
    /// Grid points of the data, `tᵢ = i·endTime/(points − 1)`.
    public var points = 1000
    /// The end of the time interval.
    public var endTime = 25.0
    /// Hidden width `H` of the vector field.
    public var hidden = 50
    /// Windows per batch (ode_demo's `batch_size`).
    public var batchSize = 20
    /// Grid points per window, including its start (ode_demo's `batch_time`).
    public var batchTime = 10
    /// Training iterations.
    public var iterations = 2000
    /// RK4 steps per grid interval.
    public var substeps = 1
    /// RMSprop's learning rate, `α` and `ε`.
    public var learningRate = 1e-3, alpha = 0.99, epsilon = 1e-8
    /// The gradient method.
    public var gradient = GradientMethod.backprop
    /// The loss scaling.
    public var lossScaling = LossScaling.none
    /// The seed of the initialisation and the batches (``TrainingDraws``).
    public var seed: UInt64 = 1

    /// The defaults.
    public init() {}

    /// The grid interval `endTime/(points − 1)`.
    public var interval: Double { endTime / Double(points - 1) }
}
