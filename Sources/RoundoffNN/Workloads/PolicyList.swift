import RoundoffWorkloads

/// The `policies` parameter: comma-separated ``PrecisionPolicy`` specs.
enum PolicyList {
    static func parse(_ text: String) throws -> [PrecisionPolicy] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw ParameterError("parameter policies is empty; accepted: presets \(PrecisionPolicy.presetNames.joined(separator: ", ")) or custom KEY=VALUE;… specs")
        }
        var seen: Set<String> = []
        return try items.map { item in
            let p: PrecisionPolicy
            do { p = try PrecisionPolicy(spec: item) } catch {
                throw ParameterError("parameter policies: '\(item)': \(error)")
            }
            guard seen.insert(p.name).inserted else {
                throw ParameterError("parameter policies: two policies are named '\(p.name)'; give custom ones name=NAME")
            }
            return p
        }
    }
}
