/// Bulk rounding of binary64 arrays.
extension Array where Element == Double {
    /// The elements rounded into `format` with `mode`; stochastic modes draw
    /// element `i`'s bits from position `i` of the stream `(seed, stream)`,
    /// so the result is the same for every `threads`.
    public func rounded(
        to format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0, threads: Int = 1
    ) -> [Double] {
        var out = self
        out.round(to: format, mode: mode, seed: seed, stream: stream, threads: threads)
        return out
    }

    /// Rounds the elements in place into `format` with `mode`: the same
    /// values, and the same stream rule, as
    /// ``rounded(to:mode:seed:stream:threads:)->[Double]``.
    public mutating func round(
        to format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0, threads: Int = 1
    ) {
        let kernel = RoundingKernel(format: format, mode: mode)
        let s = StochasticStream(seed: seed, stream: stream)
        let n = count
        withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            kernel.round(p, into: p, count: n, stream: s, threads: threads)
        }
    }
}

/// Bulk rounding of binary32 arrays.
extension Array where Element == Float {
    /// The elements rounded into `format` (which must fit in binary32, see
    /// ``FloatFormat/fitsInBinary32``) with `mode`; same stream rule as for
    /// `[Double]`.
    public func rounded(
        to format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0, threads: Int = 1
    ) -> [Float] {
        precondition(format.fitsInBinary32, "\(format) does not fit in binary32; round a [Double] instead")
        var out = self
        let kernel = RoundingKernel(format: format, mode: mode)
        let s = StochasticStream(seed: seed, stream: stream)
        let n = count
        out.withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            kernel.round(UnsafePointer(p), into: p, count: n, stream: s, threads: threads)
        }
        return out
    }
}
