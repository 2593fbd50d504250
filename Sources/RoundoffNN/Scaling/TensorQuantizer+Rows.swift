import Roundoff

extension TensorQuantizer {
    /// Quantizes one row whose element `j` has the power-of-two scale
    /// `decode[j]` (and `encode[j] = 1 / decode[j]`, both exact): scales the
    /// row into `scratch` (exact), rounds it with the core's vectorized
    /// buffer loop at stream positions `first + j`, and scales back (exact).
    /// A NaN scale makes the element NaN. With `keepNonFinite`, NaN and ±∞
    /// inputs are written back unchanged instead.
    func quantizeRow(
        _ row: UnsafeMutablePointer<Double>, count n: Int, decode: UnsafePointer<Double>, encode: UnsafePointer<Double>,
        scratch: UnsafeMutablePointer<Double>, stream: StochasticStream, first: UInt64, keepNonFinite: Bool,
        _ stats: inout QuantizationStatistics
    ) {
        let xmax = format.greatestFiniteMagnitude
        var clamped = 0
        for j in 0..<n {
            let x = row[j], t = x * encode[j]
            scratch[j] = t
            clamped &+= (t.magnitude > xmax && x.isFinite) ? 1 : 0
        }
        kernel.round(UnsafePointer(scratch), into: scratch, count: n, stream: stream, firstIndex: first)
        var underflows = 0
        for j in 0..<n {
            let x = row[j], y = scratch[j] * decode[j]
            underflows &+= (x != 0 && x.isFinite && y == 0) ? 1 : 0
            row[j] = keepNonFinite && !x.isFinite ? x : y
        }
        stats.clamped += clamped
        stats.underflows += underflows
    }

    /// Quantizes one row whose element `j` has the scale `decode[j]`, not
    /// necessarily a power of two: the element is the correctly rounded
    /// quotient `v / X` (binary64 quotient plus its exact remainder, from an
    /// FMA, handed to the kernel as the residual). `X = 0` gives ±0; a NaN
    /// scale gives NaN.
    func quantizeRowDividing(
        _ row: UnsafeMutablePointer<Double>, count n: Int, decode: UnsafePointer<Double>,
        stream: StochasticStream, first: UInt64, _ stats: inout QuantizationStatistics
    ) {
        let xmax = format.greatestFiniteMagnitude
        let stochastic = kernel.needsRandomBits
        for j in 0..<n {
            let x = row[j], scale = decode[j]
            guard scale != 0 else {
                let y = x * 0
                stats.underflows += (x != 0 && x.isFinite) ? 1 : 0
                row[j] = y
                continue
            }
            let q = x / scale
            // x − q·X is exact (the remainder of a rounded quotient); its
            // quotient by X carries the sign and zero-ness the kernel needs.
            let residual = x.addingProduct(-q, scale) / scale
            let beyond = q.magnitude > xmax || (q.magnitude == xmax && residual != 0 && (residual < 0) == (q < 0))
            stats.clamped += (beyond && x.isFinite) ? 1 : 0
            let random = stochastic ? stream.bits(at: first &+ UInt64(j)) : 0
            let element = kernel.roundExact(q, residual: residual.isFinite ? residual : 0, random: random).value
            let y = element * scale
            stats.underflows += (x != 0 && x.isFinite && y == 0) ? 1 : 0
            row[j] = y
        }
    }
}
