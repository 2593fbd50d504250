import Dispatch

extension RoundingKernel {
    /// Elements per task when a buffer is split across threads: large enough
    /// to amortise scheduling, small enough to balance two to dozens of cores.
    public static let parallelChunk = 1 << 16

    /// Rounds `count` doubles from `source` into `destination`, which may be
    /// the same memory (in place).
    ///
    /// The loop is branch-free with the mode fixed outside it, so it
    /// vectorizes. Element `i` of a stochastic mode draws
    /// `stream.bits(at: firstIndex + i)`, so the result does not depend on
    /// `threads`: with more than one thread the buffer is cut into chunks of
    /// ``parallelChunk`` elements and every element still uses its own index.
    ///
    /// - Parameters:
    ///   - source: the `count` binary64 values to round.
    ///   - destination: where the `count` rounded values go; may equal
    ///     `source`.
    ///   - count: the number of elements; nothing happens when it is ≤ 0.
    ///   - stream: random bits for stochastic modes (ignored otherwise).
    ///   - firstIndex: stream position of element 0, for rounding one large
    ///     logical array in pieces.
    ///   - threads: worker threads; 1 runs on the caller's thread.
    public func round(
        _ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int,
        stream: StochasticStream = StochasticStream(key: 0), firstIndex: UInt64 = 0, threads: Int = 1
    ) {
        guard count > 0 else { return }
        if threads <= 1 || count <= RoundingKernel.parallelChunk {
            roundSerial(source, destination, count, stream, firstIndex)
            return
        }
        let chunks = (count + RoundingKernel.parallelChunk - 1) / RoundingKernel.parallelChunk
        let src = UnsafeSendablePointer(source), dst = UnsafeSendableMutablePointer(destination)
        let kernel = self
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * RoundingKernel.parallelChunk
            let n = Swift.min(RoundingKernel.parallelChunk, count - start)
            kernel.roundSerial(src.pointer + start, dst.pointer + start, n, stream, firstIndex &+ UInt64(start))
        }
    }

    /// Rounds `count` floats (widened exactly to binary64, rounded, narrowed
    /// exactly). Precondition: ``FloatFormat/fitsInBinary32`` for the format,
    /// so that every rounded value is a `Float`.
    public func round(
        _ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>, count: Int,
        stream: StochasticStream = StochasticStream(key: 0), firstIndex: UInt64 = 0, threads: Int = 1
    ) {
        guard count > 0 else { return }
        let kernel = self
        let src = UnsafeSendablePointer(source), dst = UnsafeSendableMutablePointer(destination)
        let chunks = threads <= 1 ? 1 : (count + RoundingKernel.parallelChunk - 1) / RoundingKernel.parallelChunk
        let size = chunks == 1 ? count : RoundingKernel.parallelChunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * size
            let n = Swift.min(size, count - start)
            // Round through a stack block of doubles to keep the loop vectorized.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 1024) { block in
                var done = 0
                while done < n {
                    let m = Swift.min(1024, n - done)
                    for i in 0..<m { block[i] = Double(src.pointer[start + done + i]) }
                    kernel.roundSerial(block.baseAddress!, block.baseAddress!, m, stream, firstIndex &+ UInt64(start + done))
                    for i in 0..<m { dst.pointer[start + done + i] = Float(block[i]) }
                    done += m
                }
            }
        }
    }

    /// One thread's loop, dispatched once on the mode so that each loop body
    /// sees a constant mode.
    @inlinable
    func roundSerial(
        _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
        _ stream: StochasticStream, _ first: UInt64
    ) {
        if fullPrecision {
            for i in 0..<n {
                let r = mode.isStochastic ? stream.bits(at: first &+ UInt64(i)) : 0
                dst[i] = roundFullPrecision(src[i], residual: 0, random: r).value
            }
            return
        }
        switch modeCode {
        case 0: loop(src, dst, n, stream, first, NearestEvenStep.self)
        case 1: loop(src, dst, n, stream, first, NearestAwayStep.self)
        case 2: loop(src, dst, n, stream, first, NearestTowardZeroStep.self)
        case 3: loop(src, dst, n, stream, first, UpStep.self)
        case 4: loop(src, dst, n, stream, first, DownStep.self)
        case 5: loop(src, dst, n, stream, first, TowardZeroStep.self)
        case 6: loop(src, dst, n, stream, first, OddStep.self)
        case 7: loop(src, dst, n, stream, first, StochasticStep.self)
        case 8: loop(src, dst, n, stream, first, FewBitStochasticStep.self)
        default: loop(src, dst, n, stream, first, HalfStochasticStep.self)
        }
    }

    /// The kernel over a buffer, one specialization per step: four lanes
    /// at a time, then the scalar branch-free kernel for the tail.
    @inlinable
    func loop<S: RoundingStep>(
        _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ n: Int,
        _ stream: StochasticStream, _ first: UInt64, _ step: S.Type
    ) {
        let vectorEnd = n & ~3
        let stochastic = needsRandomBits
        var i = 0
        while i < vectorEnd {
            let x = UnsafeRawPointer(src + i).loadUnaligned(as: Lanes.self)
            let random = stochastic ? stream.lanes(at: first &+ UInt64(i)) : LaneBits(repeating: 0)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: roundLanes(x, random: random, S.self), as: Lanes.self)
            i += 4
        }
        while i < n {
            let random = stochastic ? stream.bits(at: first &+ UInt64(i)) : 0
            dst[i] = roundBranchFree(src[i], 0, random, S.self).value
            i += 1
        }
    }
}

/// Pointer wrappers that cross into `concurrentPerform`'s `@Sendable`
/// closure; each task touches a disjoint range.
@usableFromInline struct UnsafeSendablePointer<T>: @unchecked Sendable {
    @usableFromInline let pointer: UnsafePointer<T>
    @usableFromInline init(_ p: UnsafePointer<T>) { pointer = p }
}

@usableFromInline struct UnsafeSendableMutablePointer<T>: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<T>
    @usableFromInline init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}
