import Foundation
import Roundoff
import RoundoffWorkloads
import Solvers

/// `log I_v(x)` and `log K_v(x)` in a precision, computed in log space
/// (``LogBessel``) and by the naive path (``NaiveBessel``: the value in
/// the scalar type, then its log), against the 40-digit mpmath table
/// (``BesselReferenceTable``, `scripts/bessel-reference.py`): orders
/// `v` from 0 to 16383, arguments `x` from `10⁻⁶` to `10⁵`, four per decade.
///
/// Source: Plesner, Sørensen & Hauberg, "Accurate computation of the
/// logarithm of modified Bessel functions on GPUs" (ICS 2024; see
/// `studies.md`): log-space evaluation keeps the relative error near the
/// unit roundoff where libraries over- or underflow, and makes the von
/// Mises–Fisher normaliser computable for `d` up to 32768.
///
/// The inputs `v`, `x` are rounded into the cell's type (in bf16,
/// `v = 10⁴` becomes 9984); the reference is at the exact grid values, so
/// in narrow formats the error includes the conditioning of `log f` with
/// respect to `v` and `x`.
///
/// Error: `|computed − ref| / max(|ref|, 1)`, the relative error of the
/// log where `|log f| ≥ 1`, otherwise the absolute error of `log f`
/// (which is the relative error of `f`). `F` is `i` or `k`; `PATH` is
/// `log` (log space) or `naive`:
/// - `F_PATH_max_error`, `F_PATH_median_error`: over the grid (for
///   `naive`, over the points where it is finite); with `_REGION` appended
///   (`series`, `debye`, `hankel`, `integral`, `recurrence`, see
///   ``BesselRegion``), over that region's points.
/// - `F_PATH_nonfinite_fraction`: the share of points where the result is
///   `±∞` or NaN (the naive path where `f` leaves the range of the type).
/// - `F_log_max_units`, `F_log_median_units`: the log-space errors in
///   units of `u = 2^−p` (also reported as `unit_roundoff`).
/// - `F_PATH_error_vV`: series over `x` for the orders of `series_orders`.
/// - `vmf_PATH_error_dD`: the error of the von Mises–Fisher log normaliser
///   `log C_d(κ)` (``VonMisesFisherNormalizer``) vs the table's
///   `log I_{d/2−1}` (combined in binary64), a series over `κ = x`;
///   `vmf_PATH_max_error_dD` its maximum over the finite points and
///   `vmf_naive_nonfinite_fraction_dD`.
/// - `diverged`: 1 when the log-space path gave ±∞ or NaN at some point
///   (fp16 cannot hold |log f| > 65504, e.g. log I at x = 1e5).
public struct BesselWorkload: Workload {
    /// The selected rows of the table.
    public struct Reference: Sendable {
        /// The grid points.
        public var rows: [BesselReferenceTable.Row]
        /// The rows of each von Mises–Fisher dimension (order `d/2 − 1`).
        public var vmfRows: [(dimension: Int, rows: [BesselReferenceTable.Row])]
    }

    /// Which functions are measured.
    enum Functions: String { case i, k, both }

    /// The parsed parameters.
    struct Setup {
        var functions: Functions
        var orders: [Double]?
        var xMin: Double
        var xMax: Double
        var seriesOrders: [Double]
        var vmfDimensions: [Int]

