import Foundation
import Roundoff
import Testing
@testable import RoundoffNN

@Suite("Classifier training")
struct ClassifierTrainingTests {
    static let exact = PrecisionPolicy(name: "binary64").resolved(format: .fp64, mode: .nearestEven)

    // Published baseline: an MLP 64-32-10 on the UCI digits reaches ~97–98.5 % test accuracy.
    @Test func binary64DigitsMLPReaches97Percent() throws {
        let split = DatasetSplit(try LabelledDataset.digits(), testFraction: 0.25, seed: 1)
        let training = ClassifierTraining(widths: [64, 32, 10], batchSize: 16, epochs: 30) {
            MomentumSGD(learningRate: 0.02, momentum: 0.9, weightDecay: 1e-3)
        }
        let out = training.run(split, policy: Self.exact, seed: 0)
        #expect(out.testAccuracy.last! >= 0.97)
        #expect(out.trainLoss.last! < out.trainLoss.first! / 10)
    }

    /// Backpropagation against central differences of the binary64 loss,
    /// through two hidden layers of each activation.
    @Test(arguments: [Activation.relu, .tanh])
    func gradientsMatchFiniteDifferences(_ activation: Activation) {
        let model = MultilayerPerceptron(widths: [5, 7, 6, 3], hidden: activation, stream: StochasticStream(seed: 4))
        let arith = TrainingArithmetic(policy: Self.exact, seed: 0)
        let x = Tensor(rows: 4, columns: 5, values: (0..<20).map { sin(Double($0) * 1.7) })
        let labels = [0, 2, 1, 2]
        func loss() -> Double {
            SoftmaxCrossEntropy.evaluate(logits: model.forward(x, arith).last!.output, labels: labels, scale: 1).loss
        }
        let caches = model.forward(x, arith)
        let error = SoftmaxCrossEntropy.evaluate(logits: caches.last!.output, labels: labels, scale: 1).gradient
        model.backward(error, caches: caches, arith)
        var worst = 0.0
        for p in model.parameters {
            for i in p.values.indices {
                let saved = p.values[i], h = 1e-6
                p.values[i] = saved + h
                let up = loss()
                p.values[i] = saved - h
                let down = loss()
                p.values[i] = saved
                let numeric = (up - down) / (2 * h)
                worst = max(worst, abs(numeric - p.gradient[i]) / max(abs(numeric), 1e-3))
            }
        }
        #expect(worst < 1e-6, "largest relative gradient error \(worst)")
    }

    @Test func sameSeedSameBitsInStochasticRounding() throws {
        let split = DatasetSplit(try LabelledDataset.digits(), testFraction: 0.9, seed: 3)
        let training = ClassifierTraining(widths: [64, 8, 10], batchSize: 16, epochs: 1) { MomentumSGD(learningRate: 0.05, momentum: 0.9) }
        let policy = PrecisionPolicy.preset(named: "pure")!.resolved(format: .bf16, mode: .stochastic)
        let a = training.run(split, policy: policy, seed: 5)
        let b = training.run(split, policy: policy, seed: 5)
        let c = training.run(split, policy: policy, seed: 6)
        #expect(a.trainLoss == b.trainLoss && a.testAccuracy == b.testAccuracy)
        #expect(a.trainLoss != c.trainLoss)
    }

    @Test func lossScalingKeepsFP16ErrorsFromUnderflowing() throws {
        // A confident network: the wrong classes' probabilities e^(−margin)
        // for margins 12…24, divided by the batch size 16, lie between
        // 4e-7 and 2.4e-12 — most below fp16's smallest subnormal 2^−24 ≈ 6e-8.
        let margins = (0..<16).map { 12 + Double($0) * 0.8 }
        var logits = Tensor(rows: 16, columns: 10)
        for i in 0..<16 { logits[i, i % 10] = margins[i] }
        let labels = (0..<16).map { $0 % 10 }
        let policy = try PrecisionPolicy(spec: "mixed").resolved(format: .fp16, mode: .nearestEven)
        var fractions: [Double] = []
        for scale in [1.0, 32768] {
            let arith = TrainingArithmetic(policy: policy, seed: 0)
            var e = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels, scale: scale).gradient
            arith.roundOutputErrors(&e.values)
            fractions.append(arith.statistics.errorUnderflowFraction)
        }
        // Per row, nine wrong classes get q·S/16 and the right one −9q·S/16,
        // q = e^(−margin)/(1 + 9e^(−margin)); below half of 2^−24 rounds to zero.
        func underflowFraction(_ scale: Double) -> Double {
            margins.map { m in
                let q = exp(-m) / (1 + 9 * exp(-m)) * scale / 16
                return (q < 0x1p-25 ? 9.0 : 0) + (9 * q < 0x1p-25 ? 1 : 0)
            }.reduce(0, +) / 160
        }
        let expected = underflowFraction(1), expectedScaled = underflowFraction(32768)
        #expect(abs(fractions[0] - expected) < 1e-12 && expected > 0.5)
        #expect(abs(fractions[1] - expectedScaled) < 1e-12 && expectedScaled == 0)
    }
}
