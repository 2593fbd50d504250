import Testing
import Roundoff
import Solvers

/// The neural-ODE solver pieces on small problems: gradients against
/// central finite differences, the adjoint against backpropagation, RK4's
/// order, training progress, loss scaling in fp16.
struct NeuralODETests {
    /// A small set-up on ode_demo's grid spacing: 60 points, hidden width 6,
    /// 4 windows of 5 points.
    static func smallSetup(substeps: Int = 1) -> NeuralODETrainingSetup {
        var s = NeuralODETrainingSetup()
        s.points = 60
        s.endTime = 59 * 25 / 999
        s.hidden = 6
        s.batchSize = 4
        s.batchTime = 5
        s.substeps = substeps
        return s
    }

    static func truth(_ s: NeuralODETrainingSetup) -> [Vector2<Double>] {
        SpiralDynamics.trajectory(Double.self, points: s.points, end: s.endTime, substeps: 20)
    }

    static let starts = [0, 11, 23, 40]

    @Test func spiralVelocityIsCubeTimesA() {
        // y = (1, 2): y³ = (1, 8), y³·A = (1·(−0.1) + 8·(−2), 1·2 + 8·(−0.1)).
        let v = SpiralDynamics.velocity(Vector2<Double>(1, 2))
        #expect(abs(v.x - -16.1) < 1e-14 && abs(v.y - 1.2) < 1e-14)
    }

    @Test func spiralRK4IsFourthOrder() {
        // Richardson: e(n) = |y_n − y_2n| at t = 1 falls by 2⁴ per halving of h.
        func end(_ n: Int) -> Vector2<Double> {
            SpiralDynamics.trajectory(Double.self, points: 2, end: 1, substeps: n)[1]
        }
        func distance(_ a: Vector2<Double>, _ b: Vector2<Double>) -> Double { max(abs(a.x - b.x), abs(a.y - b.y)) }
        let y = [640, 1280, 2560, 5120].map(end)
        let e = (0..<3).map { distance(y[$0], y[$0 + 1]) }
        for i in 0..<2 {
            let ratio = e[i] / e[i + 1]
            #expect(ratio > 14 && ratio < 18, "ratio \(ratio)")
        }
    }

    @Test func backpropagationMatchesCentralDifferences() {
        let setup = Self.smallSetup()
        var trainer = NeuralODETrainer<Double, Double>(setup: setup, truth: Self.truth(setup))
        let (_, g) = trainer.lossAndGradient(starts: Self.starts, scale: 1)
        let theta = trainer.field.parameters
        let eps = 1e-6
        var worst = 0.0
        let norm = g.map(abs).max()!
        #expect(norm > 0)
        for i in theta.indices {
            var t = trainer
            t.field.parameters[i] = theta[i] + eps
            let up = t.lossAndGradient(starts: Self.starts, scale: 1).loss
            t.field.parameters[i] = theta[i] - eps
            let down = t.lossAndGradient(starts: Self.starts, scale: 1).loss
            let fd = (up - down) / (2 * eps)
            worst = max(worst, abs(fd - g[i]))
        }
        #expect(worst <= 1e-6 * norm, "worst |fd − g| = \(worst), ‖g‖∞ = \(norm)")
    }

    @Test func adjointApproachesBackpropagationAtFourthOrder() {
        // Both are O(h⁴) approximations of the exact gradient on the same
        // forward solution: their difference falls ~16× per halving of h.
        func difference(_ m: Int) -> Double {
            let setup = Self.smallSetup(substeps: m)
            var trainer = NeuralODETrainer<Double, Double>(setup: setup, truth: Self.truth(setup))
            let b = trainer.lossAndGradient(starts: Self.starts, scale: 1, method: .backprop).gradient
            let a = trainer.lossAndGradient(starts: Self.starts, scale: 1, method: .adjoint).gradient
            let norm = b.map(abs).max()!
            return zip(a, b).map { abs($0 - $1) }.max()! / norm
        }
        let d = [1, 2, 4].map(difference)
        #expect(d[0] < 1e-2, "relative difference at one substep \(d[0])")
        for i in 0..<2 {
            let ratio = d[i] / d[i + 1]
            #expect(ratio > 10 && ratio < 24, "ratio \(ratio) of \(d)")
        }
    }

    @Test func binary64TrainingDecreasesTheLoss() {
        var setup = NeuralODETrainingSetup()
        setup.hidden = 16
        setup.batchSize = 5
        let truth = SpiralDynamics.trajectory(Double.self, points: setup.points, end: setup.endTime, substeps: 10)
        for method in GradientMethod.allCases {
            setup.gradient = method
            var trainer = NeuralODETrainer<Double, Double>(setup: setup, truth: truth)
            let probe = Array(stride(from: 0, to: 990, by: 33))
            let before = trainer.lossAndGradient(starts: probe, scale: 1).loss
            for _ in 0..<100 { trainer.step() }
            let after = trainer.lossAndGradient(starts: probe, scale: 1).loss
            #expect(after < 0.85 * before, "\(method): loss \(before) → \(after)")
        }
    }

