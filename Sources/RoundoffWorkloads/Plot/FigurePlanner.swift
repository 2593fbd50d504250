/// Decides which figures a results table gets. Driven by the data, so a new
/// workload or metric gets figures without code changes:
///
/// - every scalar metric of every study: metric vs format (``ScalarFigure``);
/// - every series metric of every study: metric vs x (``SeriesFigure``),
///   except metrics that ``PlotHints/referenceOnly`` draws inside another figure.
///
/// Rows with ``ResultsCSV/failureMetric`` (a cell whose workload threw) get
/// no figure: they hold only `nan`; ``PlotRenderer`` counts them in its log.
///
/// Order: studies in file order; within one, scalar figures then series
/// figures, each in the order the metrics first appear.
enum FigurePlanner {
    static func figures(for table: ResultsTable) -> [FigureSpec] {
        var figures: [FigureSpec] = []
        for study in Study.all(in: table) {
            let hints = PlotHints.forWorkload(study.workload)
            for metric in study.scalarMetrics where metric != ResultsCSV.failureMetric {
                figures.append(ScalarFigure.make(study: study, metric: metric, hints: hints))
            }
            for metric in study.seriesMetrics where !hints.referenceOnly.contains(metric) {
                figures.append(SeriesFigure.make(study: study, metric: metric, hints: hints))
            }
        }
        for (i, name) in FigureName.distinct(figures.map(\.name)).enumerated() {
            figures[i].name = name
        }
        return figures
    }
}
