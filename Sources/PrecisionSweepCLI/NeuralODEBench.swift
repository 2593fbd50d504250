import Benchmark
import Roundoff
import Solvers

/// Bench cases for neural-ODE training (ode_demo's set-up: hidden width 50,
/// 20 windows of 10 points, RK4, backpropagation through the steps unless
/// the case says adjoint), in time per training iteration: emulated formats
/// against the same generic code in `Double` (`neural-ode/double`).
enum NeuralODEBench {
    static func cases(iterations: Int) -> [BenchCase] {
        let setup = NeuralODETrainingSetup()
        let truth = SpiralDynamics.trajectory(Double.self, points: setup.points, end: setup.endTime)
        let baseline = "neural-ode/double"
        func generic<S: RealScalar, A: RealScalar>(_ name: String, _: S.Type, _: A.Type,
                                                   _ change: (inout NeuralODETrainingSetup) -> Void = { _ in }) -> BenchCase {
            var s = setup
            change(&s)
            let configured = s
            return BenchCase(name: name, unit: "ms/iteration", work: iterations, baseline: baseline, scale: 1e-6) {
                RoundingContext.withStream(StochasticStream(seed: 1)) {
                    train(S.self, A.self, configured, truth, iterations)
                }
            }
        }
        func runtime(_ name: String, _ format: FloatFormat, _ mode: RoundingMode) -> BenchCase {
            BenchCase(name: name, unit: "ms/iteration", work: iterations, baseline: baseline, scale: 1e-6) {
                RoundingContext.run(Training(setup: setup, truth: truth, iterations: iterations),
                                    format: format, mode: mode, seed: 1)
            }
        }
        return [
            generic(baseline, Double.self, Double.self),
            generic("neural-ode/double-adjoint", Double.self, Double.self) { $0.gradient = .adjoint },
            generic("neural-ode/float", Float.self, Float.self),
            runtime("neural-ode/bf16-rne-runtime", .bf16, .nearestEven),
            runtime("neural-ode/bf16-sr-runtime", .bf16, .stochastic),
            runtime("neural-ode/fp16-rne-runtime", .fp16, .nearestEven),
            generic("neural-ode/bf16-rne-static", Emulated<BF16, RNE>.self, Emulated<BF16, RNE>.self),
            generic("neural-ode/bf16-fp32-accumulation", Emulated<BF16, RNE>.self, Float.self),
            generic("neural-ode/fp16-fp32-accumulation-dynamic-scale", Emulated<FP16, RNE>.self, Float.self) {
                $0.lossScaling = .dynamic(initial: 32768, growthInterval: 200)
            },
        ]
    }

    struct Training: ScalarComputation {
        let setup: NeuralODETrainingSetup
        let truth: [Vector2<Double>]
        let iterations: Int
        func run<T: RealScalar>(_: T.Type) { train(T.self, T.self, setup, truth, iterations) }
    }

    @inline(never)
    static func train<S: RealScalar, A: RealScalar>(_: S.Type, _: A.Type, _ setup: NeuralODETrainingSetup,
                                                    _ truth: [Vector2<Double>], _ iterations: Int) {
        var trainer = NeuralODETrainer<S, A>(setup: setup, truth: truth)
        for _ in 0..<iterations { trainer.step() }
        blackHole(trainer.field.parameters)
    }
}
