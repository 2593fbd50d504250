import RealModule

extension RoundingKernel {
    /// Rounding for `p = 53`, where the format's grid is binary64's own above
    /// `xmin`: the head `x` is already a neighbour, and the residual decides
    /// which one by exact comparisons (it is compared with half the gap, a
    /// power of two, and ties are broken by the low part of the residual
    /// sum). Scalar and branchy; only binary64-precision formats use it.
    @usableFromInline
    func roundFullPrecision(_ x: Double, residual r: Double, random: UInt64) -> (value: Double, overflowed: Bool) {
        let negative = x.sign == .minus
        let ax = x.magnitude
        if !ax.isFinite {
            if ax.isNaN { return (x, false) }
            let m = Double(bitPattern: infinityBits)
            return (negative ? -m : m, false)
        }
        let rm = negative ? -r : r
        let tiny = ax < leastNormal || (ax == leastNormal && rm < 0)
        let c = tiny ? offset : 0
        let z = ax + c
        let r2 = ax - (z - c)
        // Exact total residual as an unevaluated pair (rt, rtLow).
        let (rt, rtLow) = Augmented.sum(r2, rm)
        var chosen = z
        if rt != 0 {
            let lo = rt > 0 ? z : z.nextDown
            let hi = rt > 0 ? z.nextUp : z
            let gap = hi - lo
            let half = gap / 2
            let distance = rt.magnitude  // from z toward the exact value
            // Sign of (distance − half), exactly.
            let lowTowardZ = rt > 0 ? -rtLow : rtLow  // low part seen from z
            let vsHalf: Int = distance > half ? 1 : distance < half ? -1 : (lowTowardZ < 0 ? 1 : lowTowardZ > 0 ? -1 : 0)
            // Position of the exact value measured from lo: above half?
            let aboveHalf = rt > 0 ? vsHalf > 0 : vsHalf < 0
            let tie = vsHalf == 0
            let loIsOdd = lo.bitPattern & 1 == 1
            let up: Bool
            switch mode {
            case .nearestEven: up = aboveHalf || (tie && loIsOdd)
            case .nearestAway: up = aboveHalf || tie
            case .nearestTowardZero: up = aboveHalf
            case .towardZero: up = false
            case .up: up = !negative
            case .down: up = negative
            case .odd: up = !loIsOdd
            case .stochastic(nil):
                // up with probability (v − lo)/gap, compared at 53 bits.
                let u = Double(random >> 11) * 0x1p-53
                up = rt > 0 ? u * gap < distance : distance < gap * (1 - u)
            case .stochastic(let bits?):
                let rb = Swift.min(bits, 52)
                let fromLo = rt > 0 ? distance / gap : (gap - distance) / gap
                let kept = UInt64((fromLo * Double(sign: .plus, exponent: rb, significand: 1)).rounded(.down))
                up = kept + (random >> UInt64(64 - rb)) >= (UInt64(1) << UInt64(rb))
            case .stochasticHalf:
                up = random >> 63 == 1
            }
            chosen = up ? hi : lo
        }
        let y = chosen - c
        if y > greatestFiniteMagnitude {
            return (negative ? -Double(bitPattern: overflowNegativeBits) : Double(bitPattern: overflowPositiveBits), true)
        }
        return (negative ? -y : y, false)
    }

    @inlinable var greatestFiniteMagnitude: Double { Double(bitPattern: greatestFiniteBits) }
}
