import Testing
@testable import Roundoff

// Helpers shared by the core test suites. Nothing here calls the rounding
// kernel: the reference rounding below is written from the definitions in
// design §2–§3 with exact power-of-two scaling, so it can serve as an
// independent oracle for the library.

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator so that
/// every test input is reproducible. Deliberately not the library's
/// `StochasticStream`, so test inputs do not depend on the code under test.
struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Same value: NaN matches NaN, everything else by bit pattern (so +0 ≠ −0).
func sameValue(_ a: Double, _ b: Double) -> Bool {
    a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
}

/// Exactly 2^e for −1074 ≤ e ≤ 1023.
func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }

/// Hex text of a Double for failure messages (Swift's own formatter, not the library's).
func hex(_ x: Double) -> String {
    x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : "\(x) [bits \(String(x.bitPattern, radix: 16))]"
}

/// The deterministic modes (everything but the stochastic ones).
let deterministicModes: [RoundingMode] = [.nearestEven, .nearestAway, .nearestTowardZero, .up, .down, .towardZero, .odd]

/// Reference rounding of a binary64 value into a format, from design §2–§3:
/// round as if the exponent range were unbounded above (spacing
/// `2^(e−p+1)` in the binade `[2^e, 2^(e+1))`, `2^(emin−p+1)` below xmin, or
/// one gap `(0, xmin)` without subnormals), then apply the overflow policy.
/// All arithmetic is exact: divisions and multiplications by the spacing are
/// by powers of two, `floor` is exact, and `m − lo` is a difference of two
/// binary64 numbers less than one spacing apart.
struct ReferenceRounding {
    let p: Int
    let emin: Int
    let xmax: Double
    let subnormals: Bool
    let saturate: Bool

    init(_ f: FloatFormat) {
        p = f.precision
        emin = f.minExponent
        xmax = f.greatestFiniteMagnitude
        subnormals = f.hasSubnormals
        saturate = f.overflow == .saturate
    }

    /// Spacing of the unbounded-exponent grid at the magnitude `m` (finite, ≥ 0).
    func quantum(_ m: Double) -> Double {
        if m < pow2(emin) { return subnormals ? pow2(emin - p + 1) : pow2(emin) }
        return pow2(m.exponent - p + 1)
    }

    /// The grid neighbours `lo ≤ m < hi` of a magnitude, and the spacing.
    func bracket(_ m: Double) -> (lo: Double, hi: Double, q: Double) {
        let q = quantum(m)
        let k = (m / q).rounded(.down)
        return (k * q, (k + 1) * q, q)
    }

    /// Whether the magnitude `m` (a grid point) has an odd last significand bit.
    func isOdd(_ m: Double) -> Bool {
        (m / quantum(m)).truncatingRemainder(dividingBy: 2) == 1
    }

    /// The magnitude an overflowing result of the given sign gets (design §3).
    func overflowMagnitude(_ mode: RoundingMode, negative: Bool) -> Double {
        if saturate { return xmax }
        switch mode {
        case .towardZero, .odd: return xmax
        case .up: return negative ? xmax : .infinity
        case .down: return negative ? .infinity : xmax
        default: return .infinity
        }
    }

    /// `x` rounded with a deterministic mode.
    func round(_ x: Double, _ mode: RoundingMode) -> Double {
        if x.isNaN { return x }
        let negative = x.sign == .minus
        if x.isInfinite { return saturate ? (negative ? -xmax : xmax) : x }
        let m = x.magnitude
        if m == 0 { return x }
        let (lo, hi, q) = bracket(m)
        var r: Double
        if m == lo {
            r = lo
        } else {
            let d = m - lo, half = q / 2
            let loOdd = (lo / q).truncatingRemainder(dividingBy: 2) == 1
            switch mode {
            case .nearestEven: r = d > half ? hi : d < half ? lo : (loOdd ? hi : lo)
            case .nearestAway: r = d >= half ? hi : lo
            case .nearestTowardZero: r = d > half ? hi : lo
            case .towardZero: r = lo
            case .up: r = negative ? lo : hi
            case .down: r = negative ? hi : lo
            case .odd: r = loOdd ? lo : hi
            default: preconditionFailure("reference handles deterministic modes only")
            }
        }
        if r > xmax { r = overflowMagnitude(mode, negative: negative) }
        return negative ? -r : r
    }

