import Roundoff

/// The unit roundoff u = 2^−p of a format named in a results file.
enum UnitRoundoff {
    /// u for the format `spec`, or nil when the spec does not parse.
    ///
    /// Uses Roundoff's own spec parser rather than a table of names, so
    /// aliases (`half`, `e4m3fn`), option suffixes (`fp16:nosub`) and
    /// custom formats (`custom:p=5,emax=7`, `custom-p5-emax7`) all work and
    /// can never disagree with what the sweep ran.
    static func fromSpec(_ spec: String) -> Double? {
        guard let format = try? FloatFormat(spec: spec) else { return nil }
        return Double(sign: .plus, exponent: -format.precision, significand: 1)
    }

    /// u for each format of `rows` (one workload and parameter set): the
    /// workload's scalar metric `unit_roundoff` when it reports one — the
    /// workload knows best which u its bound uses — else ``fromSpec(_:)``.
    static func byFormat(_ rows: [ResultRow]) -> [String: Double] {
        var u: [String: Double] = [:]
        for row in rows where row.metric == "unit_roundoff" && row.x == nil && row.value.isFinite && row.value > 0 {
            if u[row.format] == nil { u[row.format] = row.value }
        }
        for row in rows where u[row.format] == nil {
            if let value = fromSpec(row.format) { u[row.format] = value }
        }
        return u
    }
}
