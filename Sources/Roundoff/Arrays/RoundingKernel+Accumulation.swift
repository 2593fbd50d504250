extension RoundingKernel {
    /// Accumulates a scaled vector into `y`, rounding every sum into the
    /// format: `y[j] ← ∘(y[j] + alpha · x[j])` for `j` in `0 ..< count`.
    ///
    /// This is the inner loop of a matrix product whose accumulator is held
    /// in the format (C[i, :] += A[i, p] · B[p, :]); it runs four lanes at a
    /// time with the mode fixed outside the loop, so it vectorizes.
    ///
    /// - Exactness: each result is the exact `y[j] + alpha · x[j]` rounded
    ///   once, in every mode, when the product `alpha · x[j]` is exact in
    ///   binary64 (the operands' significands have at most 53 bits together,
    ///   e.g. both in a format with p ≤ 26). The sum's rounding error is
    ///   recovered by TwoSum and carried as the sticky residual. When
    ///   `productsExact` is false the product's own error is recovered too
    ///   (Dekker's splitting, no FMA needed) and added to the residual; the
    ///   result is then exact unless the exact value lies within about
    ///   2^−100 relative of a rounding boundary.
    /// - Stochastic modes: element `j` draws `stream.bits(at: firstIndex + j)`.
    /// - Precondition: `y` values are in the format already (the accumulator).
    @inlinable
    public func accumulate(
        _ alpha: Double, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int,
        productsExact: Bool = true, stream: StochasticStream = StochasticStream(key: 0), firstIndex: UInt64 = 0
    ) {
        guard count > 0 else { return }
        if fullPrecision {
            for j in 0..<count {
                let p = alpha * x[j]
                let pe = productsExact ? 0 : RoundingKernel.productError(alpha, x[j], p)
                let s = y[j] + p
                let r = RoundingKernel.sumError(y[j], p, s) + pe
                let random = mode.isStochastic ? stream.bits(at: firstIndex &+ UInt64(j)) : 0
                y[j] = roundFullPrecision(s, residual: r, random: random).value
            }
            return
        }
        switch modeCode {
        case 0: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, NearestEvenStep.self)
        case 1: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, NearestAwayStep.self)
        case 2: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, NearestTowardZeroStep.self)
        case 3: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, UpStep.self)
        case 4: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, DownStep.self)
        case 5: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, TowardZeroStep.self)
        case 6: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, OddStep.self)
        case 7: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, StochasticStep.self)
        case 8: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, FewBitStochasticStep.self)
        default: accumulateLoop(alpha, x, y, count, productsExact, stream, firstIndex, HalfStochasticStep.self)
        }
    }

    @inlinable
    func accumulateLoop<S: RoundingStep>(
        _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int,
        _ productsExact: Bool, _ stream: StochasticStream, _ first: UInt64, _ step: S.Type
    ) {
        // Round to nearest into a format with p ≤ 25 needs no residual
        // (double rounding is innocuous), so the TwoSum folds away.
        let residual = needsResidual || !productsExact
        let stochastic = needsRandomBits
        let a = Lanes(repeating: alpha)
        let vectorEnd = n & ~3
        var j = 0
        while j < vectorEnd {
            let xv = UnsafeRawPointer(x + j).loadUnaligned(as: Lanes.self)
            let yv = UnsafeRawPointer(y + j).loadUnaligned(as: Lanes.self)
            let p = a * xv
            let s = yv + p
            var r = Lanes(repeating: 0)
            if residual {
                r = RoundingKernel.sumError(yv, p, s)
                if !productsExact { r += RoundingKernel.productError(a, xv, p) }
            }
            let random = stochastic ? stream.lanes(at: first &+ UInt64(j)) : LaneBits(repeating: 0)
            var result = roundLanes(s, residual: r, random: random, S.self)
            if S.self == DownStep.self {
                // An exactly zero sum is −0 under rd unless both terms are +0 (IEEE 754 §6.3).
                let bothPositiveZero = (unsafeBitCast(yv, to: LaneBits.self) | unsafeBitCast(p, to: LaneBits.self)) .== 0
                result.replace(with: Lanes(repeating: -0.0), where: (s .== 0) .& .!bothPositiveZero)
            }
            UnsafeMutableRawPointer(y + j).storeBytes(of: result, as: Lanes.self)
            j += 4
        }
        while j < n {
            let p = alpha * x[j]
            let s = y[j] + p
            var r = 0.0
            if residual {
                r = RoundingKernel.sumError(y[j], p, s)
                if !productsExact { r += RoundingKernel.productError(alpha, x[j], p) }
            }
            let random = stochastic ? stream.bits(at: first &+ UInt64(j)) : 0
            var result = roundBranchFree(s, r, random, S.self).value
            if S.self == DownStep.self && s == 0 && (y[j].bitPattern | p.bitPattern) != 0 { result = -0.0 }
            y[j] = result
            j += 1
        }
    }

    /// The exact error `a + b − s` of `s = fl(a + b)` (Knuth's TwoSum, no
    /// branch on the magnitudes).
    @inlinable @inline(__always)
    static func sumError<V: FloatingPoint>(_ a: V, _ b: V, _ s: V) -> V {
        let bb = s - a
        return (a - (s - bb)) + (b - bb)
    }

    @inlinable @inline(__always)
    static func sumError(_ a: Lanes, _ b: Lanes, _ s: Lanes) -> Lanes {
        let bb = s - a
        return (a - (s - bb)) + (b - bb)
    }

    /// The exact error `a · b − p` of `p = fl(a · b)` by Dekker's splitting
    /// (exact barring overflow and underflow of the parts), for builds
    /// without a hardware FMA.
    @inlinable @inline(__always)
    static func productError(_ a: Double, _ b: Double, _ p: Double) -> Double {
        let (ah, al) = split(a), (bh, bl) = split(b)
        return ((ah * bh - p) + ah * bl + al * bh) + al * bl
    }

    @inlinable @inline(__always)
    static func productError(_ a: Lanes, _ b: Lanes, _ p: Lanes) -> Lanes {
        let (ah, al) = split(a), (bh, bl) = split(b)
        return ((ah * bh - p) + ah * bl + al * bh) + al * bl
    }

    @inlinable @inline(__always)
    static func split(_ a: Double) -> (Double, Double) {
        let c = 134_217_729.0 * a  // 2^27 + 1
        let h = c - (c - a)
        return (h, a - h)
    }

    @inlinable @inline(__always)
    static func split(_ a: Lanes) -> (Lanes, Lanes) {
        let c = Lanes(repeating: 134_217_729.0) * a
        let h = c - (c - a)
        return (h, a - h)
    }
}
