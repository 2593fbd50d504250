/// Figure kind (2): one series metric of a study vs its abscissa, one curve
/// per (format, mode); stochastic modes show the mean over seeds at each x.
/// Colour identifies the format and the marker the mode, so a format's
/// reference lines (same colour, dashed) read with its curves.
enum SeriesFigure {
    /// Markers per curve, roughly: dense series get a marker every k-th
    /// point so the lines stay readable.
    static let markersPerCurve = 12

    static func make(study: Study, metric: String, hints: PlotHints) -> FigureSpec {
        let metricHint = hints.hint(for: metric)
        var notes: [String] = []
        var keyNotes: [String] = []

        // values[format][mode][x] = the values over seeds.
        var values: [String: [String: [Double: [Double]]]] = [:]
        var nonFiniteX = 0
        for row in study.rows where row.metric == metric {
            guard let x = row.x else { continue }
            guard x.isFinite else { nonFiniteX += 1; continue }
            values[row.format, default: [:]][row.mode, default: [:]][x, default: []].append(row.value)
        }
        if nonFiniteX > 0 { notes.append("\(nonFiniteX) rows with a non-finite x left out") }

        var measured: [FigureSpec.Curve] = []
        var anyStochastic = false
        for (f, format) in study.formats.enumerated() {
            for (k, mode) in study.modes.enumerated() {
                guard let byX = values[format]?[mode] else { continue }
                var points: [[Double]] = []
                var dropped: [Double] = [], maxSeeds = 0
                for x in byX.keys.sorted() {
                    let seedValues = byX[x]!
                    dropped += seedValues.filter { !$0.isFinite }
                    guard let s = SeedSummary.of(seedValues) else { continue }
                    maxSeeds = max(maxSeeds, s.count)
                    points.append([x, s.mean, s.min, s.max, Double(s.count)])
                }
                let stochastic = study.stochasticModes.contains(mode) || maxSeeds > 1
                let title = stochastic ? "\(format) \(mode) (\(FigureText.seeds(maxSeeds)))" : "\(format) \(mode)"
                if !dropped.isEmpty {
                    notes.append("\(title): \(dropped.count) non-finite values (\(SeedSummary.nonFiniteKinds(dropped))) left out"
                                 + (stochastic ? " of the means" : ""))
                }
                guard !points.isEmpty else {
                    notes.append("\(title): no finite value; curve not drawn")
                    continue
                }
                anyStochastic = anyStochastic || stochastic
                measured.append(FigureSpec.Curve(
                    title: title, columns: ["x", "mean", "min", "max", "seeds"], rows: points,
                    style: .measured(color: f, point: k, errorBars: false)))
            }
        }

        let xs = measured.flatMap { $0.rows.map { $0[0] } }
        let ys = measured.flatMap { $0.rows.map { $0[1] } }
        var logX = metricHint?.logX ?? AxisScale.isLog(xs, spanningMoreThan: 0)
        var logY = metricHint?.logY ?? AxisScale.isLog(ys, spanningMoreThan: 0)
        // A forced log axis still needs something positive to draw.
        if logX && !xs.contains(where: { $0 > 0 }) { logX = false }
        if logY && !ys.contains(where: { $0 > 0 }) { logY = false }

        var references: [FigureSpec.Curve] = []
        var styleKey: [FigureSpec.StyleKeyEntry] = []
        var referenceText: String?
        if let kind = metricHint?.references {
            let r = ReferenceCurves.make(kind, study: study, metric: metric, xName: hints.xName ?? "x", notes: &notes)
            references = r.curves
            styleKey = r.styleKey
            referenceText = r.description
        }

        var curves = references + measured
        if logX { curves = LogAxisFilter.dropNonPositive(curves, column: 0, axis: "x", notes: &notes, keyNotes: &keyNotes) }
        if logY { curves = LogAxisFilter.dropNonPositive(curves, column: 1, axis: "y", notes: &notes, keyNotes: &keyNotes) }

        let label = metricHint?.label ?? metric
        let xName = metricHint?.xName ?? hints.xName ?? "x"
        var description = [
            "Series metric '\(metric)' of workload '\(study.workload)' vs \(xName), one curve per (format, mode):",
            "colour = format, marker = mode; stochastic modes: mean over seeds at each \(xName) (min and max are in the data).",
        ]
        if let referenceText { description.append(referenceText) }
        return FigureSpec(
            name: FigureName.make(study: study, metric: metric, byFormat: false),
            title: "\(FigureText.workloadTitle(study, hints)) — \(metric) vs \(xName)",
            subtitle: FigureText.subtitle(study: study, stochastic: anyStochastic, errorBars: false),
            xLabel: metricHint?.xLabel ?? hints.xLabel ?? "x",
            yLabel: FigureText.axisLabel(label, metric: metric, unit: metricHint?.unit),
            xAxis: .numeric(log: logX),
            logY: logY,
            yRange: metricHint?.yRange,
            curves: curves,
            styleKey: styleKey,
            keyNotes: keyNotes,
            description: description,
            notes: notes)
    }
}
