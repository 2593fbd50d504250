extension FloatFormat {
    /// IEEE binary64: p = 53, emin = −1022, emax = 1023. Rounding into it is
    /// the identity on `Double`s; arithmetic in it with a mode other than `rne`
    /// still rounds the exact result (e.g. `ru(1 + 2^−60) = 1 + 2^−52`).
    @inlinable @inline(__always) public static var fp64: FloatFormat { FloatFormat(uncheckedPrecision: 53, minExponent: -1022, maxExponent: 1023,
        greatestFinite: .greatestFiniteMagnitude, overflow: .ieee, hasInfinity: true, hasNaN: true, presetIndex: 0) }
    /// IEEE binary32: p = 24, emin = −126, emax = 127, xmax ≈ 3.403e38.
    @inlinable @inline(__always) public static var fp32: FloatFormat { preset(24, -126, 127, 1) }
    /// NVIDIA TensorFloat-32: binary32's range with p = 11, xmax ≈ 3.401e38.
    @inlinable @inline(__always) public static var tf32: FloatFormat { preset(11, -126, 127, 2) }
    /// IEEE binary16: p = 11, emin = −14, emax = 15, xmax = 65504.
    @inlinable @inline(__always) public static var fp16: FloatFormat { preset(11, -14, 15, 3) }
    /// bfloat16: binary32's range with p = 8, xmax ≈ 3.390e38.
    @inlinable @inline(__always) public static var bf16: FloatFormat { preset(8, -126, 127, 4) }
    /// OCP fp8 E5M2: p = 3, emin = −14, emax = 15, xmax = 57344, with infinities.
    @inlinable @inline(__always) public static var e5m2: FloatFormat { preset(3, -14, 15, 5) }
    /// OCP fp8 E4M3 ("e4m3fn"): p = 4, emin = −6, emax = 8, xmax = 448
    /// (1.75·2^8; the pattern 1.875·2^8 is NaN), no infinities, saturating.
    @inlinable @inline(__always) public static var e4m3: FloatFormat { FloatFormat(uncheckedPrecision: 4, minExponent: -6, maxExponent: 8,
        greatestFinite: 448, overflow: .saturate, hasInfinity: false, hasNaN: true, presetIndex: 6) }
    /// OCP fp6 E3M2: p = 3, emin = −2, emax = 4, xmax = 28; no infinities, no NaN, saturating.
    @inlinable @inline(__always) public static var e3m2: FloatFormat { smallOCP(3, -2, 4, 7) }
    /// OCP fp6 E2M3: p = 4, emin = 0, emax = 2, xmax = 7.5; no infinities, no NaN, saturating.
    @inlinable @inline(__always) public static var e2m3: FloatFormat { smallOCP(4, 0, 2, 8) }
    /// OCP fp4 E2M1: p = 2, emin = 0, emax = 2, xmax = 6; no infinities, no NaN, saturating.
    @inlinable @inline(__always) public static var e2m1: FloatFormat { smallOCP(2, 0, 2, 9) }

    /// Every preset, in the order the `formats` table lists them.
    public static let presets: [FloatFormat] = [fp64, fp32, tf32, fp16, bf16, e5m2, e4m3, e3m2, e2m3, e2m1]

    @inlinable @inline(__always) static func preset(_ p: Int, _ emin: Int, _ emax: Int, _ index: Int8) -> FloatFormat {
        FloatFormat(uncheckedPrecision: p, minExponent: emin, maxExponent: emax,
                    greatestFinite: defaultGreatestFinite(precision: p, maxExponent: emax),
                    overflow: .ieee, hasInfinity: true, hasNaN: true, presetIndex: index)
    }

    @inlinable @inline(__always) static func smallOCP(_ p: Int, _ emin: Int, _ emax: Int, _ index: Int8) -> FloatFormat {
        FloatFormat(uncheckedPrecision: p, minExponent: emin, maxExponent: emax,
                    greatestFinite: defaultGreatestFinite(precision: p, maxExponent: emax),
                    overflow: .saturate, hasInfinity: false, hasNaN: false, presetIndex: index)
    }
}
