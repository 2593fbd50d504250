import Testing
import SolverWorkloads

/// The Wasserstein-1 distance of empirical distributions.
struct WassersteinTests {
    @Test func identicalSamplesAreAtDistanceZero() {
        let a = [3.0, -1, 2, 2, 7.5]
        #expect(Wasserstein.distance(a, a) == 0)
        #expect(Wasserstein.distance(a, a.reversed()) == 0)
    }

    /// Moving every sample by c moves the distribution by c.
    @Test func shiftedSamplesAreAtTheShift() {
        let a = [0.25, 4, -3, 1, 1]
        #expect(Wasserstein.distance(a, a.map { $0 + 0.5 }) == 0.5)
        #expect(Wasserstein.distance(a.map { $0 - 2 }, a) == 2)
    }

    /// Unequal sizes, worked by hand: W1(δ0, ½δ0 + ½δ1) = ∫₀¹ ½ = ½;
    /// W1({0, 1}, {0, 1, 1, 1}) = ∫₀¹ |½ − ¼| = ¼.
    @Test func unequalSizesIntegrateTheCDFGap() {
        #expect(Wasserstein.distance([0], [0, 1]) == 0.5)
        #expect(Wasserstein.distance([0, 1], [1, 0, 1, 1]) == 0.25)
        #expect(Wasserstein.distance([1, 0, 1, 1], [0, 1]) == 0.25)
    }

    @Test func emptyOrNaNIsNaN() {
        #expect(Wasserstein.distance([], [1]).isNaN)
        #expect(Wasserstein.distance([.nan], [1]).isNaN)
    }
}