        init(_ values: ParameterValues) throws {
            let table = BesselReferenceTable.embedded
            let available = table.orders
            let accepted = available.map(Self.text).joined(separator: ", ")
            let f = values.string("function").lowercased()
            guard let parsed = Functions(rawValue: f) else {
                throw ParameterError("parameter function=\(f) is not accepted; accepted: i, k, both")
            }
            functions = parsed
            func orderList(_ name: String) throws -> [Double] {
                try values.string(name).split(separator: ",").map { part in
                    let text = part.trimmingCharacters(in: .whitespaces)
                    guard let v = Double(text), available.contains(v) else {
                        throw ParameterError("parameter \(name) has '\(text)', not an order of the table; accepted: \(accepted)")
                    }
                    return v
                }
            }
            let spec = values.string("orders").trimmingCharacters(in: .whitespaces)
            orders = spec == "all" ? nil : try orderList("orders")
            xMin = try values.double("x_min", in: 1e-6...1e5)
            xMax = try values.double("x_max", in: xMin...1e5)
            let seriesSpec = values.string("series_orders").trimmingCharacters(in: .whitespaces)
            seriesOrders = seriesSpec.isEmpty || seriesSpec == "none" ? [] : try orderList("series_orders")
            let dims = values.string("vmf_dimensions").trimmingCharacters(in: .whitespaces)
            let acceptedDimensions = available.compactMap { v -> Int? in
                let d = 2 * v + 2
                return d == d.rounded() ? Int(d) : nil
            }
            vmfDimensions = dims.isEmpty || dims == "none" ? [] : try dims.split(separator: ",").map { part in
                let text = part.trimmingCharacters(in: .whitespaces)
                guard let d = Int(text), acceptedDimensions.contains(d) else {
                    throw ParameterError("parameter vmf_dimensions has '\(text)', not a dimension d with d/2 − 1 in the table; accepted: \(acceptedDimensions.map(String.init).joined(separator: ", "))")
                }
                return d
            }
        }

        static func text(_ v: Double) -> String {
            v == v.rounded() ? String(Int(v)) : String(v)
        }
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `bessel`.
    public var name: String { "bessel" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "log I_v(x), log K_v(x) in log space vs naive, against 40-digit mpmath; vMF normaliser" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("function", default: "both", "i, k or both"),
            WorkloadParameter("orders", default: "all", "comma list of table orders v, or all (0 … 16383)"),
            WorkloadParameter("x_min", default: "1e-6", "smallest argument x of the grid used"),
            WorkloadParameter("x_max", default: "1e5", "largest argument x of the grid used"),
            WorkloadParameter("series_orders", default: "0,10,100,1000,10000",
                              "orders with an error-vs-x series (table orders, or none)"),
            WorkloadParameter("vmf_dimensions", default: "2048,8192,32768",
                              "von Mises–Fisher dimensions d (d/2 − 1 a table order), or none"),
        ]
    }

