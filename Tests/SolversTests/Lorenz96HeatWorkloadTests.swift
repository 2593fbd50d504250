import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

struct Lorenz96HeatWorkloadTests {
    static let l96Small = ["n": "8", "steps": "3000", "spin_up": "100", "window": "100"]

    @Test func lorenz96Binary64CellMatchesReference() throws {
        let m = try runCell("lorenz96", .fp64, .nearestEven, Self.l96Small)
        #expect(m.scalar("wasserstein_x") == 0)
        #expect(m.scalar("departure_time") == 10)
        #expect(m.scalar("period") == 0)
        #expect(m.scalar("diverged") == 0)
        #expect(m.scalar("wasserstein_noise_floor") > 0)
    }

    @Test func lorenz96MixedStateFormat() throws {
        var values = Self.l96Small
        values["state_format"] = "fp32"
        let m = try runCell("lorenz96", .fp16, .nearestEven, values)
        #expect(m.scalar("diverged") == 0)
        #expect(m.scalar("departure_time") < 10)
        #expect(throws: ParameterError.self) { try runCell("lorenz96", .fp16, .towardZero, values) }
        values["state_format"] = "fp8"
        #expect(throws: ParameterError.self) { try runCell("lorenz96", .fp16, .nearestEven, values) }
    }

    @Test func lorenz96PeriodDetectedInBF16() throws {
        let values = ["n": "4", "start_perturbation": "0.5", "steps": "20000", "spin_up": "100", "window": "100"]
        let rn = try runCell("lorenz96", .bf16, .nearestEven, values)
        #expect(rn.scalar("period") > 0)
        let sr = try runCell("lorenz96", .bf16, .stochastic, seed: 1, values)
        #expect(sr.scalar("period") == 0)
    }

    @Test func heatDiffusionFp16RoundToNearestStagnates() throws {
        let values = ["years": "0.25"]
        let rn = try runCell("heat-diffusion", .fp16, .nearestEven, values)
        #expect(rn.scalar("stagnated") == 1)
        #expect(rn.scalar("bottom_warming") == 0)
        #expect(rn.series("temperature").count == 61)
        let sr = try runCell("heat-diffusion", .fp16, .stochastic, seed: 1, values)
        #expect(sr.scalar("stagnated") == 0)
        #expect(sr.scalar("profile_rmse") < rn.scalar("profile_rmse"))
        let exact = try runCell("heat-diffusion", .fp64, .nearestEven, values)
        #expect(exact.scalar("profile_rmse") == 0)
        #expect(exact.scalar("stagnated") == 0)
    }
}
