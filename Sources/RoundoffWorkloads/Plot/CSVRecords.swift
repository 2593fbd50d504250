/// Splits RFC 4180 text into records of fields.
///
/// Why a hand-written reader: Foundation has no CSV parser, and the results
/// file quotes exactly the fields that need it (custom format specs such as
/// `"custom:p=5,emax=7"` contain commas). Works on UTF-8 bytes because a
/// sweep's results file can hold millions of rows.
enum CSVRecords {
    /// One record and the 1-based line on which it starts (a quoted field
    /// may span lines, so records and lines need not match one to one).
    struct Record: Equatable {
        var fields: [String]
        var line: Int
    }

    /// The records of `text`. Accepts LF and CRLF line ends, a missing final
    /// line end, `""` for a quote inside a quoted field and line breaks
    /// inside quoted fields. Blank lines are skipped.
    ///
    /// - Throws: ``ResultsTableError/malformed(line:reason:)`` for a quote
    ///   that is never closed, or text after a closing quote.
    static func parse(_ text: String) throws(ResultsTableError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false       // inside a quoted field
        var wasQuoted = false    // the current field began with a quote
        var line = 1
        var recordLine = 1

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty, unquoted field: not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
        }

        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(c)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if c == UInt8(ascii: "\n") { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                guard field.isEmpty && !wasQuoted else {
                    throw .malformed(line: line, reason: "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                quoted = true
                wasQuoted = true
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                break // the LF ends the record
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !wasQuoted else {
                    throw .malformed(line: line, reason: "text after the closing quote of a quoted field")
                }
                field.append(c)
            }
            i += 1
        }
        if quoted {
            throw .malformed(line: recordLine, reason: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