    @Test func drawsAreDistinctInRangeAndSeeded() {
        let d = TrainingDraws(seed: 7)
        let b = d.batch(iteration: 3, count: 20, range: 990)
        #expect(Set(b).count == 20 && b.allSatisfy { (0..<990).contains($0) })
        #expect(b == TrainingDraws(seed: 7).batch(iteration: 3, count: 20, range: 990))
        #expect(b != d.batch(iteration: 4, count: 20, range: 990))
        // Box–Muller draws: mean ≈ 0, variance ≈ 1 over 4000 draws (±5σ of the estimators).
        let z = (0..<4000).map { d.normal(UInt64($0)) }
        let mean = z.reduce(0, +) / 4000
        let variance = z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3999
        #expect(abs(mean) < 5 / 4000.0.squareRoot() && abs(variance - 1) < 5 * (2 / 4000.0).squareRoot())
    }

    @Test func rmspropFollowsTorch() {
        var opt = RMSprop<Double, Double>(count: 1, learningRate: 1e-3, alpha: 0.99, epsilon: 1e-8)
        var p = [1.0]
        opt.step(&p, gradient: [0.5])
        // v = 0.01·0.25, θ = 1 − 1e−3·0.5/(√v + 1e−8) ≈ 1 − 1e−2.
        #expect(abs(opt.squareAverage[0] - 0.0025) < 1e-15)
        #expect(abs(p[0] - (1 - 1e-3 * 0.5 / (0.05 + 1e-8))) < 1e-15)
        // PyTorch's ε is below fp16's smallest subnormal 2⁻²⁴.
        typealias Half = Emulated<FP16, RNE>
        #expect(RMSprop<Half, Half>(count: 1).epsilon == 0)
        #expect(RMSprop<Half, Float>(count: 1).epsilon > 0)
    }

    @Test func dynamicScalingHalvesSkipsAndGrows() {
        var s = LossScaler(.dynamic(initial: 1024, growthInterval: 3))
        let skippedOverflow = s.record(finite: false)
        #expect(!skippedOverflow && s.scale == 512 && s.skipped == 1)
        for _ in 0..<2 {
            let applied = s.record(finite: true)
            #expect(applied)
        }
        #expect(s.scale == 512)
        let third = s.record(finite: true)
        #expect(third && s.scale == 1024)
        var f = LossScaler(.fixed(100))
        let appliedAnyway = f.record(finite: false)
        #expect(appliedAnyway && f.scale == 100 && f.skipped == 0)
    }

    @Test func lossScalingRecoversUnderflowedFP16Gradients() {
        // A mean over 400 windows of 10 points: the loss cotangent is
        // 1/8000 and the RK4 cotangents (h/6)/8000 ≈ 5e−7, deep in fp16's
        // subnormals (least normal 2⁻¹⁴ ≈ 6e−5, spacing there 2⁻²⁴ ≈ 6e−8),
        // so the parameter cotangents keep a few bits or flush to zero.
        // Scaling by 2¹² keeps them normal; the gradients are summed and
        // unscaled in binary32. The forward pass is the same in both, so
        // its rounding error is a floor common to both.
        typealias Half = Emulated<FP16, RNE>
        var setup = NeuralODETrainingSetup()
        setup.hidden = 8
        setup.batchSize = 400
        let truth = SpiralDynamics.trajectory(Double.self, points: setup.points, end: setup.endTime, substeps: 10)
        var half = NeuralODETrainer<Half, Float>(setup: setup, truth: truth)
        var exact = NeuralODETrainer<Double, Double>(setup: setup, truth: truth)
        exact.field.parameters = half.field.parameterValues
        let starts = half.batch(0)
        let reference = exact.lossAndGradient(starts: starts, scale: 1).gradient
        // The first layer's weights W₁ (entries 0..<2H): their cotangents
        // pass through W₂ᵀ and (1 − h²) in fp16, the smallest of all.
        let first = 0..<(2 * setup.hidden)
        func error(_ scale: Double) -> (relative: Double, zeros: Int) {
            let g = Array(half.lossAndGradient(starts: starts, scale: scale).gradient.map { Double($0) / scale }[first])
            let r = Array(reference[first])
            let diff = zip(g, r).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
            let norm = r.map { $0 * $0 }.reduce(0, +)
            return ((diff / norm).squareRoot(), g.filter { $0 == 0 }.count)
        }
        // The loss of 400 windows divided by a further 2⁸ (a mean over 2⁸
        // times more points): its cotangents ≈ 2e−9 flush to zero in fp16.
        let plain = error(0x1p-8), scaled = error(0x1p8)
        #expect(plain.zeros > 0 && scaled.zeros == 0)
        #expect(plain.relative > 0.5 && scaled.relative < 0.02,
                "relative error \(plain.relative) → \(scaled.relative), zeros \(plain.zeros) → \(scaled.zeros)")
    }
}
