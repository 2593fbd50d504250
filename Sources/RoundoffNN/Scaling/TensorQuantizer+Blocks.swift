import Roundoff

extension TensorQuantizer {
    /// ``TensorScaling/none``: every row rounded with unit scales.
    func quantizeUnscaled(_ m: Target, _ stats: inout QuantizationStatistics) {
        withRowBuffers(m.columns) { decode, encode, scratch in
            decode.initialize(repeating: 1)
            encode.initialize(repeating: 1)
            for r in 0..<m.rows {
                quantizeRow(m.row(r), count: m.columns, decode: decode.baseAddress!, encode: encode.baseAddress!,
                            scratch: scratch.baseAddress!, stream: m.stream, first: m.position(ofRow: r),
                            keepNonFinite: false, &stats)
            }
        }
    }

    /// ``TensorScaling/perTensor``: one power-of-two scale from the finite
    /// values, non-finite values untouched.
    func quantizePerTensor(_ m: Target, _ stats: inout QuantizationStatistics) {
        var amax = 0.0
        for i in 0..<(m.rows * m.columns) {
            let a = m.base[i].magnitude
            amax = a > amax && a < .infinity ? a : amax
        }
        // X = 2^−k with k = ⌊log2(xmax/amax)⌋: amax·2^k ≤ xmax iff the
        // significand of amax is at most that of xmax at equal exponents.
        let xmax = format.greatestFiniteMagnitude
        let k = amax == 0 ? 0
            : Int(xmax.exponent) - Int(amax.exponent) - (amax.significand > xmax.significand ? 1 : 0)
        stats.blocks = 1
        stats.recordScaleExponent(-k)
        if (-1022...1023).contains(k) {
            withRowBuffers(m.columns) { decode, encode, scratch in
                decode.initialize(repeating: TensorQuantizer.powerOfTwo(-k))
                encode.initialize(repeating: TensorQuantizer.powerOfTwo(k))
                for r in 0..<m.rows {
                    quantizeRow(m.row(r), count: m.columns, decode: decode.baseAddress!, encode: encode.baseAddress!,
                                scratch: scratch.baseAddress!, stream: m.stream, first: m.position(ofRow: r),
                                keepNonFinite: true, &stats)
                }
            }
            return
        }
        // 2^k is not a binary64 number (amax below xmax·2^−1022, e.g. tiny
        // values with fp32 elements): scale each value with scalbn instead.
        let stochastic = kernel.needsRandomBits
        for i in 0..<(m.rows * m.columns) {
            let x = m.base[i]
            guard x.isFinite else { continue }
            let t = Double(sign: .plus, exponent: k, significand: x)
            stats.clamped += t.magnitude > xmax ? 1 : 0
            let random = stochastic ? m.stream.bits(at: m.firstIndex &+ UInt64(i)) : 0
            let y = Double(sign: .plus, exponent: -k, significand: kernel.round(t, random: random))
            stats.underflows += (x != 0 && y == 0) ? 1 : 0
            m.base[i] = y
        }
    }

    /// MX and NVFP4: finds each block's largest magnitude (and whether it
    /// holds NaN or ±∞), asks `scaleOf` for the block's decode and encode
    /// scales, and quantizes row by row with the per-element scales of the
    /// blocks crossing that row — so stream positions stay consecutive along
    /// a row and the power-of-two path stays vectorized in both layouts.
    func quantizeBlocks(
        _ m: Target, layout: BlockLayout, blockSize: Int, powerOfTwo: Bool, _ stats: inout QuantizationStatistics,
        scaleOf: (_ amax: Double, _ nonFinite: Bool, _ stats: inout QuantizationStatistics) -> (decode: Double, encode: Double)
    ) {
        withRowBuffers(m.columns) { decode, encode, scratch in
            let process = { (r: Int, stats: inout QuantizationStatistics) in
                if powerOfTwo {
                    quantizeRow(m.row(r), count: m.columns, decode: decode.baseAddress!, encode: encode.baseAddress!,
                                scratch: scratch.baseAddress!, stream: m.stream, first: m.position(ofRow: r),
                                keepNonFinite: false, &stats)
                } else {
                    quantizeRowDividing(m.row(r), count: m.columns, decode: decode.baseAddress!,
                                        stream: m.stream, first: m.position(ofRow: r), &stats)
                }
            }
            switch layout {
            case .alongRows:
                for r in 0..<m.rows {
                    let row = m.row(r)
                    var start = 0
                    while start < m.columns {
                        let end = Swift.min(start + blockSize, m.columns)
                        var amax = 0.0, bad = false
                        for j in start..<end {
                            let a = row[j].magnitude
                            amax = a > amax ? a : amax
                            bad = bad || !(a < .infinity)
                        }
                        let s = scaleOf(amax, bad, &stats)
                        stats.blocks += 1
                        for j in start..<end {
                            decode[j] = s.decode
                            encode[j] = s.encode
                        }
                        start = end
                    }
                    process(r, &stats)
                }
            case .alongColumns:
                // scratch doubles as the column maxima before the rows are rounded.
                var start = 0
                while start < m.rows {
                    let end = Swift.min(start + blockSize, m.rows)
                    let amax = scratch, bad = encode
                    amax.update(repeating: 0)
                    bad.update(repeating: 0)
                    for r in start..<end {
                        let row = m.row(r)
                        for j in 0..<m.columns {
                            let a = row[j].magnitude
                            amax[j] = a > amax[j] ? a : amax[j]
                            bad[j] = a < .infinity ? bad[j] : 1
                        }
                    }
                    for j in 0..<m.columns {
                        let s = scaleOf(amax[j], bad[j] != 0, &stats)
                        decode[j] = s.decode
                        encode[j] = s.encode
                    }
                    stats.blocks += m.columns
                    for r in start..<end { process(r, &stats) }
                    start = end
                }
            }
        }
    }

    /// Three scratch rows of `n` doubles: decode scales, encode scales and
    /// the scaled row.
    func withRowBuffers(
        _ n: Int,
        _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        let storage = UnsafeMutableBufferPointer<Double>.allocate(capacity: 3 * Swift.max(n, 1))
        storage.initialize(repeating: 0)
        defer { storage.deallocate() }
        let base = storage.baseAddress!
        body(UnsafeMutableBufferPointer(start: base, count: n),
             UnsafeMutableBufferPointer(start: base + n, count: n),
             UnsafeMutableBufferPointer(start: base + 2 * n, count: n))
    }
}
