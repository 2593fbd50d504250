import Foundation
import Roundoff
import Testing
@testable import RoundoffNN

@Suite("Logistic regression: stalling updates")
struct ConvexStallTests {
    static func setup(steps: Int) throws -> (LogisticRegressionTraining, LabelledDataset) {
        let data = DatasetSplit(try LabelledDataset.breastCancer(), testFraction: 0.25, seed: 1).train
        let t = LogisticRegressionTraining(regularization: 1e-2, steps: steps, recordEvery: steps) {
            MomentumSGD(learningRate: 0.05, momentum: 0.9, weightDecay: 1e-2)
        }
        return (t, data)
    }

    /// Newton's optimum has a zero gradient (checked here from the
    /// definition), and binary64 gradient descent reaches the same value.
    @Test func newtonOptimumIsStationaryAndGradientDescentReachesIt() throws {
        let (t, data) = try Self.setup(steps: 3000)
        let opt = try t.optimum(data)
        let n = data.featureCount
        var g = [Double](repeating: 0, count: n + 1)
        for i in 0..<data.count {
            var z = opt.b
            for j in 0..<n { z += data.features[i * n + j] * opt.w[j] }
            let s = data.labels[i] == 1 ? 1.0 : -1.0
            let p = 1 / (1 + exp(s * z))
            for j in 0..<n { g[j] -= s * p * data.features[i * n + j] / Double(data.count) }
            g[n] -= s * p / Double(data.count)
        }
        for j in 0..<n { g[j] += 1e-2 * opt.w[j] }
        #expect(g.map(\.magnitude).max()! < 1e-14)
        let exact = PrecisionPolicy(name: "binary64").resolved(format: .fp64, mode: .nearestEven)
        let gap = t.run(data, optimum: opt.value, policy: exact, seed: 0).gap.last!.value
        #expect(abs(gap) < 1e-13)
    }

    /// Published: pure bf16 with round-to-nearest updates stalls ~1e−3 above
    /// the optimum, stochastic rounding and Kahan-compensated updates get far closer.
    @Test func bf16RoundToNearestStallsWhereSRAndKahanDoNot() throws {
        let (t, data) = try Self.setup(steps: 1500)
        let optimum = try t.optimum(data).value
        func gap(_ name: String, seed: UInt64 = 1) throws -> Double {
            let p = try PrecisionPolicy(spec: name).resolved(format: .bf16, mode: .nearestEven)
            return t.run(data, optimum: optimum, policy: p, seed: seed).gap.last!.value
        }
        let rne = try gap("pure"), sr = try gap("pure-sr"), kahan = try gap("pure-kahan")
        #expect(rne > 3e-4, "bf16 rne gap \(rne)")
        #expect(rne > 10 * sr, "rne \(rne) against sr \(sr)")
        #expect(rne > 10 * kahan, "rne \(rne) against kahan \(kahan)")
    }
}
