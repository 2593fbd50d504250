/// File stems for figures: `WORKLOAD-METRIC` for a series metric and
/// `WORKLOAD-METRIC-by-format` for a scalar metric (a metric name may be
/// both, like `harmonic`'s `rel_error`), plus the study's suffix when the
/// workload has several parameter sets.
enum FigureName {
    /// The stem for a figure of `metric` in `study`.
    static func make(study: Study, metric: String, byFormat: Bool) -> String {
        var parts = [study.workload, metric]
        if byFormat { parts.append("by-format") }
        if let suffix = study.nameSuffix { parts.append(suffix) }
        return sanitize(parts.joined(separator: "-"))
    }

    /// `text` with every character outside `A-Z a-z 0-9 . _ -` replaced by
    /// `_`, so the name is safe unquoted in a shell and inside a gnuplot
    /// string, on every file system.
    static func sanitize(_ text: String) -> String {
        String(text.unicodeScalars.map { c -> Character in
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": Character(c)
            default: "_"
            }
        })
    }

    /// `names` made distinct by appending `-2`, `-3`, … to repeats (two
    /// metric names that sanitize alike must not overwrite each other).
    static func distinct(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var candidate = name, k = 1
            while !used.insert(candidate).inserted {
                k += 1
                candidate = "\(name)-\(k)"
            }
            return candidate
        }
    }
}
