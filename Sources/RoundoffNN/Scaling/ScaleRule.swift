import Roundoff

/// How the power-of-two (E8M0) scale `X = 2^e` of an MX block is chosen from
/// the block's largest magnitude `amax`, for an element format with largest
/// finite value `xmax` (`2^emax ≤ xmax < 2^(emax+1)`) and precision `p`.
///
/// A block is stored as `X` and elements `Pᵢ = round(Vᵢ / X)`; it represents
/// `X · Pᵢ`. For a finite `amax > 0`, writing `amax = s · 2^a` with
/// `1 ≤ s < 2` and `xmax = m · 2^emax` with `1 ≤ m < 2`:
///
/// | rule | exponent `e` | elements clamped? |
/// |---|---|---|
/// | ``floor`` | `a − emax` | when `amax / X > xmax` (possible iff `s > m`) |
/// | ``ceil``  | `a − emax + (s > m ? 1 : 0)` = `⌈log2(amax / xmax)⌉` | never |
/// | ``even``  | `a − emax + (s ≥ 2 − 2^−p ? 1 : 0)` | when `m < s < 2 − 2^−p` |
///
/// Then `e` is clamped to the E8M0 range `−127…127` (``e8m0ExponentRange``);
/// a clamped scale can make elements clamp (top) or underflow (bottom)
/// under every rule. A block whose `amax` is 0 gets the smallest scale
/// `2^−127` (its elements are all zero whatever the scale; microxcaling and
/// torchao do the same). A block containing NaN or ±∞ gets the NaN scale
/// (E8M0 `0xFF`), which makes every element of the block NaN (OCP MX v1.0:
/// a NaN scale decodes the whole block as NaN; microxcaling also maps an
/// overflowing shared exponent, as `log2 ∞` is, to NaN, and torchao gives a
/// block whose amax is NaN the scale `0xFF`).
public enum ScaleRule: String, Hashable, Sendable, CaseIterable {
    /// OCP Microscaling Formats (MX) v1.0 §6.3, the "minimally supported"
    /// conversion: `X = 2^(⌊log2 amax⌋ − emax_elem)`, the largest power of
    /// two ≤ `amax` divided by the largest power of two of the element
    /// format; elements beyond ±xmax after scaling are clamped to ±xmax.
    /// microsoft/microxcaling (`_shared_exponents`, `mx_get_shared_scale`)
    /// and torchao's `ScaleCalculationMode.FLOOR` compute the same.
    case floor
    /// The smallest power of two with `amax / X ≤ xmax`, i.e.
    /// `X = 2^⌈log2(amax / xmax)⌉`: scaling never pushes an element past
    /// xmax, so no element is clamped (unless the E8M0 range itself clamps
    /// `e` at 127). This is the scale "rounded toward +∞" of Mishra, Stosic
    /// & Layton 2025, "Recipes for pre-training LLMs with MXFP8"
    /// (arXiv:2506.08027), which showed the OCP `floor` rule's clamping can
    /// make pre-training diverge; it is cuBLAS's block-quantization rule and
    /// torchao's `ScaleCalculationMode.RCEIL`. (torchao's `CEIL` is a
    /// different rule, `⌈log2 amax⌉ − emax`, not implemented here.)
    case ceil
    /// `amax` is first rounded to the element precision `p` (to nearest,
    /// ties away from zero — on the magnitude's bits: add half a unit in the
    /// `p`-th place and truncate) and then the ``floor`` rule is applied:
    /// `X = 2^(⌊log2 round_p(amax)⌋ − emax)`. The scale therefore steps up
    /// when `amax` reaches `(2 − 2^−p) · 2^a`, the midpoint between the
    /// element's top binade value `(2 − 2^(1−p)) · 2^a` and `2^(a+1)`
    /// (for fp4-e2m1: at 7, between 6 and 8). Source: torchao's
    /// `ScaleCalculationMode.EVEN` (`torchao/prototype/mx_formats/mx_tensor.py`,
    /// "X = 2^(floor(log2(rounding(max_abs(v)))-max_exp))"), which rounds
    /// the binary32 `amax` this way; here the binary64 `amax` is rounded,
    /// with the same threshold. microsoft/microxcaling implements only the
    /// `floor` rule.
    case even

    /// The exponent range of an E8M0 scale: `2^−127 … 2^127` (OCP MX v1.0
    /// §5.4.1: bias 127, the pattern `0xFF` is NaN, no zero or infinity).
    public static let e8m0ExponentRange: ClosedRange<Int> = -127...127

    /// The accepted spellings, for help text and error messages.
    public static let acceptedSpecs = "floor, ceil, even"

    /// The rule's spec name: `floor`, `ceil` or `even`.
    public var spec: String { rawValue }

    /// Parses `floor`, `ceil` or `even` (case-insensitive, whitespace ignored).
    /// - Throws: ``ScalingSpecError/unknownRule(_:)`` naming the input and
    ///   listing the accepted rules.
    public init(spec raw: String) throws {
        guard let rule = ScaleRule(rawValue: raw.split(whereSeparator: \.isWhitespace).joined().lowercased()) else {
            throw ScalingSpecError.unknownRule(raw)
        }
        self = rule
    }

    /// The exponent `e` of the block scale `X = 2^e` for a block whose
    /// largest magnitude is `amax`, with elements in `element`, clamped to
    /// ``e8m0ExponentRange``; `nil` (the NaN scale) when `amax` is NaN or
    /// infinite. `amax = 0` gives −127. Exact: it reads the binary64 exponent
    /// and significand of `amax` and compares significands (see the table
    /// in the type's documentation), so no `log2` is evaluated.
    @inlinable
    public func scaleExponent(forBlockMaximum amax: Double, element: FloatFormat) -> Int? {
        guard amax.isFinite else { return nil }
        guard amax > 0 else { return ScaleRule.e8m0ExponentRange.lowerBound }
        return Swift.min(Swift.max(unclampedExponent(amax, element), -127), 127)
    }

    /// The exponent before the E8M0 clamp, for finite `amax > 0`.
    @inlinable
    func unclampedExponent(_ amax: Double, _ element: FloatFormat) -> Int {
        let a = Int(amax.exponent), s = amax.significand
        let xmax = element.greatestFiniteMagnitude
        switch self {
        case .floor:
            return a - element.maxExponent
        case .ceil:
            return a - Int(xmax.exponent) + (s > xmax.significand ? 1 : 0)
        case .even:
            // Rounding s to p bits carries into the next binade iff
            // s ≥ 2 − 2^−p; for p = 53 that bound is not below 2, so never.
            let threshold = 2 - Double(sign: .plus, exponent: -element.precision, significand: 1)
            return a - element.maxExponent + (element.precision < 53 && s >= threshold ? 1 : 0)
        }
    }
}
