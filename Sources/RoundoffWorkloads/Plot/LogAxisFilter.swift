/// Takes out of the data what a logarithmic axis cannot draw.
///
/// Why not leave it to gnuplot: it silently treats values ≤ 0 on a log axis
/// as undefined, and a block with no drawable point makes `plot` warn (or,
/// when it is the only one, fail). Filtering here keeps the data file equal
/// to what is drawn and lets the script's comments say what was left out.
enum LogAxisFilter {
    /// `curves` without the points whose `column` (0 for x, 1 for y) is ≤ 0;
    /// curves left empty are removed. Each removal adds a line to `notes`.
    /// A measured curve removed whole gets a line in `keyNotes`.
    static func dropNonPositive(_ curves: [FigureSpec.Curve], column: Int, axis: String,
                                notes: inout [String], keyNotes: inout [String]) -> [FigureSpec.Curve] {
        curves.compactMap { curve in
            let name = curve.title ?? "a reference line"
            var kept: [[Double]] = [], keptLabels: [String] = []
            for (i, row) in curve.rows.enumerated() where row[column] > 0 {
                kept.append(row)
                if let labels = curve.labels { keptLabels.append(labels[i]) }
            }
            let dropped = curve.rows.count - kept.count
            if kept.isEmpty {
                notes.append("\(name): every value ≤ 0 on the log \(axis) axis; curve not drawn")
                if let title = curve.title {
                    let zero = curve.rows.allSatisfy { $0[column] == 0 }
                    keyNotes.append("\(title): \(zero ? "all 0" : "all ≤ 0") (not drawn)")
                }
                return nil
            }
            if dropped > 0 {
                notes.append("\(name): \(dropped) point\(dropped == 1 ? "" : "s") with \(axis) ≤ 0 left out (log \(axis) axis)")
            }
            if column == 1, curve.style.hasErrorBars, kept.contains(where: { $0[2] <= 0 }) {
                notes.append("\(name): a minimum ≤ 0 is kept in the data; gnuplot draws only the upper part of that error bar")
            }
            var c = curve
            c.rows = kept
            if curve.labels != nil { c.labels = keptLabels }
            return c
        }
    }
}
