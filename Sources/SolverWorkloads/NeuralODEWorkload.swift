import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// Training the neural ODE of torchdiffeq's `examples/ode_demo.py` (Chen
/// et al. 2018) on the spiral `dy/dt = y³·A` (``SpiralDynamics``) in any
/// precision (``NeuralODETrainer``): parameters, state and elementwise
/// arithmetic in the cell's format and mode; dot products, gradient sums
/// and the RMSprop statistics in `accumulation`; gradients by
/// backpropagation through RK4 or the continuous adjoint; optional static
/// or dynamic loss (adjoint) scaling. Celledoni, Owren, Ruthotto & Yang
/// (2025, arXiv:2510.23498) report fp16/bf16 with higher-precision
/// accumulation and dynamic adjoint scaling matching fp32.
///
/// Set-up (ode_demo, see `studies.md`): 1000 points on `[0, 25]` from
/// `y₀ = (2, 0)`; `f(y) = Linear(50→2)(tanh(Linear(2→50)(y³)))`, weights
/// `N(0, 0.1²)`, biases 0; each iteration 20 distinct window starts drawn
/// from `0..<990`, windows of 10 points, L1 loss, RMSprop `lr = 1e−3`,
/// `α = 0.99`, `ε = eps`. RK4 with `substeps` steps per grid interval
/// replaces dopri5; the data are binary64 RK4 with 100 substeps. The
/// initial weights and batches come from `seed` (``TrainingDraws``) and
/// are the same in every cell; the cell's seed only drives stochastic
/// rounding.
///
/// **Accumulation.** `same` (the cell's type), `fp32` or `fp64`; the two
/// presets are `Float` / `Double`, rounded to nearest as a hardware
/// accumulator is, whatever the cell's mode (one emulated type at a time
/// can read the run-time format).
///
/// **Variants.** `gradient`, `accumulation` and `loss_scale` each take a
/// comma-separated list; a cell trains every combination (gradient
/// slowest) and each parameter given with more than one value appends
/// `_VALUE` to the metric names, e.g. `loss_adjoint_fp32_dynamic` for
/// `gradient=backprop,adjoint accumulation=same,fp32
/// loss_scale=none,dynamic`. `diverged` covers all variants (and
/// `diverged_SUFFIX` each, when there are suffixes).
///
/// The reference is the same training in binary64 (`Double` throughout,
/// no loss scaling, the same seed and substeps) for each gradient method.
///
/// Metrics (`k` = iteration; losses and errors are means of absolute
/// values over points and both components, computed in binary64):
/// - `loss` (series in `k`): the mean batch loss (as the training
///   computed it, before each update) over the `test_every` iterations
///   ending at `k`.
/// - `test_loss` (series in `k`, from 0): ode_demo's test, the model
///   integrated from `y₀` over the whole grid against the true trajectory.
/// - `final_loss`: the last `loss` value.
/// - `trajectory_error`: the final model's test loss.
/// - `trajectory_error_vs_binary64`: the final model's trajectory against
///   that of the binary64-trained model.
/// - `binary64_trajectory_error`: the binary64-trained model's test loss.
/// - `skipped_steps`, `final_loss_scale`: of dynamic scaling (0 and the
///   scale otherwise).
/// - `zero_gradient_fraction`: the share of gradient components exactly
///   zero after unscaling, over all applied steps (underflow; about 0 in
///   binary64).
/// - `diverged`: the final parameters or trajectory are not finite.
public struct NeuralODEWorkload: Workload {
    /// The binary64 data and training.
    public struct Reference: Sendable {
        /// The true trajectory at the grid points.
        public var truth: [Vector2<Double>]
        /// The binary64-trained model's trajectory, per gradient method (its raw value).
        public var trajectories: [String: [Vector2<Double>]]
        /// Their test losses.
        public var trajectoryErrors: [String: Double]
    }

    /// Where dot products and gradient sums are accumulated.
    enum Accumulation: Equatable {
        case same, fp32, fp64
    }

    /// One training configuration of a cell: the gradient method, the
    /// accumulation and the loss scaling, with the suffix of its metric names.
    struct Variant {
        var suffix: String
        var gradient: GradientMethod
        var accumulation: Accumulation
        var scaling: LossScaling
    }

    /// The parsed parameters.
    struct Setup {
        var training = NeuralODETrainingSetup()
        var gradients: [GradientMethod] = []
        var accumulations: [(name: String, value: Accumulation)] = []
        var scalings: [(name: String, value: LossScaling)] = []
        var testEvery = 20

