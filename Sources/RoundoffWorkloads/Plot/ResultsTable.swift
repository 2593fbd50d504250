import Foundation

/// One row of a sweep's tidy `results.csv`: one metric value of one cell.
struct ResultRow: Sendable {
    var workload: String
    var format: String
    var mode: String
    var seed: UInt64
    var metric: String
    /// May be NaN or ±∞: a diverged run is data, not an error.
    var value: Double
    /// The abscissa of a series metric; nil for a scalar metric.
    var x: Double?
    /// `key=value;key=value`, compared as text: two cells belong to the
    /// same study only when their parameters are identical.
    var params: String
}

/// The rows of a sweep's `results.csv`
/// (`workload,format,mode,seed,metric,value,x,params`).
struct ResultsTable: Sendable {
    /// The columns every results file has, in the order the sweep writes them.
    static let columns = ["workload", "format", "mode", "seed", "metric", "value", "x", "params"]

    var rows: [ResultRow]

    init(rows: [ResultRow]) {
        self.rows = rows
    }

    /// Reads and parses `url`.
    init(contentsOf url: URL) throws(ResultsTableError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "no such file"
            throw .unreadable(path: url.path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: url.path, reason: "not UTF-8 text")
        }
        try self.init(csv: text)
    }

    /// Parses CSV text whose first record is the header.
    ///
    /// Columns are found by name, so a file with its columns in another
    /// order, or with extra columns (ignored), still reads.
    init(csv text: String) throws(ResultsTableError) {
        let records = try CSVRecords.parse(text)
        guard let header = records.first else {
            throw .malformed(line: 1, reason: "the file is empty; expected the header \(Self.columns.joined(separator: ","))")
        }
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = name.trimmed
            if index[key] == nil { index[key] = i }
        }
        let missing = Self.columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw .malformed(line: header.line, reason: "the header lacks \(missing.joined(separator: ", ")); expected \(Self.columns.joined(separator: ","))")
        }
        let column = Self.columns.map { index[$0]! }
        var rows: [ResultRow] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == header.fields.count else {
                throw .malformed(line: record.line, reason: "\(f.count) fields where the header has \(header.fields.count) (quote fields that contain commas)")
            }
            let seedText = f[column[3]], valueText = f[column[5]], xText = f[column[6]]
            guard let seed = UInt64(seedText) ?? UInt64(seedText.trimmed) else {
                throw .malformed(line: record.line, reason: "seed '\(seedText)' is not a non-negative integer")
            }
            guard let value = Self.number(valueText) else {
                throw .malformed(line: record.line, reason: "value '\(valueText)' is not a number (or nan, inf, -inf)")
            }
            var x: Double?
            if !xText.isEmpty && !xText.trimmed.isEmpty {
                guard let parsed = Self.number(xText) else {
                    throw .malformed(line: record.line, reason: "x '\(xText)' is not a number (leave it empty for a scalar metric)")
                }
                x = parsed
            }
            rows.append(ResultRow(workload: f[column[0]], format: f[column[1]], mode: f[column[2]], seed: seed,
                                  metric: f[column[4]], value: value, x: x, params: f[column[7]]))
        }
        self.rows = rows
    }

    /// A value as the sweep prints it: Swift's `Double.description`, which
    /// spells the non-finite values `nan`, `inf` and `-inf`. Other spellings
    /// (`NaN`, `Infinity`, `+inf`, hex floats) are accepted too, since a
    /// hand-edited or merged file may contain them.
    static func number(_ text: String) -> Double? {
        // Fast path first: a results file has millions of plain numbers.
        if let v = Double(text) { return v }
        let t = text.trimmed.lowercased()
        guard !t.isEmpty else { return nil }
        return Double(t.hasPrefix("+") ? String(t.dropFirst()) : t)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs. Cheaper than Foundation's
    /// `trimmingCharacters(in:)` when, as in nearly every field, there are none.
    fileprivate var trimmed: String {
        guard first == " " || first == "\t" || last == " " || last == "\t" else { return self }
        return String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
