import Testing
import Roundoff
import Solvers

struct HeatDiffusionTests {
    /// A linear profile between fixed top and bottom temperatures is a
    /// steady state: centred second differences of a linear function vanish.
    @Test func linearProfileIsSteadyWithFixedBottom() {
        let profile = (0...20).map { 280 - 0.5 * Double($0) }
        var column = HeatDiffusion<Double>(profile: profile, xi: 0.4, bottom: .fixed)
        column.run(steps: 1000)
        for (t, t0) in zip(column.profile, profile) { #expect(abs(t - t0) < 1e-9) }
    }

    /// An insulated column with a fixed top relaxes to the top temperature
    /// (slowest mode decays like `exp(−ξ(π/(2m))²k)`: ≈ e^−49 after 5000 steps here).
    @Test func insulatedColumnRelaxesToTopTemperature() {
        var column = HeatDiffusion<Double>(depth: 10, dt: 0.4 / 7e-7)
        #expect(column.profile.count == 11)
        column.run(steps: 5000)
        for t in column.profile { #expect(abs(t - 280) < 1e-6) }
    }

    /// The published set-up has ξ = 1.26·10⁻³ and 61 levels.
    @Test func publishedSetUp() {
        let column = HeatDiffusion<Double>()
        #expect(column.profile.count == 61)
        #expect(abs(column.xi - 1.26e-3) < 1e-15)
        #expect(column.profile[0] == 280 && column.profile[60] == 273.15)
    }

    /// Paxton et al. (2022): at fp16 with round-to-nearest every increment
    /// (≤ 1.26e−3 · 6.85 K) is below half the spacing of ~280 K (0.125 K),
    /// so the column never changes; stochastic rounding diffuses heat as
    /// binary64 does. A quarter year (4380 steps) of the published set-up.
    @Test func fp16RoundToNearestStallsStochasticDiffuses() {
        let steps = 4380
        var exact = HeatDiffusion<Double>()
        exact.run(steps: steps)
        var rn = HeatDiffusion<Emulated<FP16, RNE>>()
        let start = rn.profile
        rn.run(steps: steps)
        #expect(rn.profile == start, "fp16/rne should not move any level")
        #expect(rn.lastChange == 0)

        let sr = RoundingContext.with(format: .fp16, mode: .stochastic, seed: 7) {
            var c = HeatDiffusion<Emulated<FP16, SR>>()
            c.run(steps: steps)
            return c.profile
        }
        // binary64 has warmed the upper levels by several K; SR must too,
        // within a few fp16 spacings (0.25 K) of binary64 on the mean of levels 1–5.
        let meanExact = exact.profile[1...5].reduce(0, +) / 5
        let meanSR = sr[1...5].reduce(0, +) / 5
        #expect(meanExact - 273.15 > 2, "binary64 warming \(meanExact - 273.15)")
        #expect(abs(meanSR - meanExact) < 0.5, "sr mean \(meanSR) vs binary64 \(meanExact)")
    }
}
