import Foundation

/// The text of `results.csv`: tidy long form, one row per metric value.
///
/// ```text
/// workload,format,mode,seed,metric,value,x,params
/// harmonic,bf16,sr,1,relative-error,0.0021,,n=100000
/// euler-decay,"custom:p=5,emax=7",rne,0,error,0.5,1000.0,h=0.001;y0=1.0
/// ```
///
/// - `format` and `mode` are canonical specs (Roundoff's `FloatFormat.spec`,
///   `RoundingMode.spec`); `seed` is 0 for deterministic modes.
/// - `value` and `x` are Swift's shortest round-trip decimal
///   (`Double.description`), so reading them back gives the same binary64
///   value; non-finite values are `nan`, `inf` and `-inf`. `x` is empty for
///   scalar metrics.
/// - `params` is ``ParameterValues/description`` (`key=value` sorted by key,
///   joined with `;`).
/// - A field containing a comma, a double quote or a line break is quoted as
///   in RFC 4180 (`"…"`, with `"` doubled). Lines end with LF.
///
/// A cell whose workload threw has one row with metric ``failureMetric`` and
/// value `nan`; the message is in `run.json` and the log.
public enum ResultsCSV {
    /// The first line of every results file.
    public static let header = "workload,format,mode,seed,metric,value,x,params"

    /// The metric recorded for a cell whose workload threw an error. Not
    /// `error`, which workloads use for their own error measurements.
    public static let failureMetric = "cell_error"

    /// The rows of `metrics` measured in `cell`, each ending in a newline, in
    /// the order the workload returned them.
    public static func rows(_ cell: SweepCell, _ metrics: [Metric]) -> String {
        let prefix = [
            cell.workload, cell.precision.format.spec, cell.precision.mode.spec, String(cell.precision.seed),
        ].map(field).joined(separator: ",")
        let params = field(cell.parameters.description)
        var text = ""
        for metric in metrics {
            text += prefix + "," + field(metric.name) + "," + number(metric.value) + ","
                + (metric.x.map(number) ?? "") + "," + params + "\n"
        }
        return text
    }

    /// `text` as a CSV field: quoted (with `"` doubled) when it contains a
    /// comma, a double quote, CR or LF (RFC 4180), else unchanged.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `x` as text that reads back as the same `Double`: `Double.description`
    /// for finite values (`0.1`, `1e-05`, `1000.0`), else `nan`, `inf`, `-inf`
    /// (any NaN payload or sign is written `nan`).
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }
}
