import Roundoff

extension TensorQuantizer {
    /// The NVFP4 per-tensor scales `(S_enc, S_dec)`:
    /// `S_enc = fp32(448 · xmax / amax_t)` and `S_dec = fp32(1 / S_enc)`, each
    /// clamped to fp32's positive finite range, with `S_enc = S_dec = 1`
    /// when the tensor has no finite nonzero value. Binary64 rounds the
    /// quotients before fp32 does; that double rounding is innocuous for a
    /// correctly rounded quotient since 53 ≥ 2·24 + 2.
    func nvfp4TensorScales(_ values: UnsafeMutableBufferPointer<Double>) -> (encode: Double, decode: Double) {
        var amax = 0.0
        for x in values {
            let a = x.magnitude
            amax = a > amax && a < .infinity ? a : amax
        }
        guard amax > 0 else { return (1, 1) }
        let e4m3Max = FloatFormat.e4m3.greatestFiniteMagnitude
        let encode = TensorQuantizer.binary32Clamped(e4m3Max * format.greatestFiniteMagnitude / amax)
        return (encode, TensorQuantizer.binary32Clamped(1 / encode))
    }

    /// The NVFP4 E4M3 block scale `s_b = e4m3((amax_b / xmax) · S_enc)`,
    /// rounded to nearest even and saturating at 448.
    func nvfp4BlockScale(amax: Double, xmaxReciprocal: Double, tensorEncodeScale: Double) -> Double {
        blockScaleKernel.round(amax * xmaxReciprocal * tensorEncodeScale)
    }

    /// `x` rounded to binary32 (to nearest even) and clamped to
    /// `[2^−149, fp32 max]`.
    static func binary32Clamped(_ x: Double) -> Double {
        Swift.min(Swift.max(Double(Float(x)), Double(Float.leastNonzeroMagnitude)), Double(Float.greatestFiniteMagnitude))
    }
}
