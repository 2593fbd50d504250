/// How a value between two neighbours `lo < x < hi` of a format is rounded
/// (<doc:RoundingSemantics#Rounding-modes>). Every mode returns a representable `x` unchanged, keeps the
/// sign of zero, and keeps NaN.
public enum RoundingMode: Hashable, Sendable {
    /// Round to nearest, ties to the neighbour with an even last significand bit (`rne`).
    case nearestEven
    /// Round to nearest, ties away from zero (`rna`).
    case nearestAway
    /// Round to nearest, ties toward zero (`rnz`).
    case nearestTowardZero
    /// Toward +∞ (`ru`).
    case up
    /// Toward −∞ (`rd`).
    case down
    /// Toward zero, i.e. truncation (`rz`).
    case towardZero
    /// Round to odd (`ro`): the neighbour whose last significand bit is 1.
    /// Rounding to odd at p + 2 bits and then to nearest at p bits is a
    /// correct single rounding (Boldo & Melquiond 2008).
    case odd
    /// Stochastic rounding (`sr`, or `sr:R`). With `bits == nil` it rounds
    /// to `hi` with probability `(x − lo)/(hi − lo)`, the fraction resolved to
    /// binary64's precision: the probability is exact for `Double` inputs and
    /// within `2^−(54−p)` for arithmetic results. With `bits = R` the
    /// probability is taken from the first `R` bits below the last kept bit
    /// only (hardware few-bit SR; biased toward zero by under `2^−R` ulp).
    case stochastic(bits: Int?)
    /// Stochastic rounding with probability 1/2 for each neighbour (`sr-half`).
    case stochasticHalf

    /// Proportional stochastic rounding with full precision (`sr`).
    public static let stochastic = RoundingMode.stochastic(bits: nil)

    /// Every mode with its canonical name (few-bit SR shown with 8 bits).
    public static let allNamed: [RoundingMode] = [
        .nearestEven, .nearestAway, .nearestTowardZero, .up, .down, .towardZero, .odd,
        .stochastic, .stochastic(bits: 8), .stochasticHalf,
    ]

    /// The accepted spellings, for help text and error messages.
    public static let acceptedSpecs =
        "rne, rna, rnz, ru, rd, rz, ro, sr, sr:R (R random bits, 1...52; also srR), sr-half"

    /// Parses a mode name (case-insensitive); see ``acceptedSpecs``.
    /// - Throws: ``FormatSpecError/unknownMode(_:)`` naming the input.
    public init(spec raw: String) throws {
        let s = raw.trimmingWhitespace().lowercased()
        switch s {
        case "rne", "rn", "nearest": self = .nearestEven
        case "rna": self = .nearestAway
        case "rnz": self = .nearestTowardZero
        case "ru", "up": self = .up
        case "rd", "down": self = .down
        case "rz", "truncate": self = .towardZero
        case "ro", "odd": self = .odd
        case "sr": self = .stochastic
        case "sr-half", "srhalf", "sr_half": self = .stochasticHalf
        default:
            var digits = Substring(s)
            guard digits.hasPrefix("sr") else { throw FormatSpecError.unknownMode(raw) }
            digits = digits.dropFirst(2)
            if digits.first == ":" || digits.first == "-" { digits = digits.dropFirst() }
            if digits.hasPrefix("bits=") { digits = digits.dropFirst(5) }
            guard let r = Int(digits), (1...52).contains(r) else { throw FormatSpecError.unknownMode(raw) }
            self = .stochastic(bits: r)
        }
    }

    /// The canonical spec name (`rne`, `sr`, `sr:8`, `sr-half`, …).
    public var spec: String {
        switch self {
        case .nearestEven: "rne"
        case .nearestAway: "rna"
        case .nearestTowardZero: "rnz"
        case .up: "ru"
        case .down: "rd"
        case .towardZero: "rz"
        case .odd: "ro"
        case .stochastic(nil): "sr"
        case .stochastic(let r?): "sr:\(r)"
        case .stochasticHalf: "sr-half"
        }
    }

    /// Whether the result depends on random bits (and so on the seed).
    @inlinable public var isStochastic: Bool {
        switch self {
        case .stochastic, .stochasticHalf: true
        default: false
        }
    }

    /// Whether this is one of the three round-to-nearest modes.
    @inlinable public var isNearest: Bool {
        switch self {
        case .nearestEven, .nearestAway, .nearestTowardZero: true
        default: false
        }
    }
}

extension RoundingMode: CustomStringConvertible {
    /// The canonical spec name.
    public var description: String { spec }
}
