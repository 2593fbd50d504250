/// The 40-digit reference values of `log I_v(x)` and `log K_v(x)` written
/// by `scripts/bessel-reference.py` (mpmath at `mp.dps = 40`, fallbacks
/// where mpmath gives up, each value cross-checked by the Wronskian
/// `I_v K_{v+1} + I_{v+1} K_v = 1/x` to 10⁻³⁰), rounded to binary64 when
/// parsed. The same CSV is `Tests/SolversTests/Fixtures/bessel-reference.csv`.
public struct BesselReferenceTable: Sendable {
    /// One grid point.
    public struct Row: Sendable, Hashable {
        /// The order `v`.
        public var order: Double
        /// The argument `x`.
        public var x: Double
        /// `log I_v(x)` rounded to binary64.
        public var logI: Double
        /// `log K_v(x)` rounded to binary64.
        public var logK: Double
        /// What produced `logI`: `mpmath` or `series`.
        public var methodI: String
        /// What produced `logK`: `mpmath` or `integral`.
        public var methodK: String
    }

    /// The rows in file order (by order, then argument).
    public var rows: [Row]

    /// The table embedded in the module (generated from the CSV).
    public static let embedded: BesselReferenceTable = {
        do { return try BesselReferenceTable(csv: csvText) } catch { fatalError("embedded Bessel table: \(error)") }
    }()

    /// Parses the CSV text (`#` lines are comments; a header line starting with `v,`).
    public init(csv: String) throws {
        rows = []
        for line in csv.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") || line.hasPrefix("v,") || line.isEmpty { continue }
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let v = Double(f[0]), let x = Double(f[1]),
                  let li = Double(f[2]), let lk = Double(f[3]) else {
                throw TableError(line: String(line))
            }
            rows.append(Row(order: v, x: x, logI: li, logK: lk, methodI: f[4], methodK: f[5]))
        }
    }

    /// A malformed line of the CSV.
    public struct TableError: Error, CustomStringConvertible {
        /// The line.
        public var line: String
        public var description: String { "malformed Bessel reference line: \(line)" }
    }

    /// The distinct orders, ascending.
    public var orders: [Double] { Array(Set(rows.map(\.order))).sorted() }
}
