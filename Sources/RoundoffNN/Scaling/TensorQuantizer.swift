import Roundoff

/// Quantizes a row-major matrix in place under a ``TensorScaling``: every
/// value `v` is replaced by its dequantized quantized value `X · P`, where
/// `X` is the scale of `v`'s block and `P` the element, `v / X` rounded into
/// ``format`` with ``mode``. The result is exactly representable in binary64
/// (a power-of-two `X` times a `p`-bit element; for NVFP4 a 4-bit E4M3
/// scale times an fp32 decode scale times a `p`-bit element, exact for
/// `p ≤ 25`), so later arithmetic sees exactly what the narrow storage holds.
///
/// ## Element rounding
/// Elements are rounded by the core's `RoundingKernel` (Roundoff's rounding semantics): for
/// every scaling but ``TensorScaling/none`` with the format's overflow
/// policy replaced by `saturate` (values beyond ±xmax after scaling are
/// clamped to ±xmax — OCP MX v1.0 §6.3 clamps normal elements, NVFP4 casts
/// with `satfinite`). The element at row `r`, column `c` is stream position
/// `firstIndex + r·columns + c` of the `StochasticStream` for the
/// stochastic modes, whatever the block layout, so a run is reproducible
/// from its seed. Power-of-two scalings scale each row into a scratch row
/// and round it with the core's vectorized buffer loop.
///
/// ## Scales
/// - ``TensorScaling/none``: `X = 1`, the format's own overflow policy.
/// - ``TensorScaling/perTensor``: `X = 2^−⌊log2(xmax/amax)⌋` over the finite
///   values (`X = 1` when `amax = 0` or nothing is finite); non-finite values
///   are left unchanged. Computed exactly from exponents and significands.
/// - ``TensorScaling/mx(blockSize:rule:)``: per block, `X = 2^e` with `e`
///   from ``ScaleRule/scaleExponent(forBlockMaximum:element:)`` (E8M0,
///   clamped to −127…127, NaN for a block with NaN or ±∞).
/// - ``TensorScaling/nvfp4`` (blocks of 16; NVIDIA 2025, arXiv:2509.25149),
///   with `amax_t` the largest finite magnitude of the tensor and `amax_b`
///   of the block, and `fp32(·)`, `e4m3(·)` round-to-nearest-even:
///   1. `S_enc = fp32(448 · xmax / amax_t)` (448 = E4M3 xmax, xmax = 6 for
///      E2M1), clamped to fp32's finite positive range; 1 when `amax_t = 0`;
///   2. `S_dec = fp32(1 / S_enc)`, clamped likewise;
///   3. block scale `s_b = e4m3((amax_b / xmax) · S_enc)`, saturating at 448
///      (NaN when the block holds NaN or ±∞; it may round to 0);
///   4. `X_b = s_b · S_dec` (exact), `P = round(v / X_b)` correctly rounded
///      (the binary64 quotient with its exact remainder, so every mode sees
///      the exact `v / X_b`), and `v ← X_b · P`; `s_b = 0` gives ±0.
///   Hardware multiplies by an fp32 reciprocal `S_enc / s_b` instead of
///   dividing; results can differ from this exact-quotient definition only
///   for `v / X_b` within about 2^−23 (relative) of a rounding boundary.
///
/// Power-of-two scaling is exact except where a scaled value would fall
/// below binary64's subnormal range (a value under `2^−947` in a block whose
/// E8M0 scale is `2^127`), which no tensor of a neural network reaches.
public struct TensorQuantizer: Sendable {
    /// The element format.
    public let format: FloatFormat
    /// The element rounding mode.
    public let mode: RoundingMode
    /// How values are scaled before rounding.
    public let scaling: TensorScaling
    /// The element kernel (saturating unless the scaling is `none`).
    let kernel: RoundingKernel
    /// Rounds NVFP4 block scales into E4M3 (rne, saturating).
    let blockScaleKernel = RoundingKernel(format: .e4m3, mode: .nearestEven)

    /// A quantizer rounding elements into `format` with `mode` under `scaling`.
    /// - Precondition: an MX block size in ``TensorScaling/blockSizeRange``.
    public init(format: FloatFormat, mode: RoundingMode, scaling: TensorScaling) {
        if case .mx(let n, _) = scaling {
            precondition(TensorScaling.blockSizeRange.contains(n), "MX block size \(n) outside \(TensorScaling.blockSizeRange)")
        }
        self.format = format
        self.mode = mode
        self.scaling = scaling
        kernel = RoundingKernel(format: scaling == .none ? format : format.overflow(.saturate), mode: mode)
    }

