import Foundation
import Roundoff
import Solvers

/// Reads real matrices in the NIST Matrix Market exchange format (`.mtx`),
/// the format of the SuiteSparse Matrix Collection, into a binary64
/// ``CSRMatrix``.
///
/// Accepted headers are `%%MatrixMarket matrix FORMAT FIELD SYMMETRY` with
/// FORMAT `coordinate` (sparse: one `i j value` line per entry, 1-based) or
/// `array` (dense: values column by column), FIELD `real` or `integer`, and
/// SYMMETRY `general` or `symmetric` (only the lower triangle is stored:
/// each off-diagonal entry is mirrored). Lines starting with `%` after the
/// header are comments. Repeated coordinate entries are summed. Values are
/// read with Swift's correctly rounded decimal-to-binary64 conversion.
/// `pattern`, `complex`, `skew-symmetric` and `hermitian` are rejected:
/// the solvers need real values.
public enum MatrixMarket {
    /// A file that cannot be read as an accepted Matrix Market matrix; the
    /// description names the file (when known), the line and the problem.
    public struct ReadError: Error, CustomStringConvertible, Equatable, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// The matrix in the file at `path`.
    /// - Throws: ``ReadError`` when the file cannot be read or parsed.
    public static func read(path: String) throws -> CSRMatrix<Double> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError("cannot read Matrix Market file \(path): \(error.localizedDescription)")
        }
        do {
            return try parse(String(decoding: data, as: UTF8.self))
        } catch let e as ReadError {
            throw ReadError("\(path): \(e.description)")
        }
    }

    /// The matrix in Matrix Market text.
    /// - Throws: ``ReadError`` naming the line and the problem.
    public static func parse(_ text: String) throws -> CSRMatrix<Double> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().makeIterator()
        guard let (_, first) = lines.next() else { throw ReadError("empty file") }
        let header = first.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard header.count == 5, header[0] == "%%matrixmarket", header[1] == "matrix" else {
            throw ReadError("line 1: expected the header '%%MatrixMarket matrix FORMAT FIELD SYMMETRY', found '\(first.prefix(80))'")
        }
        let format = header[2], field = header[3], symmetry = header[4]
        guard format == "coordinate" || format == "array" else {
            throw ReadError("line 1: format '\(format)' is not accepted; accepted: coordinate, array")
        }
        guard field == "real" || field == "integer" else {
            throw ReadError("line 1: field '\(field)' is not accepted; accepted: real, integer")
        }
        guard symmetry == "general" || symmetry == "symmetric" else {
            throw ReadError("line 1: symmetry '\(symmetry)' is not accepted; accepted: general, symmetric")
        }
        let symmetric = symmetry == "symmetric"

        // The first non-comment line holds the sizes.
        var sizeFields: [Substring] = [], sizeLine = 0
        while let (index, line) = lines.next() {
            let trimmed = line.drop { $0.isWhitespace }
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            sizeFields = trimmed.split(whereSeparator: \.isWhitespace)
            sizeLine = index + 1
            break
        }
        let expectedSizes = format == "coordinate" ? 3 : 2
        let sizes = sizeFields.compactMap { Int($0) }
        guard sizeFields.count == expectedSizes, sizes.count == expectedSizes, sizes.allSatisfy({ $0 >= 0 }) else {
            throw ReadError("line \(sizeLine): expected \(format == "coordinate" ? "'rows columns entries'" : "'rows columns'"), found '\(sizeFields.joined(separator: " "))'")
        }
        let rows = sizes[0], columns = sizes[1]
        if symmetric && rows != columns {
            throw ReadError("line \(sizeLine): a symmetric matrix must be square, not \(rows) × \(columns)")
        }
        let expected = format == "coordinate" ? sizes[2] : (symmetric ? rows * (rows + 1) / 2 : rows * columns)

        var entries: [(row: Int, column: Int, value: Double)] = []
        entries.reserveCapacity(symmetric ? 2 * expected : expected)
        var count = 0
        // Position of the next array value: column-major, lower triangle when symmetric.
        var arrayRow = 0, arrayColumn = 0
        while let (index, line) = lines.next() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            if fields.isEmpty || fields[0].hasPrefix("%") { continue }
            let lineNumber = index + 1
            guard count < expected else {
                throw ReadError("line \(lineNumber): more than the \(expected) entries announced")
            }
            let i: Int, j: Int, valueText: Substring
            if format == "coordinate" {
                guard fields.count == 3, let r = Int(fields[0]), let c = Int(fields[1]) else {
                    throw ReadError("line \(lineNumber): expected 'row column value', found '\(line.prefix(80))'")
                }
                guard (1...rows).contains(r), (1...columns).contains(c) else {
                    throw ReadError("line \(lineNumber): position (\(r), \(c)) is outside the \(rows) × \(columns) matrix (1-based)")
                }
                if symmetric && c > r {
                    throw ReadError("line \(lineNumber): entry (\(r), \(c)) above the diagonal of a symmetric matrix (only the lower triangle is stored)")
                }
                (i, j, valueText) = (r - 1, c - 1, fields[2])
            } else {
                guard fields.count == 1 else {
                    throw ReadError("line \(lineNumber): expected one value, found '\(line.prefix(80))'")
                }
                (i, j, valueText) = (arrayRow, arrayColumn, fields[0])
                arrayRow += 1
                if arrayRow == rows { arrayColumn += 1; arrayRow = symmetric ? arrayColumn : 0 }
            }
            guard let value = Double(valueText), value.isFinite else {
                throw ReadError("line \(lineNumber): '\(valueText)' is not a finite number")
            }
            count += 1
            // Dense files list zeros; a stored zero would only cost time.
            if format == "array" && value == 0 { continue }
            entries.append((i, j, value))
            if symmetric && i != j { entries.append((j, i, value)) }
        }
        guard count == expected else {
            throw ReadError("the file ends after \(count) of the \(expected) entries announced")
        }
        return CSRMatrix(rowCount: rows, columnCount: columns, entries: entries)
    }
}
