/// The wording of titles and axis labels shared by all figure kinds.
enum FigureText {
    /// "harmonic: Harmonic sum Σ 1/k", or the bare workload name without hints.
    static func workloadTitle(_ study: Study, _ hints: PlotHints) -> String {
        hints.title.map { "\(study.workload): \($0)" } ?? study.workload
    }

    /// "params: n=1000  ·  stochastic modes: mean over seeds", or nil when
    /// there is nothing to say. `stochastic`: the figure draws means over
    /// seeds; `errorBars`: with min–max bars.
    static func subtitle(study: Study, stochastic: Bool, errorBars: Bool) -> String? {
        var parts: [String] = []
        if !study.params.isEmpty {
            // "; " rather than ", " because values may be lists (steps=10,100).
            let params = study.params.split(separator: ";").map(String.init)
            parts.append("params: " + params[0])
            parts += params.dropFirst()
        }
        if stochastic {
            parts.append(errorBars ? "stochastic modes: mean over seeds, bars min–max" : "stochastic modes: mean over seeds")
        }
        return parts.isEmpty ? nil : wrap(parts, width: maxLine)
    }

    /// The longest title line, in characters, that fits above the plot area
    /// of a 900-pixel-wide figure whose legend takes the right quarter (the
    /// title is centred on the plot area, not on the image).
    static let maxLine = 90

    /// `parts` joined with "; " into lines of at most `width` characters
    /// (a longer part gets a line of its own), so that a workload with many
    /// parameters does not run its title off the image.
    static func wrap(_ parts: [String], width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for part in parts {
            if line.isEmpty {
                line = part
            } else if line.count + 2 + part.count <= width {
                line += "; " + part
            } else {
                lines.append(line)
                line = part
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// "label [unit]  (metric)": the metric's own name is kept when the label
    /// rewords it, so that readers can find the column in results.csv.
    static func axisLabel(_ label: String, metric: String, unit: String?) -> String {
        var text = label
        if let unit { text += " [\(unit)]" }
        if label != metric { text += "  (\(metric))" }
        return text
    }

    /// "8 seeds" / "1 seed".
    static func seeds(_ n: Int) -> String {
        n == 1 ? "1 seed" : "\(n) seeds"
    }
}
