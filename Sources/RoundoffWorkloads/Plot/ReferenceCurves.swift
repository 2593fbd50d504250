/// Reference lines for a series figure whose error rounding theory bounds:
/// the unit roundoff u and the probabilistic bound √n·u (e.g. for sums and
/// inner products, where round-to-nearest errors grow like n·u in the worst
/// case and like √n·u for independent errors, which stochastic rounding
/// guarantees). One line per format, in that format's colour.
enum ReferenceCurves {
    /// The dash types of successive reference kinds: dashed, dotted, dash-dot.
    static let dashes = [2, 3, 4, 5]

    /// The curves, the legend entries explaining their dash types, and a
    /// comment line for the script.
    struct Result {
        var curves: [FigureSpec.Curve] = []
        var styleKey: [FigureSpec.StyleKeyEntry] = []
        var description: String
    }

    static func make(_ kind: PlotHints.References, study: Study, metric: String, xName: String,
                     notes: inout [String]) -> Result {
        if case .metrics(let list) = kind {
            let present = list.filter { study.seriesMetrics.contains($0.metric) }
            if !present.isEmpty { return fromMetrics(present, study: study) }
            notes.append("reference metrics \(list.map(\.metric).joined(separator: ", ")) not in the results; drawing u and √\(xName)·u instead")
        }
        return unitRoundoff(study: study, metric: metric, xName: xName, notes: &notes)
    }

    /// u and √x·u at the x values of each format's curves.
    static func unitRoundoff(study: Study, metric: String, xName: String, notes: inout [String]) -> Result {
        let u = UnitRoundoff.byFormat(study.rows)
        var xs: [String: Set<Double>] = [:]
        for row in study.rows where row.metric == metric {
            if let x = row.x, x.isFinite, x >= 0 { xs[row.format, default: []].insert(x) }
        }
        var result = Result(description: "")
        for (f, format) in study.formats.enumerated() {
            guard let points = xs[format]?.sorted(), !points.isEmpty else { continue }
            guard let uf = u[format] else {
                notes.append("\(format): unit roundoff unknown (no unit_roundoff metric, spec does not parse); no reference lines")
                continue
            }
            result.curves.append(FigureSpec.Curve(
                title: nil, dataName: "\(format): u", columns: ["x", "u"], rows: points.map { [$0, uf] },
                style: .reference(color: f, dash: dashes[0])))
            result.curves.append(FigureSpec.Curve(
                title: nil, dataName: "\(format): sqrt(\(xName))*u", columns: ["x", "sqrt_x_u"], rows: points.map { [$0, $0.squareRoot() * uf] },
                style: .reference(color: f, dash: dashes[1])))
        }
        let source = study.rows.contains { $0.metric == "unit_roundoff" && $0.x == nil }
            ? "u from the scalar metric unit_roundoff" : "u = 2^-p from the format's precision p"
        result.styleKey = [
            .init(title: "u (format's colour)", dash: dashes[0]),
            .init(title: "√\(xName)·u", dash: dashes[1]),
        ]
        result.description = "Reference lines per format, in its colour: dashed u, dotted √\(xName)·u (\(source))."
        return result
    }

    /// The workload's own bound series (e.g. matvec's `n_u`, `sqrt_n_u`),
    /// one line per format: the mean over modes and seeds at each x, since a
    /// bound depends on the format only.
    static func fromMetrics(_ list: [(metric: String, title: String)], study: Study) -> Result {
        var result = Result(description: "")
        for (r, reference) in list.enumerated() {
            let dash = dashes[r % dashes.count]
            var byFormat: [String: [Double: [Double]]] = [:]
            for row in study.rows where row.metric == reference.metric {
                if let x = row.x, x.isFinite { byFormat[row.format, default: [:]][x, default: []].append(row.value) }
            }
            for (f, format) in study.formats.enumerated() {
                guard let byX = byFormat[format] else { continue }
                let rows = byX.keys.sorted().compactMap { x in SeedSummary.of(byX[x]!).map { [x, $0.mean] } }
                guard !rows.isEmpty else { continue }
                result.curves.append(FigureSpec.Curve(
                    title: nil, dataName: "\(format): \(reference.metric)", columns: ["x", reference.metric], rows: rows,
                    style: .reference(color: f, dash: dash)))
            }
            result.styleKey.append(.init(title: reference.title + (r == 0 ? " (format's colour)" : ""), dash: dash))
        }
        let names = ["dashed", "dotted", "dash-dot", "dash-dot-dot"]
        result.description = "Reference lines per format, in its colour, from the workload's own series: "
            + list.enumerated().map { "\(names[$0.offset % names.count]) \($0.element.metric)" }.joined(separator: ", ") + "."
        return result
    }
}
