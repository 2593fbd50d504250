/// The text of a figure's data file `NAME.dat`: one block per curve, in the
/// figure's drawing order, so block K is gnuplot's `index K`.
///
/// Whitespace-separated columns under a `#` header naming them, blocks
/// separated by two blank lines (gnuplot's data-set separator), a comment
/// naming each block. Only finite values appear, so the file reads into
/// gnuplot, numpy (`np.loadtxt` per block) or a spreadsheet without surprises.
enum DataFile {
    static func text(for figure: FigureSpec) -> String {
        var out = """
            # \(figure.name).dat: data for \(figure.name).gp, written by `precision-sweep plot` from ../results.csv
            \(GnuplotScript.comment(figure.title))
            # Blocks are separated by two blank lines; block K is `index K` in gnuplot.
            # Only finite values are written; \(figure.name).gp lists what was left out.

            """
        for (k, curve) in figure.curves.enumerated() {
            if k > 0 { out += "\n\n" }
            out += GnuplotScript.comment("index \(k): \(blockName(curve))") + "\n"
            out += "# " + (curve.columns + (curve.labels == nil ? [] : ["format"])).joined(separator: " ") + "\n"
            for (i, row) in curve.rows.enumerated() {
                var fields = row.map(number)
                if let labels = curve.labels { fields.append(quoted(labels[i])) }
                out += fields.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    /// What a block holds, for its comment line.
    static func blockName(_ curve: FigureSpec.Curve) -> String {
        curve.dataName ?? curve.title ?? "curve"
    }

    /// Integral values without a fraction (`1000`, not `1000.0`), others in
    /// Swift's shortest round-trip form (`1e-05`), which gnuplot reads.
    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return v.description
    }

    /// A text column in double quotes, which gnuplot reads as one field.
    static func quoted(_ s: String) -> String {
        // A quote or line break inside would end the field (or the row) early.
        "\"" + String(s.map { $0 == "\"" ? "'" : $0.isNewline ? " " : $0 }) + "\""
    }
}