    /// Replaces each of the `rows × columns` values (row-major) by its
    /// dequantized quantized value (see the type's documentation).
    ///
    /// - Parameters:
    ///   - values: the matrix, row-major; overwritten with the dequantized
    ///     quantized values.
    ///   - rows: the number of rows.
    ///   - columns: the number of columns.
    ///   - blocks: whether scale blocks run along rows or down columns
    ///     (ignored by ``TensorScaling/none`` and ``TensorScaling/perTensor``).
    ///   - stream: random bits for the stochastic modes.
    ///   - firstIndex: stream position of element (0, 0); element (r, c)
    ///     uses `firstIndex + r·columns + c`.
    /// - Returns: counts of underflows, clamped and non-finite values and
    ///   the scales used.
    /// - Precondition: `values.count == rows · columns`.
    @discardableResult
    public func quantize(
        _ values: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int, blocks: BlockLayout = .alongRows,
        stream: StochasticStream = StochasticStream(key: 0), firstIndex: UInt64 = 0
    ) -> QuantizationStatistics {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "buffer of \(values.count) values is not \(rows) × \(columns)")
        var stats = QuantizationStatistics()
        stats.values = values.count
        for x in values where !x.isFinite { stats.nonFinite += 1 }
        guard let base = values.baseAddress, !values.isEmpty else { return stats }
        let matrix = Target(base: base, rows: rows, columns: columns, stream: stream, firstIndex: firstIndex)
        switch scaling {
        case .none:
            quantizeUnscaled(matrix, &stats)
        case .perTensor:
            quantizePerTensor(matrix, &stats)
        case .mx(let blockSize, let rule):
            quantizeBlocks(matrix, layout: blocks, blockSize: blockSize, powerOfTwo: true, &stats) { amax, bad, stats in
                guard !bad, let e = rule.scaleExponent(forBlockMaximum: amax, element: format) else {
                    stats.nanScales += 1
                    return (.nan, .nan)
                }
                stats.recordScaleExponent(e)
                return (TensorQuantizer.powerOfTwo(e), TensorQuantizer.powerOfTwo(-e))
            }
        case .nvfp4:
            let (encode, decode) = nvfp4TensorScales(values)
            stats.tensorEncodeScale = encode
            let ratio = 1 / format.greatestFiniteMagnitude
            quantizeBlocks(matrix, layout: blocks, blockSize: TensorScaling.nvfp4BlockSize, powerOfTwo: false, &stats) { amax, bad, stats in
                guard !bad else {
                    stats.nanScales += 1
                    return (.nan, .nan)
                }
                let s = nvfp4BlockScale(amax: amax, xmaxReciprocal: ratio, tensorEncodeScale: encode)
                stats.recordBlockScale(s)
                return (s * decode, .nan)
            }
        }
        return stats
    }

    /// ``quantize(_:rows:columns:blocks:stream:firstIndex:)`` on an array.
    @discardableResult
    public func quantize(
        _ values: inout [Double], rows: Int, columns: Int, blocks: BlockLayout = .alongRows,
        stream: StochasticStream = StochasticStream(key: 0), firstIndex: UInt64 = 0
    ) -> QuantizationStatistics {
        values.withUnsafeMutableBufferPointer {
            quantize($0, rows: rows, columns: columns, blocks: blocks, stream: stream, firstIndex: firstIndex)
        }
    }

    /// `2^e` for `e` in binary64's normal exponent range.
    @inline(__always)
    static func powerOfTwo(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
}

extension TensorQuantizer {
    /// The matrix being quantized and where its stochastic bits come from.
    struct Target {
        let base: UnsafeMutablePointer<Double>
        let rows: Int
        let columns: Int
        let stream: StochasticStream
        let firstIndex: UInt64

        /// Row `r`'s first element.
        func row(_ r: Int) -> UnsafeMutablePointer<Double> { base + r * columns }
        /// Stream position of element (r, 0).
        func position(ofRow r: Int) -> UInt64 { firstIndex &+ UInt64(r * columns) }
    }
}