        init(_ values: ParameterValues) throws {
            training.iterations = try values.int("iterations", in: 1...1_000_000)
            for method in Self.list(values, "gradient") {
                guard let gradient = GradientMethod(rawValue: method) else {
                    throw ParameterError("parameter gradient=\(method) is not accepted; accepted: backprop, adjoint (or a list of them)")
                }
                gradients.append(gradient)
            }
            for accumulation in Self.list(values, "accumulation") {
                switch accumulation {
                case "same": accumulations.append((accumulation, .same))
                case "fp32", "binary32": accumulations.append(("fp32", .fp32))
                case "fp64", "binary64": accumulations.append(("fp64", .fp64))
                default:
                    throw ParameterError("parameter accumulation=\(accumulation) is not accepted; accepted: same, fp32, fp64 (or a list of them)")
                }
            }
            let initial = try values.double("initial_scale", in: 0x1p-60...0x1p60)
            guard initial.significandBitPattern == 0 else {
                throw ParameterError("parameter initial_scale=\(values.string("initial_scale")) is not a power of two; accepted: 2^k, e.g. 32768")
            }
            let growth = try values.int("growth_interval", in: 1...1_000_000)
            for scale in Self.list(values, "loss_scale") {
                switch scale {
                case "none": scalings.append((scale, .none))
                case "dynamic": scalings.append((scale, .dynamic(initial: initial, growthInterval: growth)))
                default:
                    guard let s = Double(scale), s.isFinite, s > 0 else {
                        throw ParameterError("parameter loss_scale=\(scale) is not accepted; accepted: none, dynamic, or a positive number (static scale), or a list of them")
                    }
                    scalings.append((scale, .fixed(s)))
                }
            }
            training.epsilon = try values.double("eps", in: 0...1)
            training.learningRate = try values.double("lr", in: 0...10)
            training.substeps = try values.int("substeps", in: 1...1000)
            training.hidden = try values.int("hidden", in: 1...10_000)
            training.batchSize = try values.int("batch_size", in: 1...990)
            training.batchTime = try values.int("batch_time", in: 2...990)
            guard training.batchSize <= training.points - training.batchTime else {
                throw ParameterError("parameters batch_size=\(training.batchSize), batch_time=\(training.batchTime): need batch_size ≤ 1000 − batch_time")
            }
            training.seed = UInt64(try values.int("seed", in: 0...Int.max))
            testEvery = try values.int("test_every", in: 1...training.iterations)
        }

        /// The comma-separated, lowercased entries of `name`; an empty
        /// value is one empty entry, which every parser refuses by name.
        static func list(_ values: ParameterValues, _ name: String) -> [String] {
            values.string(name).lowercased().split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }

        /// Every combination, gradient slowest; a parameter given as a list of
        /// more than one value contributes `_VALUE` to the suffix.
        var variants: [Variant] {
            var out: [Variant] = []
            for g in gradients {
                for a in accumulations {
                    for s in scalings {
                        var suffix = ""
                        if gradients.count > 1 { suffix += "_" + g.rawValue }
                        if accumulations.count > 1 { suffix += "_" + a.name }
                        if scalings.count > 1 { suffix += "_" + s.name }
                        out.append(Variant(suffix: suffix, gradient: g, accumulation: a.value, scaling: s.value))
                    }
                }
            }
            return out
        }

        /// The trainer's set-up of `variant`.
        func training(_ variant: Variant) -> NeuralODETrainingSetup {
            var t = training
            t.gradient = variant.gradient
            t.lossScaling = variant.scaling
            return t
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `neural-ode`.
    public var name: String { "neural-ode" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Neural ODE training (ode_demo spiral): loss, test trajectory error vs truth and binary64" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("iterations", default: "2000", "training iterations (ode_demo: 2000)"),
            WorkloadParameter("gradient", default: "backprop",
                              "backprop (through the RK4 steps), adjoint (continuous adjoint), or a list (metrics suffixed _backprop, _adjoint)"),
            WorkloadParameter("accumulation", default: "same",
                              "dot products, gradient sums, RMSprop statistics: same (the cell's type), fp32, fp64 (round to nearest), or a list"),
            WorkloadParameter("loss_scale", default: "none", "none, dynamic, a number S (static scale), or a list"),
            WorkloadParameter("initial_scale", default: "32768", "starting scale of loss_scale=dynamic (a power of two)"),
            WorkloadParameter("growth_interval", default: "200", "clean steps after which the dynamic scale doubles"),
            WorkloadParameter("eps", default: "1e-8", "RMSprop ε (PyTorch's default; rounds to 0 in fp16)"),
            WorkloadParameter("lr", default: "1e-3", "RMSprop learning rate"),
            WorkloadParameter("substeps", default: "1", "RK4 steps per grid interval"),
            WorkloadParameter("hidden", default: "50", "hidden width of the vector field"),
            WorkloadParameter("batch_size", default: "20", "windows per batch"),
            WorkloadParameter("batch_time", default: "10", "grid points per window"),
            WorkloadParameter("seed", default: "1", "seed of the initial weights and the batches (same in every cell)"),
            WorkloadParameter("test_every", default: "20", "iterations between test-loss evaluations"),
        ]
    }

    /// The true trajectory and the binary64 training for each gradient method.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        let truth = SpiralDynamics.trajectory(Double.self, points: setup.training.points, end: setup.training.endTime)
        var trajectories: [String: [Vector2<Double>]] = [:], errors: [String: Double] = [:]
        for g in setup.gradients {
            var training = setup.training
            training.gradient = g
            let run = Training(setup: training, accumulation: .same, testEvery: setup.testEvery, truth: truth,
                               recordsTests: false).run(Double.self)
            trajectories[g.rawValue] = run.trajectory
            errors[g.rawValue] = NeuralODETrainer<Double, Double>.meanAbsoluteDifference(run.trajectory, truth)
        }
        return Reference(truth: truth, trajectories: trajectories, trajectoryErrors: errors)
    }

