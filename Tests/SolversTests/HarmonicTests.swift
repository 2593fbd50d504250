import Testing
import Roundoff
import Solvers

/// The harmonic-series workload against published numbers and independent
/// oracles (native `Float`/`Float16` arithmetic, integer-rounded bfloat16).
struct HarmonicTests {
    /// The first `k` at which adding the rounded term leaves the rounded
    /// sum unchanged, from an independent loop: `term(k)` and `add(s, t)`
    /// are the format's rounded term and sum. With round-to-nearest the
    /// sum can never move again after that (the terms only shrink and
    /// rounding is monotone), so this is the stagnation point.
    static func firstAbsorption(limit: Int, term: (Int) -> Double, add: (Double, Double) -> Double) -> (k: Int, sum: Double)? {
        var s = 0.0
        for k in 1...limit {
            let t = term(k)
            let next = add(s, t)
            if next == s && t != 0 { return (k, s) }
            s = next
        }
        return nil
    }

    /// Malone (2013) and Higham: binary32 stops growing at n = 2^21 =
    /// 2097152 with s ≈ 15.403683. Reasoning: s ∈ [8, 16) has spacing
    /// 2^−20, and 1/n reaches half of it, 2^−21, at n = 2^21 (a tie, which
    /// rounds to the even neighbour — here s itself). Native `Float` through
    /// the generic solver.
    @Test func binary32StagnatesAtTwoToTheTwentyOne() {
        var h = HarmonicSum<Float>()
        h.add(through: (1 << 21) + 100)
        #expect(h.lastChange + 1 == 2_097_152)
        #expect(abs(Double(h.sum) - 15.403683) < 5e-7)
    }

    /// The same published point through the workload, in emulated binary32.
    @Test func emulatedBinary32WorkloadStagnatesAtTwoToTheTwentyOne() throws {
        let m = try runCell("harmonic", .fp32, .nearestEven, ["n": "\((1 << 21) + 1000)"])
        #expect(m.scalar("stagnation_n") == 2_097_152)
        #expect(abs(m.scalar("final_sum") - 15.403683) < 5e-7)
    }

    /// binary16 with round-to-nearest: the workload's stagnation point is
    /// the first absorption in a native `Float16` loop, where indeed
    /// `1/k ≤ spacing(s)/2`.
    @Test func binary16StagnatesWhereNativeFloat16Does() throws {
        func term(_ k: Int) -> Double { Double(Float16(1 / Double(k))) }
        func add(_ s: Double, _ t: Double) -> Double { Double(Float16(s) + Float16(t)) }
        let found = Self.firstAbsorption(limit: 1 << 14, term: term, add: add)
        let oracle = try #require(found)
        #expect(1 / Double(oracle.k) <= Double(Float16(oracle.sum).ulp) / 2)
        let m = try runCell("harmonic", .fp16, .nearestEven, ["n": "16384"])
        #expect(m.scalar("stagnation_n") == Double(oracle.k))
        #expect(m.scalar("final_sum") == oracle.sum)
    }

    /// bfloat16 with round-to-nearest against the integer-rounding oracle.
    @Test func bfloat16StagnatesWhereTheOracleDoes() throws {
        func term(_ k: Int) -> Double { bf16(1 / Double(k)) }
        func add(_ s: Double, _ t: Double) -> Double { bf16(s + t) }
        let found = Self.firstAbsorption(limit: 1 << 14, term: term, add: add)
        let oracle = try #require(found)
        // spacing of s ∈ [2^e, 2^(e+1)) with p = 8 is 2^(e−7)
        #expect(1 / Double(oracle.k) <= Double(sign: .plus, exponent: oracle.sum.exponent - 7, significand: 1) / 2)
        let m = try runCell("harmonic", .bf16, .nearestEven, ["n": "16384"])
        #expect(m.scalar("stagnation_n") == Double(oracle.k))
        #expect(m.scalar("final_sum") == oracle.sum)
    }

    /// Stochastic rounding does not stagnate where round-to-nearest does,
    /// and its relative error is much smaller (Connolly, Higham & Mary 2021).
    @Test(arguments: [FloatFormat.bf16, .fp16])
    func stochasticRoundingKeepsGrowing(format: FloatFormat) throws {
        let params = ["n": "16384", "checkpoints": "10"]
        let nearest = try runCell("harmonic", format, .nearestEven, params)
        #expect(nearest.scalar("stagnation_n") > 0)
        var errors: [Double] = []
        for seed: UInt64 in 1...3 {
            let m = try runCell("harmonic", format, .stochastic, seed: seed, params)
            #expect(m.scalar("stagnation_n") == 0, "seed \(seed)")
            errors.append(m.scalar("rel_error"))
        }
        let mean = errors.reduce(0, +) / 3
        #expect(mean < nearest.scalar("rel_error") / 4, "SR \(errors) vs RN \(nearest.scalar("rel_error"))")
    }

    /// binary64 against the binary64 reference: no error, no stagnation at
    /// this n, and the series has one point per checkpoint ending at n.
    @Test func binary64CellMatchesItsReference() throws {
        let m = try runCell("harmonic", .fp64, .nearestEven, ["n": "1000", "checkpoints": "7"])
        #expect(m.scalar("rel_error") == 0)
        #expect(m.scalar("stagnation_n") == 0)
        #expect(m.scalar("unit_roundoff") == 0x1p-53)
        let series = m.series("rel_error")
        #expect(series.count == 7 && series[1000] == 0)
    }
}
