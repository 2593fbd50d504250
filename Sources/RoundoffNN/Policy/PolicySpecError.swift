/// A precision-policy spec that cannot be parsed; the message names the bad
/// part and what is accepted.
public enum PolicySpecError: Error, CustomStringConvertible, Equatable {
    /// A key that is not a role or policy setting.
    case unknownKey(String, accepted: String)
    /// A value that the key does not accept.
    case badValue(key: String, value: String, accepted: String)
    /// An item that is not `key=value` (or a preset name in first place).
    case malformed(String)

    /// One line naming the bad key, value or item and what is accepted.
    public var description: String {
        switch self {
        case .unknownKey(let k, let accepted): "unknown policy key '\(k)'; accepted: \(accepted)"
        case .badValue(let k, let v, let accepted): "bad value '\(v)' for policy key '\(k)'; accepted: \(accepted)"
        case .malformed(let item):
            "policy item '\(item)' is not KEY=VALUE; a policy is a preset name (\(PrecisionPolicy.presetNames.joined(separator: ", "))) optionally followed by ;KEY=VALUE items"
        }
    }
}