    /// The training of every variant in `precision` and its comparison with
    /// the truth and the binary64 training.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        var metrics: [Metric] = []
        var flat: [Double] = []
        for variant in setup.variants {
            let run = precision.run(Training(setup: setup.training(variant), accumulation: variant.accumulation,
                                             testEvery: setup.testEvery, truth: reference.truth, recordsTests: true))
            let suffix = variant.suffix
            for (k, l) in run.losses { metrics.append(Metric("loss" + suffix, l, x: Double(k))) }
            for (k, l) in run.tests { metrics.append(Metric("test_loss" + suffix, l, x: Double(k))) }
            let key = variant.gradient.rawValue
            let error = NeuralODETrainer<Double, Double>.meanAbsoluteDifference(run.trajectory, reference.truth)
            let versus = NeuralODETrainer<Double, Double>.meanAbsoluteDifference(run.trajectory, reference.trajectories[key]!)
            let values = run.trajectory.flatMap { [$0.x, $0.y] } + run.parameters
            flat += values
            metrics += [
                Metric("final_loss" + suffix, run.losses.last?.loss ?? .nan),
                Metric("trajectory_error" + suffix, error),
                Metric("trajectory_error_vs_binary64" + suffix, versus),
                Metric("binary64_trajectory_error" + suffix, reference.trajectoryErrors[key]!),
                Metric("skipped_steps" + suffix, Double(run.skipped)),
                Metric("final_loss_scale" + suffix, run.finalScale),
                Metric("zero_gradient_fraction" + suffix, run.zeroFraction),
            ]
            var diverged = Metric.diverged(values)
            diverged.name += suffix
            if !suffix.isEmpty { metrics.append(diverged) }
        }
        metrics.append(Metric.diverged(flat))
        return metrics
    }

    /// One training run with the scalar it is run in.
    struct Training: ScalarComputation {
        let setup: NeuralODETrainingSetup
        let accumulation: Accumulation
        let testEvery: Int
        let truth: [Vector2<Double>]
        let recordsTests: Bool

        struct Output {
            /// `(k, mean batch loss over the block ending at k)`.
            var losses: [(iteration: Int, loss: Double)] = []
            /// `(k, test loss)`.
            var tests: [(iteration: Int, loss: Double)] = []
            var trajectory: [Vector2<Double>] = []
            var parameters: [Double] = []
            var skipped = 0
            var finalScale = 1.0
            var zeroFraction = 0.0
        }

        /// Dispatches the accumulation type (see ``NeuralODEWorkload``).
        func run<T: RealScalar>(_: T.Type) -> Output {
            switch accumulation {
            case .same: train(T.self, T.self)
            case .fp32: train(T.self, Float.self)
            case .fp64: train(T.self, Double.self)
            }
        }

        func train<Scalar: RealScalar, Accumulator: RealScalar>(_: Scalar.Type, _: Accumulator.Type) -> Output {
            var trainer = NeuralODETrainer<Scalar, Accumulator>(setup: setup, truth: truth)
            var out = Output()
            func test(_ k: Int) {
                guard recordsTests else { return }
                out.tests.append((k, NeuralODETrainer<Double, Double>.meanAbsoluteDifference(trainer.trajectory(), truth)))
            }
            test(0)
            var block = 0.0, blockCount = 0
            var skippedInARow = 0
            for k in 1...setup.iterations {
                let (loss, applied) = trainer.step()
                block += loss
                blockCount += 1
                skippedInARow = applied ? 0 : skippedInARow + 1
                // A run whose parameters are no longer finite, or whose
                // gradients stayed non-finite for 50 steps, cannot recover:
                // stop (the NaN marks it diverged) rather than spend the
                // remaining iterations on NaN and subnormal slow paths.
                let stuck = skippedInARow >= 50 || !trainer.field.parameterValues.allSatisfy(\.isFinite)
                if k % testEvery == 0 || k == setup.iterations || stuck {
                    out.losses.append((k, stuck ? .nan : block / Double(blockCount)))
                    block = 0; blockCount = 0
                    if k != setup.iterations && !stuck { test(k) }
                }
                if stuck { break }
            }
            out.trajectory = trainer.trajectory()
            if recordsTests {
                out.tests.append((setup.iterations,
                                  NeuralODETrainer<Double, Double>.meanAbsoluteDifference(out.trajectory, truth)))
            }
            out.parameters = trainer.field.parameterValues
            out.skipped = trainer.scaler.skipped
            out.finalScale = trainer.scaler.scale
            let components = trainer.appliedSteps * trainer.field.parameters.count
            out.zeroFraction = components == 0 ? 0 : Double(trainer.zeroGradientComponents) / Double(components)
            return out
        }
    }
}
