/// How a tensor is scaled before its elements are rounded into a narrow
/// format, and so what a quantized tensor stores besides its elements.
///
/// In every scaled mode a value `v` is represented as `X · P` where `X` is
/// the scale of the group containing `v` and `P = round(v / X)` is an element
/// of the format; values beyond ±xmax after scaling are clamped to ±xmax
/// (saturating conversion, as the OCP MX and NVFP4 recipes prescribe), so
/// the element format's own overflow policy does not apply.
/// See ``TensorQuantizer`` for the exact arithmetic.
public enum TensorScaling: Hashable, Sendable {
    /// No scaling: each value is rounded into the format with the format's
    /// own overflow policy (`ieee` formats overflow to ±∞).
    case none
    /// One power-of-two scale for the whole tensor,
    /// `X = 2^−⌊log2(xmax / amax)⌋` with `amax` the largest finite magnitude:
    /// the largest scaled magnitude `amax / X` lies in `(xmax/2, xmax]`, so no
    /// value is clamped, and because `X` is a power of two the scaling and
    /// unscaling are exact — only the element rounding errs. Not limited to
    /// the E8M0 range. `amax = 0` (or no finite value) gives `X = 1`.
    /// Non-finite values are left as they are (NaN stays NaN, ±∞ stays ±∞).
    case perTensor
    /// OCP Microscaling (MX v1.0): blocks of `blockSize` consecutive values
    /// (32 in the spec) along the ``BlockLayout`` each share an E8M0 scale
    /// `2^e`, `e ∈ −127…127`, chosen from the block's largest magnitude by
    /// `rule` (see ``ScaleRule``); a block containing NaN or ±∞ gets the NaN
    /// scale and becomes all NaN.
    case mx(blockSize: Int = 32, rule: ScaleRule)
    /// NVIDIA NVFP4: E2M1 elements in blocks of 16 with an E4M3 block scale
    /// and a per-tensor fp32 scale `(448 · 6) / amax` (two-level scaling;
    /// NVIDIA, "Pretraining large language models with NVFP4", 2025,
    /// arXiv:2509.25149, appendix). ``TensorQuantizer`` gives the exact
    /// steps. With an element format other than fp4-e2m1, its xmax replaces 6.
    case nvfp4

    /// The NVFP4 block size.
    public static let nvfp4BlockSize = 16

    /// Block sizes accepted for MX: 1…65536.
    public static let blockSizeRange: ClosedRange<Int> = 1...65536

    /// Everything ``init(spec:)`` accepts, for help text and error messages.
    public static let acceptedSpecs =
        "none, tensor, mx (= mx-floor), mx-floor, mx-ceil, mx-even, mxN-RULE (block size N in 1...65536, "
        + "e.g. mx16-ceil; mxN alone = mxN-floor), nvfp4"

    /// Parses a scaling spec (case-insensitive, whitespace ignored):
    /// `none`; `tensor` (also `per-tensor`); `mx`, `mx-floor`, `mx-ceil`,
    /// `mx-even` (block size 32); `mxN` and `mxN-RULE` for block size `N`;
    /// `nvfp4`.
    /// - Throws: ``ScalingSpecError`` naming the bad part and listing the
    ///   accepted forms.
    public init(spec raw: String) throws {
        let s = raw.split(whereSeparator: \.isWhitespace).joined().lowercased()
        switch s {
        case "none": self = .none
        case "tensor", "per-tensor", "pertensor": self = .perTensor
        case "nvfp4": self = .nvfp4
        default:
            guard s.hasPrefix("mx") else { throw ScalingSpecError.unknownScaling(raw) }
            let rest = s.dropFirst(2)
            let digits = rest.prefix(while: \.isNumber)
            let tail = rest.dropFirst(digits.count)
            var blockSize = 32
            if !digits.isEmpty {
                guard let n = Int(digits), TensorScaling.blockSizeRange.contains(n) else {
                    throw ScalingSpecError.blockSizeOutOfRange(String(digits))
                }
                blockSize = n
            }
            let rule: ScaleRule
            if tail.isEmpty {
                rule = .floor
            } else {
                guard tail.first == "-" else { throw ScalingSpecError.unknownScaling(raw) }
                rule = try ScaleRule(spec: String(tail.dropFirst()))
            }
            self = .mx(blockSize: blockSize, rule: rule)
        }
    }

    /// The canonical spec, which ``init(spec:)`` parses back to `self`:
    /// `none`, `tensor`, `mx-floor` (block size 32), `mx16-ceil`, `nvfp4`.
    public var spec: String {
        switch self {
        case .none: "none"
        case .perTensor: "tensor"
        case .mx(let n, let rule): n == 32 ? "mx-\(rule.spec)" : "mx\(n)-\(rule.spec)"
        case .nvfp4: "nvfp4"
        }
    }

    /// Values per scale block: the MX block size, 16 for NVFP4, `nil` for
    /// ``none`` and ``perTensor``.
    public var blockSize: Int? {
        switch self {
        case .none, .perTensor: nil
        case .mx(let n, _): n
        case .nvfp4: TensorScaling.nvfp4BlockSize
        }
    }
}

extension TensorScaling: CustomStringConvertible {
    /// The canonical spec.
    public var description: String { spec }
}