    /// The exact value `head + tail` rounded with a deterministic mode, where
    /// `head` is the binary64 value nearest to it and `tail` the exact
    /// remainder (as TwoSum gives them), or any binary64 value of the right
    /// sign and a magnitude below half an ulp of `head` — only the side on
    /// which the exact value lies matters. Valid for `p ≤ 51`: then every
    /// grid point and midpoint is a binary64 number, so a value strictly
    /// between two adjacent binary64 numbers is never one of them.
    func round(head: Double, tail: Double, _ mode: RoundingMode) -> Double {
        precondition(p <= 51)
        if tail == 0 || !head.isFinite { return round(head, mode) }
        if head == 0 { return round(tail, mode) }
        let negative = head.sign == .minus
        let m = head.magnitude, t = negative ? -tail : tail  // exact magnitude: m + t
        var (lo, hi, q) = bracket(m)
        if t < 0 && m == lo {  // just below a grid point: the gap below it
            (lo, hi, q) = bracket(m.nextDown)
        }
        // lo < m + t < hi. Compare with the midpoint lo + q/2, a binary64
        // number: a = m − midpoint is exact; if a ≠ 0 the exact value lies on
        // the same side as m (it is nearer to m than to any other binary64
        // number), and if m is the midpoint the tail's sign decides.
        let a = (m - lo) - q / 2
        let aboveHalf = a > 0 || (a == 0 && t > 0)
        let loOdd = (lo / q).truncatingRemainder(dividingBy: 2) == 1
        var r: Double
        switch mode {
        case .nearestEven, .nearestAway, .nearestTowardZero: r = aboveHalf ? hi : lo
        case .towardZero: r = lo
        case .up: r = negative ? lo : hi
        case .down: r = negative ? hi : lo
        case .odd: r = loOdd ? lo : hi
        default: preconditionFailure("reference handles deterministic modes only")
        }
        if r > xmax { r = overflowMagnitude(mode, negative: negative) }
        return negative ? -r : r
    }
}

/// Test inputs for a format: binary64 values spread over the whole range of
/// the format (subnormals, normals, beyond xmax), the format's own values,
/// midpoints and their binary64 neighbours, arbitrary binary64 bit patterns
/// (binary64 subnormals, NaN, ∞) and named specials.
enum Samples {
    /// The exponent range most samples are drawn from.
    static func exponentRange(_ f: FloatFormat) -> ClosedRange<Int> {
        max(-1074, f.minExponent - f.precision - 3)...min(1023, f.maxExponent + 2)
    }

    static func specials(_ f: FloatFormat) -> [Double] {
        let xmax = f.greatestFiniteMagnitude
        let ulpMax = pow2(f.maxExponent - f.precision + 1)
        var v: [Double] = [0, .infinity, .nan, xmax, f.leastNormalMagnitude, f.leastNonzeroMagnitude,
                           .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                           f.leastNonzeroMagnitude / 2, f.leastNonzeroMagnitude / 4, 1, 3]
        if f.maxExponent < 1023 {
            v += [xmax + ulpMax / 2, (xmax + ulpMax / 2).nextDown, (xmax + ulpMax / 2).nextUp,
                  pow2(f.maxExponent + 1), xmax + ulpMax]
        }
        return v + v.map { -$0 }
    }

    /// One sample; `kind` picks the family, the other inputs are raw randomness.
    static func make(_ f: FloatFormat, kind: Int, negative: Bool, exponent: Int, fraction: UInt64) -> Double {
        let ref = ReferenceRounding(f)
        let sign: FloatingPointSign = negative ? .minus : .plus
        let significand = 1 + Double(fraction >> 12) * 0x1p-52
        let near = Double(sign: sign, exponent: exponent, significand: significand)
        switch kind {
        case 0, 1, 2:  // a binary64 value in the format's range
            return near
        case 3:  // a value of the format (the reference's nearest grid point)
            return ref.round(near, .nearestEven)
        case 4, 5:  // a midpoint, or one binary64 ulp either side of it
            let m = near.magnitude
            let (lo, _, q) = ref.bracket(m)
            let mid = lo + q / 2
            let v = kind == 4 ? mid : (fraction & 1 == 0 ? mid.nextUp : mid.nextDown)
            return negative ? -v : v
        case 6:  // any binary64 bit pattern
            return Double(bitPattern: fraction)
        default:  // named specials
            let s = specials(f)
            return s[Int(fraction % UInt64(s.count))]
        }
    }

    /// `count` samples from a seeded generator (for bulk, non-property checks).
    static func batch(_ f: FloatFormat, count: Int, seed: UInt64) -> [Double] {
        var rng = TestRNG(seed: seed)
        let range = exponentRange(f)
        return (0..<count).map { _ in
            make(f, kind: Int(rng.next() % 8), negative: rng.next() & 1 == 1,
                 exponent: Int.random(in: range, using: &rng), fraction: rng.next())
        }
    }
}
