/// Figure kind (1): one scalar metric of a study vs format, one curve per
/// mode. Stochastic modes show the mean over seeds with min–max error bars;
/// deterministic modes their single value.
enum ScalarFigure {
    /// How far apart the modes' points sit around a format's tick, so that
    /// error bars of different modes do not hide each other.
    static let dodge = 0.08

    static func make(study: Study, metric: String, hints: PlotHints) -> FigureSpec {
        let metricHint = hints.hint(for: metric)
        let rows = study.rows.filter { $0.metric == metric && $0.x == nil }
        var notes: [String] = []
        var keyNotes: [String] = []

        // values[mode][format] = the values over seeds.
        var values: [String: [String: [Double]]] = [:]
        for row in rows { values[row.mode, default: [:]][row.format, default: []].append(row.value) }
        let modes = study.modes.filter { values[$0] != nil }
        var curves: [FigureSpec.Curve] = []
        for (k, mode) in modes.enumerated() {
            let offset = (Double(k) - Double(modes.count - 1) / 2) * dodge
            var points: [[Double]] = [], labels: [String] = []
            var maxSeeds = 0
            for (f, format) in study.formats.enumerated() {
                guard let seedValues = values[mode]?[format] else { continue }
                let summary = SeedSummary.of(seedValues)
                let dropped = summary?.nonFinite ?? seedValues.count
                if dropped > 0 {
                    notes.append("\(format) \(mode): \(dropped) of \(seedValues.count) values non-finite (\(SeedSummary.nonFiniteKinds(seedValues))), left out"
                                 + (summary == nil ? "; no point drawn" : " of the mean"))
                }
                guard let s = summary else { continue }
                maxSeeds = max(maxSeeds, s.count)
                points.append([Double(f) + offset, s.mean, s.min, s.max, Double(s.count)])
                labels.append(format)
            }
            guard !points.isEmpty else { continue }
            let stochastic = study.stochasticModes.contains(mode) || maxSeeds > 1
            let title = stochastic ? "\(mode) (\(FigureText.seeds(maxSeeds)))" : mode
            curves.append(FigureSpec.Curve(
                title: title, columns: ["position", "mean", "min", "max", "seeds"], rows: points, labels: labels,
                style: .measured(color: k, point: k, errorBars: stochastic)))
        }

        let drawn = curves.flatMap { $0.rows.flatMap { [$0[1], $0[2], $0[3]] } }
        var logY = metricHint?.logY ?? AxisScale.isLog(drawn, spanningMoreThan: 2)
        if logY && !drawn.contains(where: { $0 > 0 }) { logY = false }
        if logY { curves = LogAxisFilter.dropNonPositive(curves, column: 1, axis: "y", notes: &notes, keyNotes: &keyNotes) }

        let label = metricHint?.label ?? metric
        return FigureSpec(
            name: FigureName.make(study: study, metric: metric, byFormat: true),
            title: "\(FigureText.workloadTitle(study, hints)) — \(metric) by format",
            subtitle: FigureText.subtitle(study: study, stochastic: curves.contains { $0.style.hasErrorBars }, errorBars: true),
            xLabel: "format",
            yLabel: FigureText.axisLabel(label, metric: metric, unit: metricHint?.unit),
            xAxis: .categorical(study.formats),
            logY: logY,
            yRange: metricHint?.yRange,
            curves: curves,
            keyNotes: keyNotes,
            description: [
                "Scalar metric '\(metric)' of workload '\(study.workload)' for each format (x axis, in results.csv order),",
                "one curve per rounding mode; stochastic modes: mean over seeds with min–max error bars,",
                "deterministic modes: the single value (seed 0). Points of different modes are offset by \(dodge) for legibility.",
            ],
            notes: notes)
    }
}
