/// A binary floating-point number of any ``FloatFormat``, emulated in one
/// `Double`, whose every operation is rounded with a ``RoundingMode``.
///
/// `Emulated<Format, Mode>` conforms to swift-numerics `Real`, so generic
/// numerical code runs in it unchanged:
///
/// ```swift
/// typealias Half = Emulated<FP16, RNE>
/// let x: Half = 0.1            // 0.0999755859375, printed as "0.1"
/// let s = x + Half(1e-4)       // correctly rounded sum
/// ```
///
/// ## Semantics
/// - The stored `Double` is always a value of the format (or ±∞ / NaN).
/// - `+ − × ÷`, `squareRoot()`, `addingProduct` (FMA) and conversions are
///   **correctly rounded**: the exact result is rounded once, in every mode,
///   for every format with `p ≤ 53` (<doc:RoundingSemantics#Arithmetic>). The binary64 result carries
///   its exact residual (TwoSum, TwoProduct, FMA remainders) whose sign acts
///   as the sticky bit. Where double rounding is provably innocuous
///   (round-to-nearest with `p ≤ 25`) and for products with `p ≤ 26`, which
///   binary64 computes exactly, the residual is not computed.
///   Results beyond binary64's range, or so small that their residual would
///   underflow (formats of binary64's range), are computed from rescaled
///   operands and rounded with the format rescaled alike, so they are exact
///   too; the one exception is `addingProduct` with a result below `2^−968`
///   in such a format, which uses the unscaled residual.
/// - Elementary functions (`exp`, `log`, `sin`, `pow`, …) are computed in
///   binary64 and rounded once: not correctly rounded; the error before
///   rounding is at most about 1 ulp of binary64.
/// - Stochastic modes draw 64 bits per operation from the thread's
///   ``StochasticStream`` (see ``RoundingContext``).
/// - Comparisons, hashing and `description` behave like a built-in float of
///   the format; `description` prints the shortest decimal that rounds back
///   to the same value in the format.
@frozen
public struct Emulated<Format: FormatSpec, Mode: ModeSpec>: Sendable {
    /// The value, a member of the format.
    public var value: Double

    /// Wraps a `Double` that is already a value of the format (not checked).
    @inlinable @inline(__always)
    public init(uncheckedValue value: Double) { self.value = value }

    /// The kernel for this type: built from literals for compile-time specs,
    /// loaded from the thread's context for run-time ones.
    @inlinable @inline(__always)
    public static var kernel: RoundingKernel {
        if isRuntime {
            return RoundingContext.currentKernel
        }
        if Format.self == RuntimeFormat.self {
            return RoundingKernel(constants: RoundingContext.currentConstants, mode: Mode.mode)
        }
        return RoundingKernel(format: Format.format, mode: Mode.mode)
    }

    /// Whether both format and mode come from the thread's context.
    @inlinable @inline(__always)
    static var isRuntime: Bool { Format.self == RuntimeFormat.self && Mode.self == RuntimeMode.self }

    /// The format of this type.
    @inlinable public static var format: FloatFormat { Format.format }
    /// The rounding mode of this type.
    @inlinable public static var mode: RoundingMode { Mode.mode }

    /// Rounds the exact value `head + residual` once into the format, drawing
    /// random bits if the mode needs them and recording events if counting.
    @inlinable @inline(__always)
    static func rounding(_ head: Double, residual: Double = 0) -> Self {
        let k = kernel
        let random = k.needsRandomBits ? RoundingContext.nextRandomBits() : 0
        let y: Double, overflowed: Bool
        let fast = isRuntime
            ? k.roundInteriorAnyMode(head, residual: residual, random: random, step: RoundingContext.currentAnyModeStep)
            : k.roundInterior(head, residual: residual, random: random)
        if let interior = fast {
            (y, overflowed) = (interior, false)
        } else {
            (y, overflowed) = roundingRareCase(head, residual, random)
        }
        if RoundingContext.isCountingEvents {
            record(head, y, overflowed)
        }
        return Self(uncheckedValue: y)
    }

    /// Subnormal range, overflow, ±∞, NaN and `p = 53`: out of line and
    /// static (it rebuilds the kernel itself), so the inlined common path
    /// stays a few instructions and never spills the kernel to memory.
    @inline(never) @usableFromInline
    static func roundingRareCase(_ head: Double, _ residual: Double, _ random: UInt64) -> (Double, Bool) {
        let r = kernel.roundGeneral(head, residual: residual, random: random)
        return (r.value, r.overflowed)
    }

    /// Out of line: counting is the rare case and must not bloat every operation.
    @inline(never) @usableFromInline
    static func record(_ head: Double, _ y: Double, _ overflowed: Bool) {
        RoundingContext.eventRecorder?.record(format: Format.format, exact: head, result: y, overflowed: overflowed)
    }

    /// Rounds a `Double` into the format.
    @inlinable @inline(__always)
    public init(_ x: Double) { self = Self.rounding(x) }

    /// Rounds a `Float` into the format (exactly once: the `Float` widens to
    /// `Double` exactly).
    @inlinable @inline(__always)
    public init(_ x: Float) { self = Self.rounding(Double(x)) }

    /// Converts from another emulated type, rounding exactly once.
    @inlinable @inline(__always)
    public init<F, M>(_ x: Emulated<F, M>) { self = Self.rounding(x.value) }

    /// Rounds an integer into the format (exact for `|n| ≤ 2^53`, otherwise
    /// through its binary64 rounding).
    @inlinable
    public init<I: BinaryInteger>(_ n: I) {
        let d = Double(n)
        if d.magnitude <= 0x1p53 {
            self = Self.rounding(d)
        } else {
            // Recover the exact residual n − d of the conversion. `d` only
            // fails to fit back into I when it rounded up to 2^bitWidth
            // from I.max, where the residual is −1.
            let residual: Double
            if let back = I(exactly: d) {
                residual = Double(n - back)
            } else {
                residual = -1
            }
            self = Self.rounding(d, residual: residual)
        }
    }
}

/// Exact conversion from an emulated value.
extension Double {
    /// The value of an emulated number (exact).
    @inlinable @inline(__always)
    public init<F, M>(_ x: Emulated<F, M>) { self = x.value }
}

/// Conversion from an emulated value.
extension Float {
    /// The value of an emulated number rounded to nearest binary32.
    @inlinable
    public init<F, M>(_ x: Emulated<F, M>) { self = Float(x.value) }
}
