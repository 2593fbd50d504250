extension RoundingKernel {
    /// Lanes per vector step of the array loop: four binary64 values, two
    /// SSE2 registers (or one AVX2 register when built for it).
    public typealias Lanes = SIMD4<Double>
    @usableFromInline typealias LaneBits = SIMD4<UInt64>

    /// ``roundBranchFree(_:_:_:_:)`` on four values at once, written with
    /// SIMD types so that it vectorizes on a baseline x86-64 build: only
    /// uniform shifts, lane-wise integer arithmetic and floating-point
    /// comparisons (SSE2 has no 64-bit integer compare).
    @inlinable @inline(__always)
    func roundLanes<S: RoundingStep>(_ x: Lanes, random: LaneBits, _ step: S.Type) -> Lanes {
        let signMask = LaneBits(repeating: 0x8000_0000_0000_0000)
        let bits = unsafeBitCast(x, to: LaneBits.self)
        let signBit = bits & signMask
        let magnitudeBits = bits & ~signMask
        let ax = unsafeBitCast(magnitudeBits, to: Lanes.self)
        // Common case: every lane strictly inside (xmin, xmax). No sticky bit
        // exists (no residual, no subnormal shift), so the step runs on the
        // unwidened pattern with one bit less of shift, and no overflow or
        // special value can occur. One movmsk and a predictable branch.
        let inside = (ax .> Lanes(repeating: leastNormal))
            .& (ax .< Lanes(repeating: Double(bitPattern: greatestFiniteBits)))
        if all(inside) {
            let rounded: LaneBits = S.apply(magnitudeBits, shift: shift &- 1, mask: LaneBits(repeating: mask &>> 1),
                                             signBit: signBit, random: random, fewBits: stochasticBits)
            return unsafeBitCast(rounded | signBit, to: Lanes.self)
        }
        // The rest (subnormal range, overflow, ±∞, NaN) is the exact-value
        // kernel with a zero residual.
        return roundLanes(x, residual: Lanes(repeating: 0), random: random, S.self)
    }
}

extension RoundingKernel {
    /// ``roundBranchFree(_:_:_:_:)`` of the exact values `x + r` on four
    /// lanes: `x` the binary64 head, `r` its exact (or sign-faithful)
    /// residual. Used by the accumulation loops, whose sums carry a TwoSum
    /// residual; same branch structure as ``roundLanes(_:random:_:)``.
    @inlinable @inline(__always)
    func roundLanes<S: RoundingStep>(_ x: Lanes, residual r: Lanes, random: LaneBits, _ step: S.Type) -> Lanes {
        let signMask = LaneBits(repeating: 0x8000_0000_0000_0000)
        let bits = unsafeBitCast(x, to: LaneBits.self)
        let signBit = bits & signMask
        let magnitudeBits = bits & ~signMask
        let ax = unsafeBitCast(magnitudeBits, to: Lanes.self)
        // The residual seen from the magnitude: flip its sign with x's.
        let rm = unsafeBitCast(unsafeBitCast(r, to: LaneBits.self) ^ signBit, to: Lanes.self)
        let zero = Lanes(repeating: 0)
        let one = LaneBits(repeating: 1)
        let inside = (ax .> Lanes(repeating: leastNormal))
            .& (ax .< Lanes(repeating: Double(bitPattern: greatestFiniteBits)))
        if all(inside) {
            let below = LaneBits(repeating: 0).replacing(with: one, where: rm .< zero)
            let sticky = LaneBits(repeating: 0).replacing(with: one, where: rm .!= zero)
            let a = ((magnitudeBits &- below) &<< 1) | sticky
            let rounded: LaneBits = S.apply(a, shift: shift, mask: LaneBits(repeating: mask), signBit: signBit,
                                             random: random, fewBits: stochasticBits)
            return unsafeBitCast((rounded &>> 1) | signBit, to: Lanes.self)
        }
        let tiny = (ax .< Lanes(repeating: leastNormal)) .| ((ax .== Lanes(repeating: leastNormal)) .& (rm .< zero))
        let c = zero.replacing(with: offset, where: tiny)
        let z = ax + c
        let rt = (ax - (z - c)) + rm
        let below = LaneBits(repeating: 0).replacing(with: one, where: rt .< zero)
        let sticky = LaneBits(repeating: 0).replacing(with: one, where: rt .!= zero)
        let a = ((unsafeBitCast(z, to: LaneBits.self) &- below) &<< 1) | sticky
        let rounded: LaneBits = S.apply(a, shift: shift, mask: LaneBits(repeating: mask), signBit: signBit,
                                         random: random, fewBits: stochasticBits)
        let y = unsafeBitCast(rounded &>> 1, to: Lanes.self) - c
        var yBits = unsafeBitCast(y, to: LaneBits.self)
        let infinity = Lanes(repeating: .infinity)
        let overflowed = (y .> Lanes(repeating: Double(bitPattern: greatestFiniteBits))) .& (ax .< infinity)
        let overflowBits = LaneBits(repeating: overflowPositiveBits)
            .replacing(with: overflowNegativeBits, where: x .< zero)
        yBits.replace(with: overflowBits, where: overflowed)
        let special = magnitudeBits.replacing(with: infinityBits, where: ax .== infinity)
        yBits.replace(with: special, where: .!(ax .< infinity))
        return unsafeBitCast(yBits | signBit, to: Lanes.self)
    }
}

extension StochasticStream {
    /// ``bits(at:)`` for four consecutive positions starting at `index`.
    @inlinable @inline(__always)
    func lanes(at index: UInt64) -> SIMD4<UInt64> {
        let i = SIMD4<UInt64>(index &+ 1, index &+ 2, index &+ 3, index &+ 4)
        var z = SIMD4<UInt64>(repeating: key) &+ i &* StochasticStream.gamma
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
