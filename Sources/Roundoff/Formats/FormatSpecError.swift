/// A format or rounding-mode spec string that could not be parsed. The
/// description names the bad input and lists what is accepted.
public enum FormatSpecError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The name is not a preset, alias or `custom` form.
    case unknownFormat(String)
    /// An option after `:` is not understood.
    case unknownOption(option: String, spec: String)
    /// A parameter value is outside its range or not a number.
    case parameterOutOfRange(name: String, value: String, accepted: String)
    /// A `custom` spec lacks a required parameter.
    case missingParameter(name: String, spec: String)
    /// The rounding mode is not one of the accepted names.
    case unknownMode(String)

    /// One line naming the bad input and listing the accepted forms (for
    /// ``unknownFormat(_:)``: every preset with its aliases, the custom
    /// grammar and the options).
    public var description: String {
        switch self {
        case .unknownFormat(let s):
            return "unknown format '\(s)'. Accepted: \(FloatFormat.acceptedSpecs)"
        case .unknownOption(let o, let s):
            return "unknown option '\(o)' in format '\(s)'. Accepted options: \(FloatFormat.acceptedOptions)"
        case .parameterOutOfRange(let n, let v, let a):
            return "format parameter \(n)=\(v) is out of range; accepted: \(a)"
        case .missingParameter(let n, let s):
            return "format '\(s)' needs the parameter '\(n)'. Syntax: \(FloatFormat.customSyntax)"
        case .unknownMode(let s):
            return "unknown rounding mode '\(s)'. Accepted: \(RoundingMode.acceptedSpecs)"
        }
    }
}
