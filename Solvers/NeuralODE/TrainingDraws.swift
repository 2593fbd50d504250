import RealModule
import Roundoff

/// The random draws of a seeded training run — weight initialisation and
/// mini-batch start indices — from counter-based `StochasticStream`s, so
/// a run is reproducible and the same in every precision: the draws are
/// binary64 (or integer) values independent of the scalar type and of the
/// stochastic-rounding stream.
///
/// Stream 0 of `seed` gives the initialisation, stream 1 the batches (one
/// substream per iteration).
public struct TrainingDraws: Sendable {
    /// The seed.
    public let seed: UInt64
    @usableFromInline let initialisation: StochasticStream
    @usableFromInline let batches: StochasticStream

    /// The draws of `seed`.
    @inlinable
    public init(seed: UInt64) {
        self.seed = seed
        initialisation = StochasticStream(seed: seed, stream: 0)
        batches = StochasticStream(seed: seed, stream: 1)
    }

    /// Standard normal draw number `n` (Box–Muller, cosine branch, from the
    /// uniforms `u₁, u₂` at positions `2n, 2n + 1`:
    /// `√(−2 ln(1 − u₁))·cos(2π u₂)`, in binary64).
    @inlinable
    public func normal(_ n: UInt64) -> Double {
        let u1 = initialisation.unitInterval(at: 2 * n), u2 = initialisation.unitInterval(at: 2 * n + 1)
        return (-2 * Double.log(1 - u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }

    /// The `count` distinct start indices of iteration `iteration`, drawn
    /// uniformly without replacement from `0..<range` (ode_demo's
    /// `np.random.choice(np.arange(data_size − batch_time), batch_size,
    /// replace=False)`), by a partial Fisher–Yates shuffle whose `i`-th
    /// choice is the high word of `bits·(range − i)`.
    /// - Precondition: `0 < count ≤ range`.
    @inlinable
    public func batch(iteration: Int, count: Int, range: Int) -> [Int] {
        precondition(count > 0 && count <= range, "TrainingDraws.batch: cannot draw \(count) of \(range) indices")
        let stream = batches.substream(UInt64(iteration))
        var pool = Array(0..<range)
        for i in 0..<count {
            let j = i + Int(stream.bits(at: UInt64(i)).multipliedFullWidth(by: UInt64(range - i)).high)
            pool.swapAt(i, j)
        }
        return Array(pool[0..<count])
    }
}
