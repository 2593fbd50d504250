import Benchmark
import Roundoff
import Solvers

/// Bench cases for the shallow-water model (``ShallowWater``, 100 × 50,
/// the paper's set-up) stepped from a binary64 state spun up for 30 days,
/// generic over the scalar, against the same code in Double. Reported per
/// grid point per time step.
enum ShallowWaterBench {
    static let parameters = ShallowWaterParameters()

    static func cases(days: Double) -> [BenchCase] {
        let steps = parameters.steps(days: days)
        // Spun up lazily, once, when the first case runs (not when cases are listed).
        let start = StartState()
        func make<S: RealScalar, T: RealScalar>(_: S.Type, _: T.Type, _ name: String,
                                                 options: ShallowWaterOptions = .init()) -> BenchCase {
            BenchCase(name: "shallow-water/\(name)", unit: "ns/point/step",
                      work: steps * parameters.nx * parameters.ny, baseline: "shallow-water/double",
                      settings: [Iterations(3)]) {
                RoundingContext.withStream(StochasticStream(seed: 1)) {
                    integrate(S.self, T.self, steps, options, start.fields)
                }
            }
        }
        return [
            make(Double.self, Double.self, "double"),
            make(Float.self, Float.self, "float"),
            make(Emulated<FP16, RNE>.self, Emulated<FP16, RNE>.self, "fp16-rne"),
            make(Emulated<FP16, RNE>.self, Emulated<FP16, RNE>.self, "fp16-rne-compensated",
                 options: .init(compensated: true)),
            make(Float.self, Emulated<FP16, RNE>.self, "fp32-state-fp16-rne"),
            make(Emulated<BF16, SR>.self, Emulated<BF16, SR>.self, "bf16-sr"),
        ]
    }

    /// The 30-day binary64 spin-up, computed on first use.
    final class StartState: @unchecked Sendable {
        lazy var fields: ShallowWaterFields = {
            let model = ShallowWater<Double, Double>(parameters: ShallowWaterBench.parameters)
            model.run(steps: ShallowWaterBench.parameters.steps(days: 30))
            return model.fields
        }()
    }

    @inline(never)
    static func integrate<S: RealScalar, T: RealScalar>(_: S.Type, _: T.Type, _ steps: Int,
                                                        _ options: ShallowWaterOptions, _ start: ShallowWaterFields) {
        let model = ShallowWater<S, T>(parameters: parameters, options: options, start: start)
        model.run(steps: steps)
        blackHole(model.fields.eta[0])
    }
}
