import Benchmark
import Foundation
import Roundoff
import RoundoffNN
import RoundoffReference

/// Bench cases for the training plugin: the emulated matrix product against
/// the same loop in plain binary64 and against OpenBLAS, and digits-mlp
/// training steps per policy against binary64 training.
enum NeuralNetworkBench {
    static func cases(size: Int, epochs: Int) -> [BenchCase] {
        var cases: [BenchCase] = []
        // Matrix product C = A·B, size³ multiply-adds.
        let work = size * size * size
        let a = (0..<size * size).map { Double(Float(sin(Double($0)))) }
        let b = (0..<size * size).map { Double(Float(cos(Double($0) * 0.7))) }
        let bf16 = { (v: [Double]) in v.map { RoundingKernel(format: .bf16, mode: .nearestEven).round($0) } }
        let (ab, bb) = (bf16(a), bf16(b))
        cases.append(BenchCase(name: "nn/matmul/double-loop", unit: "ns/madd", work: work, baseline: "nn/matmul/double-loop") {
            blackHole(plainProduct(a, b, size))
        })
        cases.append(BenchCase(name: "nn/matmul/openblas", unit: "ns/madd", work: work, baseline: "nn/matmul/double-loop") {
            blackHole(BLASMatrixProduct.product(a, b, m: size, n: size, k: size))
        })
        for (format, mode, name) in [(FloatFormat.bf16, RoundingMode.nearestEven, "bf16-rne"), (.bf16, .stochastic, "bf16-sr"),
                                     (.fp32, .nearestEven, "fp32-rne"), (.fp16, .nearestEven, "fp16-rne"), (.fp32, .up, "fp32-ru")] {
            let policy = try! PrecisionPolicy(spec: "pure;accumulate=\(format.spec)/\(mode.spec)").resolved(format: .fp64, mode: .nearestEven)
            cases.append(BenchCase(name: "nn/matmul/acc-\(name)", unit: "ns/madd", work: work, baseline: "nn/matmul/double-loop") {
                let arith = TrainingArithmetic(policy: policy, seed: 1)
                let t = arith.product(Tensor(rows: size, columns: size, values: ab), Tensor(rows: size, columns: size, values: bb), output: nil)
                blackHole(t.values[0])
            })
        }
        // digits-mlp training steps.
        guard let digits = try? LabelledDataset.digits() else { return cases }
        let split = DatasetSplit(digits, testFraction: 0.25, seed: 1)
        let training = ClassifierTraining(widths: [64, 32, 10], batchSize: 16, epochs: epochs) {
            MomentumSGD(learningRate: 0.02, momentum: 0.9, weightDecay: 1e-3)
        }
        let steps = epochs * ((split.train.count + 15) / 16)
        let runs: [(String, String, FloatFormat, RoundingMode)] = [
            ("binary64", "pure", .fp64, .nearestEven),
            ("bf16-pure-rne", "pure", .bf16, .nearestEven),
            ("bf16-pure-sr", "pure", .bf16, .stochastic),
            ("bf16-pure-kahan", "pure-kahan", .bf16, .nearestEven),
            ("fp16-mixed", "mixed", .fp16, .nearestEven),
            ("mxfp8", "mxfp8", .fp32, .nearestEven),
            ("nvfp4", "nvfp4", .fp32, .nearestEven),
        ]
        for (name, preset, format, mode) in runs {
            let policy = PrecisionPolicy.preset(named: preset)!.resolved(format: format, mode: mode)
            cases.append(BenchCase(name: "nn/digits-mlp/\(name)", unit: "µs/step", work: steps, baseline: "nn/digits-mlp/binary64",
                                   scale: 1e-3, settings: [Iterations(3)]) {
                blackHole(training.run(split, policy: policy, seed: 1).trainLoss.last!)
            })
        }
        return cases
    }

    /// The accumulation loop of the emulated product without rounding.
    @inline(never)
    static func plainProduct(_ a: [Double], _ b: [Double], _ n: Int) -> Double {
        var c = [Double](repeating: 0, count: n * n)
        a.withUnsafeBufferPointer { av in
            b.withUnsafeBufferPointer { bv in
                c.withUnsafeMutableBufferPointer { cv in
                    for i in 0..<n {
                        for p in 0..<n {
                            let alpha = av[i * n + p]
                            for j in 0..<n { cv[i * n + j] += alpha * bv[p * n + j] }
                        }
                    }
                }
            }
        }
        return c[0]
    }
}
