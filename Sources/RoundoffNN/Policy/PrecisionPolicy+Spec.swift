import Solvers
import Roundoff

extension PrecisionPolicy {
    /// The keys ``init(spec:)`` accepts besides the role names.
    static let settingKeys = ["all", "accumulate", "update", "loss-scale", "name"]

    /// Parses a policy: a preset name, or `;`-separated `KEY=VALUE` items,
    /// optionally starting with a preset to modify.
    ///
    /// Keys: a role (`weights`, `activations`, `errors`, `gradients`,
    /// `optimizer`, `master`) or `all` (every role) with value
    /// `FORMAT[/MODE[/SCALING]]`; `accumulate=FORMAT[/MODE]`;
    /// `update=master|round|sr|kahan|collage`; `loss-scale=none|static:S|dynamic[:S0[:N]]`;
    /// `name=NAME` (for metric names; default: the preset's, else `custom`).
    /// FORMAT and MODE may be `*` (the cell's); SCALING is `none`, `tensor`,
    /// `mx-floor`, `mx-ceil`, `mx-even` or `nvfp4`. Use the short custom-format
    /// form (`custom-p8-emax7`), since `,` separates policies in a list.
    ///
    /// Example: `mixed;gradients=*/sr;loss-scale=static:1024;name=mixed-sr`.
    ///
    /// - Throws: ``PolicySpecError`` naming the bad key or value and the accepted ones.
    public init(spec: String) throws {
        let items = spec.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = items.first else { throw PolicySpecError.malformed(spec) }
        var policy: PrecisionPolicy
        var rest = items[...]
        if !first.contains("=") {
            guard let p = PrecisionPolicy.preset(named: first.lowercased()) else {
                throw PolicySpecError.badValue(key: "preset", value: first, accepted: PrecisionPolicy.presetNames.joined(separator: ", "))
            }
            policy = p
            rest = rest.dropFirst()
        } else {
            policy = PrecisionPolicy(name: "custom")
        }
        var named = false
        for item in rest {
            let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw PolicySpecError.malformed(item) }
            let key = kv[0].lowercased(), value = kv[1]
            switch key {
            case "all":
                let r = try Self.role(value, key: key)
                for role in TensorRole.allCases { policy[role] = r }
            case "accumulate": policy.accumulation = try Self.choice(value, key: key)
            case "update":
                guard let u = WeightUpdate(rawValue: value.lowercased()) else {
                    throw PolicySpecError.badValue(key: key, value: value, accepted: WeightUpdate.allCases.map(\.spec).joined(separator: ", "))
                }
                policy.update = u
            case "loss-scale": policy.lossScaling = try LossScaling(spec: value)
            case "name":
                guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw PolicySpecError.badValue(key: key, value: value, accepted: "letters, digits and '-'")
                }
                policy.name = value
                named = true
            default:
                guard let role = TensorRole(rawValue: key) else {
                    throw PolicySpecError.unknownKey(key, accepted: (TensorRole.allCases.map(\.spec) + Self.settingKeys).joined(separator: ", "))
                }
                policy[role] = try Self.role(value, key: key)
            }
        }
        if !named && !rest.isEmpty { policy.name = first.contains("=") ? "custom" : "\(policy.name)-custom" }
        self = policy
    }

    /// The spec string that ``init(spec:)`` parses back to this policy.
    public var spec: String {
        var items = ["name=\(name)"]
        for role in TensorRole.allCases { items.append("\(role.spec)=\(self[role].spec)") }
        items.append("accumulate=\(accumulation.spec)")
        items.append("update=\(update.spec)")
        items.append("loss-scale=\(lossScaling.spec)")
        return items.joined(separator: ";")
    }

    static func choice(_ text: String, key: String) throws -> PrecisionChoice {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            throw PolicySpecError.badValue(key: key, value: text, accepted: "FORMAT or FORMAT/MODE (either may be *)")
        }
        return try PrecisionChoice(format: format(parts[0], key: key), mode: parts.count > 1 ? mode(parts[1], key: key) : nil)
    }

    static func role(_ text: String, key: String) throws -> RolePrecision {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 3 else {
            throw PolicySpecError.badValue(key: key, value: text, accepted: "FORMAT[/MODE[/SCALING]] (FORMAT and MODE may be *)")
        }
        let scaling: TensorScaling
        do { scaling = parts.count > 2 ? try TensorScaling(spec: parts[2]) : .none } catch {
            throw PolicySpecError.badValue(key: key, value: parts[2], accepted: "\(error)")
        }
        return RolePrecision(PrecisionChoice(format: try format(parts[0], key: key),
                                             mode: parts.count > 1 ? try mode(parts[1], key: key) : nil),
                             scaling: scaling)
    }

    static func format(_ text: String, key: String) throws -> FloatFormat? {
        if text == "*" { return nil }
        do { return try FloatFormat(spec: text) } catch {
            throw PolicySpecError.badValue(key: key, value: text, accepted: "* or a format: \(error)")
        }
    }

    static func mode(_ text: String, key: String) throws -> RoundingMode? {
        if text == "*" || text.isEmpty { return nil }
        do { return try RoundingMode(spec: text) } catch {
            throw PolicySpecError.badValue(key: key, value: text, accepted: "* or a mode: \(error)")
        }
    }
}