    /// The table rows the parameters select.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let setup = try Setup(values)
        let inRange = BesselReferenceTable.embedded.rows.filter { $0.x >= setup.xMin && $0.x <= setup.xMax }
        let rows = setup.orders.map { orders in inRange.filter { orders.contains($0.order) } } ?? inRange
        let vmf = setup.vmfDimensions.map { d in
            (dimension: d, rows: inRange.filter { $0.order == Double(d) / 2 - 1 })
        }
        return Reference(rows: rows, vmfRows: vmf)
    }

    /// Both paths in `precision` at every selected point, and their errors.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let setup = try Setup(values)
        let out = precision.run(Evaluation(rows: reference.rows, vmf: reference.vmfRows,
                                           functions: setup.functions))
        let u = Double(sign: .plus, exponent: -precision.format.precision, significand: 1)
        var metrics = [Metric("unit_roundoff", u)]
        let functions: [(String, [Double], [Double], KeyPath<BesselReferenceTable.Row, Double>, (Double, Double) -> BesselRegion)]
            = [("i", out.logI, out.naiveI, \.logI, { BesselRegion.forI(order: $0, $1) }),
               ("k", out.logK, out.naiveK, \.logK, { BesselRegion.forK(order: $0, $1) })]
        for (f, logPath, naivePath, refPath, region) in functions {
            if setup.functions == .i && f == "k" || setup.functions == .k && f == "i" { continue }
            let rows = reference.rows
            let regions = rows.map { region($0.order, $0.x) }
            for (path, computed) in [("log", logPath), ("naive", naivePath)] {
                let errors = zip(computed, rows).map { BesselErrorStatistics.error($0, $1[keyPath: refPath]) }
                // The naive path's statistics are over its finite points;
                // the log path's over all (an infinite error stays visible).
                let counted = path == "naive" ? errors.filter(\.isFinite) : errors
                metrics.append(Metric("\(f)_\(path)_max_error", BesselErrorStatistics.maximum(counted)))
                metrics.append(Metric("\(f)_\(path)_median_error", BesselErrorStatistics.median(counted)))
                let nonfinite = computed.filter { !$0.isFinite }.count
                metrics.append(Metric("\(f)_\(path)_nonfinite_fraction", rows.isEmpty ? .nan : Double(nonfinite) / Double(rows.count)))
                for r in BesselRegion.allCases {
                    let inRegion = zip(errors, regions).filter { $0.1 == r }.map(\.0)
                    guard !inRegion.isEmpty else { continue }
                    let c = path == "naive" ? inRegion.filter(\.isFinite) : inRegion
                    metrics.append(Metric("\(f)_\(path)_max_error_\(r.rawValue)", BesselErrorStatistics.maximum(c)))
                    metrics.append(Metric("\(f)_\(path)_median_error_\(r.rawValue)", BesselErrorStatistics.median(c)))
                }
                if path == "log" {
                    metrics.append(Metric("\(f)_log_max_units", BesselErrorStatistics.maximum(counted) / u))
                    metrics.append(Metric("\(f)_log_median_units", BesselErrorStatistics.median(counted) / u))
                }
                for v in setup.seriesOrders {
                    for (e, row) in zip(errors, rows) where row.order == v {
                        metrics.append(Metric("\(f)_\(path)_error_v\(Setup.text(v))", e, x: row.x))
                    }
                }
            }
        }
        for (index, entry) in reference.vmfRows.enumerated() {
            let d = entry.dimension
            let normalizer = VonMisesFisherNormalizer(dimension: d)
            for (path, computed) in [("log", out.vmfLog[index]), ("naive", out.vmfNaive[index])] {
                var errors: [Double] = []
                for (c, row) in zip(computed, entry.rows) {
                    let ref = normalizer.order * log(row.x) - Double(d) / 2 * log(2 * Double.pi) - row.logI
                    let e = BesselErrorStatistics.error(c, ref)
                    errors.append(e)
                    metrics.append(Metric("vmf_\(path)_error_d\(d)", e, x: row.x))
                }
                metrics.append(Metric("vmf_\(path)_max_error_d\(d)", BesselErrorStatistics.maximum(errors.filter(\.isFinite))))
                if path == "naive" {
                    let nonfinite = computed.filter { !$0.isFinite }.count
                    metrics.append(Metric("vmf_naive_nonfinite_fraction_d\(d)",
                                          computed.isEmpty ? .nan : Double(nonfinite) / Double(computed.count)))
                }
            }
        }
        // Diverged: the log-space path left the type's range somewhere (in
        // fp16 and narrower, |log f| itself can exceed xmax).
        metrics.append(Metric.diverged(out.logI + out.logK))
        return metrics
    }

    /// Both paths at every point in the scalar type it is run in.
    struct Evaluation: ScalarComputation {
        let rows: [BesselReferenceTable.Row]
        let vmf: [(dimension: Int, rows: [BesselReferenceTable.Row])]
        let functions: Functions

        struct Output {
            var logI: [Double] = [], naiveI: [Double] = []
            var logK: [Double] = [], naiveK: [Double] = []
            var vmfLog: [[Double]] = [], vmfNaive: [[Double]] = []
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            var out = Output()
            for row in rows {
                let v = T(row.order), x = T(row.x)
                if functions != .k {
                    out.logI.append(LogBessel.logI(order: v, x).doubleValue)
                    out.naiveI.append(NaiveBessel.logI(order: v, x).doubleValue)
                }
                if functions != .i {
                    out.logK.append(LogBessel.logK(order: v, x).doubleValue)
                    out.naiveK.append(NaiveBessel.logK(order: v, x).doubleValue)
                }
            }
            for entry in vmf {
                let normalizer = VonMisesFisherNormalizer(dimension: entry.dimension)
                out.vmfLog.append(entry.rows.map { normalizer.logNormalizer(T($0.x)).doubleValue })
                out.vmfNaive.append(entry.rows.map { normalizer.naiveLogNormalizer(T($0.x)).doubleValue })
            }
            return out
        }
    }
}
