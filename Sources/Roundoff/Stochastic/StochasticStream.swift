/// A counter-based stream of random bits: element `i` of the stream with key
/// `k` is `mix(k + (i + 1)·γ)`, the SplitMix64 output function (Steele, Lea &
/// Flood 2014), which passes BigCrush.
///
/// Counter-based means any element can be computed directly from its index,
/// so a buffer split across threads draws exactly the bits a single thread
/// would (<doc:RoundingSemantics#Stochastic-rounding-and-reproducibility>):
/// chunking never changes the result. Independent streams
/// come from distinct `(seed, stream)` pairs, whose keys are themselves mixed
/// so that nearby seeds do not give overlapping sequences.
@frozen
public struct StochasticStream: Hashable, Sendable {
    /// The stream's key.
    public let key: UInt64

    /// The golden-ratio increment of SplitMix64.
    @usableFromInline static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The stream numbered `stream` under `seed`. Use one stream per
    /// independent consumer (run, array, variable) of a seeded experiment.
    @inlinable
    public init(seed: UInt64, stream: UInt64 = 0) {
        key = StochasticStream.mix(StochasticStream.mix(seed &+ StochasticStream.gamma) ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    /// A stream with an explicit key (no mixing).
    @inlinable
    public init(key: UInt64) { self.key = key }

    /// A sub-stream, independent of this one and of its other sub-streams.
    @inlinable
    public func substream(_ index: UInt64) -> StochasticStream {
        StochasticStream(key: StochasticStream.mix(key ^ StochasticStream.mix(index &+ 0x632B_E59B_D9B4_E019)))
    }

    /// The 64 random bits at position `index`.
    @inlinable @inline(__always)
    public func bits(at index: UInt64) -> UInt64 {
        StochasticStream.mix(key &+ (index &+ 1) &* StochasticStream.gamma)
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits, at position `index`.
    @inlinable
    public func unitInterval(at index: UInt64) -> Double {
        Double(bits(at: index) >> 11) * 0x1p-53
    }

    /// The SplitMix64 / MurmurHash3 `fmix64` variant with Stafford's "Mix13" constants.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
