import Testing
import Roundoff
import Solvers

struct Lorenz96Tests {
    /// RK4 is fourth order: halving Δt divides the error at t = 1 by ~16,
    /// measured against a run with Δt/64.
    @Test func rk4ConvergesAtFourthOrder() {
        func state(dt: Double) -> [Double] {
            var l = Lorenz96<Double, Double>(n: 8, dt: dt)
            l.run(steps: Int((1 / dt).rounded()))
            return l.state
        }
        let fine = state(dt: 0.05 / 64)
        func error(_ dt: Double) -> Double {
            zip(state(dt: dt), fine).map { abs($0 - $1) }.max()!
        }
        let ratio = error(0.05) / error(0.025)
        #expect(ratio > 13 && ratio < 19, "error ratio \(ratio) for halved Δt, expected ≈ 16")
    }

    /// The start is `X = F` with `X₁ += 0.01`, and `X = F` is an exact equilibrium.
    @Test func startAndEquilibrium() {
        let l = Lorenz96<Double, Double>(n: 5)
        #expect(l.state == [8.01, 8, 8, 8, 8])
        var e = Lorenz96<Double, Double>(n: 5, perturbation: 0)
        e.run(steps: 10)
        #expect(e.state == [8, 8, 8, 8, 8])
    }

    /// Runs `steps` steps and returns the first exact repeat of the full
    /// state, as (first step j, period p), recording every state.
    static func firstRepeat<S: RealScalar>(_: S.Type, n: Int, steps: Int) -> (start: [Double], j: Int, p: Int)? {
        var l = Lorenz96<S, S>(n: n, perturbation: 0.5)
        var seen: [[Double]: Int] = [l.state: 0]
        for k in 1...steps {
            l.step()
            let s = l.state
            if let j = seen[s] { return (s, j, k - j) }
            seen[s] = k
        }
        return nil
    }

    /// Klöwer et al. (Sci. Rep. 2023): with deterministic rounding at low
    /// precision the trajectory falls onto a periodic orbit; stochastic
    /// rounding prevents it. The start perturbation is 0.5 because bf16
    /// rounds the published 8.01 to the equilibrium 8. Checked without the workload's detector: the
    /// repeated state is re-run independently and must return to itself
    /// after exactly `p` and `2p` steps; n = 4 (the orbit length grows
    /// exponentially with n: none appears within 10⁵ steps at n = 6).
    @Test func lowPrecisionRoundToNearestIsPeriodicAndStochasticIsNot() throws {
        let n = 4, steps = 20_000
        typealias B = Emulated<BF16, RNE>
        let hit = try #require(Self.firstRepeat(B.self, n: n, steps: steps), "no periodic orbit in bf16/rne within \(steps) steps")
        var again = Lorenz96<B, B>(start: hit.start)
        again.run(steps: hit.p)
        #expect(again.state == hit.start)
        again.run(steps: hit.p)
        #expect(again.state == hit.start)
        #expect(hit.start.allSatisfy { $0.isFinite })

        // With SR, states may recur by chance (n = 4 has few bf16 states in
        // the attractor's range), but the run never retraces a cycle: over the
        // last half of the run it visits far more distinct states than the
        // round-to-nearest orbit, which visits exactly its `p`.
        func distinctStatesInSecondHalf<S: RealScalar>(_: S.Type) -> Int {
            var l = Lorenz96<S, S>(n: n, perturbation: 0.5)
            var seen = Set<[Double]>()
            for k in 1...steps {
                l.step()
                if k > steps / 2 { seen.insert(l.state) }
            }
            return seen.count
        }
        #expect(distinctStatesInSecondHalf(B.self) == hit.p)
        let stochastic = RoundingContext.with(format: .bf16, mode: .stochastic, seed: 1) {
            distinctStatesInSecondHalf(Emulated<BF16, SR>.self)
        }
        #expect(stochastic > steps / 4, "bf16/sr visited only \(stochastic) distinct states in \(steps / 2) steps")
    }

    /// Mixed precision: the state in `Float`, the tendencies in emulated
    /// fp16. The stored state carries more than fp16's 11 bits (it is
    /// updated in binary32), and the run differs from both pure runs.
    @Test func mixedPrecisionRuns() {
        typealias H = Emulated<FP16, RNE>
        var mixed = Lorenz96<Float, H>(n: 8)
        var pure16 = Lorenz96<H, H>(n: 8)
        var pure32 = Lorenz96<Float, Float>(n: 8)
        mixed.run(steps: 50); pure16.run(steps: 50); pure32.run(steps: 50)
        let state = mixed.state
        #expect(state.allSatisfy { $0.isFinite })
        #expect(state.contains { Double(Float16($0)) != $0 }, "the Float state should not all be fp16 values")
        #expect(state != pure16.state)
        #expect(state != pure32.state)
    }
}
