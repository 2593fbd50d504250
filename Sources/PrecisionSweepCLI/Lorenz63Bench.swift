import Benchmark
import Roundoff
import Solvers

/// Bench cases for a Lorenz-63 RK4 loop generic over the scalar, against Double.
enum Lorenz63Bench {
    static func cases(steps: Int) -> [BenchCase] {
        var cases = [
            make(Double.self, "double", steps),
            make(Float.self, "float", steps),
            make(Float16.self, "float16-native", steps),
            make(Emulated<FP16, RNE>.self, "fp16-rne-static", steps),
            runtime(.fp16, .nearestEven, "fp16-rne-runtime", steps),
            dynamic(.fp16, .nearestEven, "fp16-rne-dynamic", steps),
            make(Emulated<BF16, RNE>.self, "bf16-rne-static", steps),
            make(Emulated<BF16, SR>.self, "bf16-sr-static", steps),
            runtime(.bf16, .stochastic, "bf16-sr-runtime", steps),
            dynamic(.bf16, .stochastic, "bf16-sr-dynamic", steps),
            make(Emulated<FP16, RU>.self, "fp16-ru-static", steps),
        ]
        cases = cases.map { c in
            BenchCase(name: c.name, unit: "ns/step", work: steps, baseline: "lorenz63/double", body: c.body)
        }
        return cases
    }

    static func make<T: RealScalar>(_: T.Type, _ name: String, _ steps: Int) -> BenchCase {
        BenchCase(name: "lorenz63/\(name)", unit: "ns/step", work: steps, baseline: "lorenz63/double") {
            RoundingContext.withStream(StochasticStream(seed: 1)) { integrate(T.self, steps) }
        }
    }

    /// Format and mode from values, mode dispatched once to a specialised type.
    static func runtime(_ f: FloatFormat, _ m: RoundingMode, _ name: String, _ steps: Int) -> BenchCase {
        BenchCase(name: "lorenz63/\(name)", unit: "ns/step", work: steps, baseline: "lorenz63/double") {
            RoundingContext.run(Integration(steps: steps), format: f, mode: m, seed: 1)
        }
    }

    /// Fully dynamic `RuntimeEmulated`: format and mode read per operation.
    static func dynamic(_ f: FloatFormat, _ m: RoundingMode, _ name: String, _ steps: Int) -> BenchCase {
        BenchCase(name: "lorenz63/\(name)", unit: "ns/step", work: steps, baseline: "lorenz63/double") {
            RoundingContext.with(format: f, mode: m, seed: 1) { integrate(RuntimeEmulated.self, steps) }
        }
    }

    struct Integration: ScalarComputation {
        let steps: Int
        func run<T: RealScalar>(_: T.Type) { integrate(T.self, steps) }
    }

    @inline(never)
    static func integrate<T: RealScalar>(_: T.Type, _ steps: Int) {
        var system = Lorenz63<T>()
        system.run(steps: steps)
        blackHole(system.x)
    }
}
