// Compile-time names of the preset formats and of the rounding modes.
// Each returns a value built inline from literals so that `Emulated<FP16, RNE>`
// folds its rounding constants to immediates.

/// binary64 (see ``FloatFormat/fp64``).
public enum FP64: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .fp64 } }
/// binary32 (see ``FloatFormat/fp32``).
public enum FP32: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .fp32 } }
/// TensorFloat-32 (see ``FloatFormat/tf32``).
public enum TF32: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .tf32 } }
/// binary16 (see ``FloatFormat/fp16``).
public enum FP16: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .fp16 } }
/// bfloat16 (see ``FloatFormat/bf16``).
public enum BF16: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .bf16 } }
/// OCP fp8 E5M2 (see ``FloatFormat/e5m2``).
public enum E5M2: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .e5m2 } }
/// OCP fp8 E4M3 (see ``FloatFormat/e4m3``).
public enum E4M3: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .e4m3 } }
/// OCP fp6 E3M2 (see ``FloatFormat/e3m2``).
public enum E3M2: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .e3m2 } }
/// OCP fp6 E2M3 (see ``FloatFormat/e2m3``).
public enum E2M3: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .e2m3 } }
/// OCP fp4 E2M1 (see ``FloatFormat/e2m1``).
public enum E2M1: FormatSpec { @inlinable @inline(__always) public static var format: FloatFormat { .e2m1 } }

/// Round to nearest, ties to even.
public enum RNE: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .nearestEven } }
/// Round to nearest, ties away from zero.
public enum RNA: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .nearestAway } }
/// Round to nearest, ties toward zero.
public enum RNZ: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .nearestTowardZero } }
/// Round toward +∞.
public enum RU: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .up } }
/// Round toward −∞.
public enum RD: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .down } }
/// Round toward zero.
public enum RZ: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .towardZero } }
/// Round to odd.
public enum RO: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .odd } }
/// Proportional stochastic rounding (random bits from the thread's stream).
public enum SR: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .stochastic } }
/// Stochastic rounding with probability 1/2.
public enum SRHalf: ModeSpec { @inlinable @inline(__always) public static var mode: RoundingMode { .stochasticHalf } }
