/// The text of a figure's gnuplot script `NAME.gp`.
///
/// The script is meant to be read and edited by hand: a comment header says
/// what it shows and how to re-run it, settings come one per line, and it
/// names files only relative to its own directory, so
/// `cd DIR/plots && gnuplot NAME.gp` regenerates `NAME.png` and `NAME.svg`
/// wherever DIR has been moved.
enum GnuplotScript {
    /// Image size in pixels, for both terminals.
    static let size = (width: 900, height: 600)
    /// Tableau 10: distinguishable, and still distinct for most colour-blind readers.
    static let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    /// Filled circle, square, triangles, diamond, pentagon, then open ones.
    static let points = [7, 5, 9, 11, 13, 15, 6, 4, 8, 10, 12, 14]

    static func text(for figure: FigureSpec) -> String {
        var lines: [String] = []
        lines.append(comment("\(figure.name).gp: \(figure.title)"))
        if let subtitle = figure.subtitle { lines.append(comment(subtitle)) }
        lines.append("#")
        lines += figure.description.map(comment)
        lines.append("#")
        lines.append("# Written by `precision-sweep plot DIR` from DIR/results.csv; the data is in \(figure.name).dat")
        lines.append("# (one block per curve, `index K` below = block K). Re-run by hand with")
        lines.append("#   cd DIR/plots && gnuplot \(figure.name).gp")
        lines.append("# which writes \(figure.name).png (pngcairo) and \(figure.name).svg (svg) next to this script.")
        lines.append("#")
        lines.append("# Data blocks (`index K` in the plot command):")
        for (k, curve) in figure.curves.enumerated() {
            lines.append(comment("  \(k): \(DataFile.blockName(curve))"))
        }
        if figure.notes.isEmpty {
            lines.append("# Nothing was left out: every value in results.csv for this figure is finite and drawable.")
        } else {
            lines.append("# Left out of the data (NaN/inf from diverged runs, values a log axis cannot show):")
            lines += figure.notes.map { comment("  - " + $0) }
        }
        lines.append("")
        lines.append("set terminal pngcairo size \(size.width),\(size.height) enhanced font 'sans,10'")
        lines.append("set output '\(figure.name).png'")
        lines.append("")
        // Every text element is `noenhanced`: metric names contain `_`, which
        // enhanced text would turn into subscripts. The terminal stays
        // enhanced only so that log-axis tick labels read 10^{-5}.
        var title = figure.title
        if let subtitle = figure.subtitle { title += "\n" + subtitle }
        lines.append("set title \(quoted(title)) noenhanced")
        lines.append("set xlabel \(quoted(figure.xLabel)) noenhanced")
        lines.append("set ylabel \(quoted(figure.yLabel)) noenhanced")
        // Left-aligned text after the sample. gnuplot overestimates the
        // width of long titles and would squeeze the plot for nothing, hence
        // `width -2` for them; short titles need their full estimate, or the
        // key is cut off at the image's edge.
        let longest = (figure.curves.compactMap(\.title) + figure.keyNotes).map(\.count).max() ?? 0
        lines.append("set key outside right top vertical Left reverse samplen 2.5 width \(longest > 20 ? -2 : 0) noenhanced font ',9'")
        lines.append("set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 1")
        lines.append("set border lc rgb '#404040'")
        switch figure.xAxis {
        case .categorical(let labels):
            let ticks = labels.enumerated().map { "\(quoted($0.element)) \($0.offset)" }.joined(separator: ", ")
            lines.append("set xtics (\(ticks)) noenhanced" + (labels.count > 6 ? " rotate by -30" : ""))
            lines.append("set xrange [-0.5:\(Double(labels.count) - 0.5)]")
            lines.append("unset mxtics")
        case .numeric(let log):
            let xs = figure.curves.flatMap { $0.rows.map { $0[0] } }
            if log {
                lines.append("set logscale x 10")
                lines.append("set format x \(logTickFormat(xs))")
            }
            if let range = constantRange(xs, log: log) {
                lines.append("set xrange [\(range.low):\(range.high)]")
            }
        }
        let ys = figure.curves.flatMap { curve in
            curve.rows.flatMap { row -> [Double] in curve.style.hasErrorBars ? [row[1], row[2], row[3]] : [row[1]] }
        }
        if figure.logY {
            lines.append("set logscale y 10")
            lines.append("set format y \(logTickFormat(ys))")
        }
        if let range = figure.yRange ?? constantRange(ys, log: figure.logY) {
            // A hinted range, or one around a single value, which gnuplot
            // cannot autoscale ("empty y range").
            lines.append("set yrange [\(range.low):\(range.high)]")
        } else if !figure.logY {
            // Room above the highest point (and below the lowest, when
            // negative) so that it does not sit on the border; none below
            // non-negative data, where it would invent a negative range.
            let bottom = (ys.min() ?? 0) < 0 ? "graph 0.05" : "0"
            lines.append("set offsets 0, 0, graph 0.05, \(bottom)")
        }
        lines.append("")
        lines.append("data = '\(figure.name).dat'")

        var items: [String] = []
        for (k, curve) in figure.curves.enumerated() {
            var item = "data index \(k) "
            let key = curve.title.map { "title \(quoted($0)) noenhanced" } ?? "notitle"
            switch curve.style {
            case .measured(let color, let point, let errorBars):
                let lc = "lc rgb '\(colors[color % colors.count])'"
                let pt = "pt \(points[point % points.count])"
                if errorBars {
                    item += "using 1:2:3:4 with yerrorlines \(lc) lw 1.5 \(pt) ps 1"
                } else {
                    let every = max(1, curve.rows.count / SeriesFigure.markersPerCurve)
                    item += "using 1:2 with linespoints \(lc) lw 1.5 \(pt) ps 0.8 pi \(every)"
                }
            case .reference(let color, let dash):
                item += "using 1:2 with lines lc rgb '\(colors[color % colors.count])' lw 1 dt \(dash)"
            }
            items.append(item + " " + key)
        }
        // Style-only legend entries: an empty plot (NaN) gives a key sample.
        for entry in figure.styleKey {
            items.append("NaN with lines lc rgb '#202020' lw 1 dt \(entry.dash) title \(quoted(entry.title)) noenhanced")
        }
        // Legend lines for curves that could not be drawn: an invisible sample.
        for note in figure.keyNotes {
            items.append("NaN with lines lc rgb 'white' title \(quoted(note)) noenhanced")
        }
        if figure.curves.isEmpty {
            // No drawable data (every value non-finite): an empty frame with
            // the title still tells the reader what ran.
            lines.append("set label 1 'no finite data' at graph 0.5, graph 0.5 center")
            lines.append("unset logscale")
            lines.append("set xrange [0:1]")
            lines.append("set yrange [0:1]")
            items.append("NaN notitle")
        }
        lines.append("plot " + items.joined(separator: ", \\\n     "))
        lines.append("")
        lines.append("set terminal svg size \(size.width),\(size.height) dynamic enhanced font 'sans,10' background rgb 'white'")
        lines.append("set output '\(figure.name).svg'")
        lines.append("replot")
        lines.append("unset output")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An axis range around the one value `values` all share, or nil when
    /// they differ (or there are none): ×/÷ 2 on a log axis, ±10 % (±1
    /// around 0) on a linear one.
    static func constantRange(_ values: [Double], log: Bool) -> (low: Double, high: Double)? {
        guard let v = values.first, values.allSatisfy({ $0 == v }) else { return nil }
        if log { return (v / 2, v * 2) }
        let half = v == 0 ? 1 : abs(v) / 10
        return (v - half, v + half)
    }

    /// `text` as one comment line: a line break inside a name read from the
    /// results file must not end the comment and leave text gnuplot would run.
    static func comment(_ text: String) -> String {
        "# " + String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Tick labels on a log axis: `10^{k}` when the data spans a decade or
    /// more (gnuplot then puts major ticks on powers of ten), else plain `%g`
    /// (ticks fall between powers, where `10^{k}` would repeat one label).
    static func logTickFormat(_ values: [Double]) -> String {
        let positive = values.filter { $0 > 0 }
        guard let low = positive.min(), let high = positive.max(), high >= 10 * low else { return "'%g'" }
        return "'10^{%L}'"
    }

    /// `text` as a gnuplot double-quoted string, backslashes, quotes and line
    /// breaks escaped (a line break becomes gnuplot's `\n`).
    static func quoted(_ text: String) -> String {
        var s = ""
        for c in text {
            switch c {
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            case "\n", "\r\n", "\r": s += "\\n"
            default: s.append(c)
            }
        }
        return "\"" + s + "\""
    }
}
