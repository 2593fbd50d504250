import Solvers

/// Spec strings for the policy grammar (`loss-scale=…`).
extension LossScaling {
    /// Dynamic scaling with the published defaults: S₀ = 2^15, growth after 2000 clean steps.
    public static let standardDynamic = LossScaling.dynamic(initial: 32768, growthInterval: 2000)

    /// The spec string: `none`, `static:S`, `dynamic:S0:N`.
    public var spec: String {
        switch self {
        case .none: "none"
        case .fixed(let s): "static:\(Self.text(s))"
        case .dynamic(let s, let n): "dynamic:\(Self.text(s)):\(n)"
        }
    }

    static func text(_ s: Double) -> String {
        s == s.rounded() && s < 1e15 ? String(Int64(s)) : "\(s)"
    }

    /// Parses `none`, `static:S` (or just `S`), `dynamic`, `dynamic:S0` or
    /// `dynamic:S0:N`, where S and S0 are powers of two (`2^k` allowed) and N ≥ 1.
    public init(spec: String) throws {
        let parts = spec.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func scale(_ text: String) throws -> Double {
            var v: Double?
            if text.hasPrefix("2^"), let e = Int(text.dropFirst(2)) { v = e >= -1000 && e <= 1000 ? Double(sign: .plus, exponent: e, significand: 1) : nil }
            else { v = Double(text) }
            guard let v, v > 0, v.isFinite, v.significandBitPattern == 0 else {
                throw PolicySpecError.badValue(key: "loss-scale", value: text, accepted: "a power of two, e.g. 1024 or 2^15")
            }
            return v
        }
        switch parts[0] {
        case "none" where parts.count == 1: self = .none
        case "static" where parts.count == 2: self = .fixed(try scale(parts[1]))
        case "dynamic" where parts.count <= 3:
            let s = parts.count > 1 ? try scale(parts[1]) : 32768
            var n = 2000
            if parts.count > 2 {
                guard let v = Int(parts[2]), v >= 1 else {
                    throw PolicySpecError.badValue(key: "loss-scale", value: parts[2], accepted: "a growth interval N ≥ 1")
                }
                n = v
            }
            self = .dynamic(initial: s, growthInterval: n)
        default:
            if parts.count == 1, let s = try? scale(parts[0]) { self = .fixed(s); return }
            throw PolicySpecError.badValue(key: "loss-scale", value: spec,
                                           accepted: "none, static:S, S, dynamic, dynamic:S0, dynamic:S0:N (S a power of two)")
        }
    }
}
