import Foundation
import Roundoff

/// The parameters of formats as the `formats` command shows them, rendered as
/// an aligned text table or as CSV.
///
/// Every number is exact: in the text table the powers of two (xmin, the
/// smallest subnormal, u) are written `2^k`, and xmax is written in decimal
/// when at most 17 significant digits give it exactly, otherwise as the
/// shortest round-trip decimal marked `~`, next to its exact hex float. CSV
/// gives each value as the shortest decimal that reads back exactly, plus a
/// hex-float column.
struct FormatTable {
    /// One format's row.
    struct Row {
        var name: String
        var aliases: [String]
        var format: FloatFormat
    }

    var rows: [Row]

    /// Rows for every preset (with its aliases), then for each extra format.
    init(presets: [FloatFormat], extra: [FloatFormat]) {
        rows = presets.map { preset in
            let names = FloatFormat.presetNames.first { $0.format == preset }?.names ?? [preset.name]
            return Row(name: preset.name, aliases: names.filter { $0 != preset.name }, format: preset)
        }
        // An extra format is named by its canonical spec, which `--format` accepts back.
        rows += extra.map { Row(name: $0.spec, aliases: [], format: $0) }
    }

    // MARK: Text

    static let textHeader = [
        "format", "aliases", "p", "emin", "emax", "xmin", "min subnormal", "xmax", "xmax (hex)",
        "u = 2^-p", "inf", "NaN", "overflow",
    ]
    /// Numeric columns are right-aligned.
    static let rightAligned: Set<Int> = [2, 3, 4]

    /// The aligned text table with a short legend.
    var text: String {
        let cells = [Self.textHeader] + rows.map(\.textCells)
        let widths = Self.textHeader.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for (number, row) in cells.enumerated() {
            let padded = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return Self.rightAligned.contains(column) ? pad + cell : cell + pad
            }
            out += padded.joined(separator: "  ").trimmedRight() + "\n"
            if number == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        out += """

            xmin = 2^emin: smallest normal value.  min subnormal = 2^(emin-p+1) ("none": subnormals off).
            xmax: largest finite value ("~" marks a rounded decimal; the hex column is exact).
            u = 2^-p: unit roundoff.  inf, NaN: whether the encoding has them.
            overflow: the default policy. ieee follows IEEE 754 (nearest and stochastic modes overflow
            to inf, rz to xmax); saturate clamps every mode to xmax. Append :ieee or :saturate to a
            format spec to change it.

            """
        return out
    }

    // MARK: CSV

    static let csvHeader = [
        "format", "aliases", "p", "emin", "emax", "subnormals", "xmin", "xmin_hex", "min_subnormal",
        "min_subnormal_hex", "xmax", "xmax_hex", "unit_roundoff", "unit_roundoff_hex", "infinities",
        "nan", "overflow",
    ]

    /// RFC 4180 CSV with a header line; aliases are separated by `;`.
    var csv: String {
        ([Self.csvHeader] + rows.map(\.csvCells))
            .map { $0.map(Self.csvField).joined(separator: ",") + "\n" }
            .joined()
    }

    /// Quotes a field that holds a comma, quote or line break (custom specs
    /// such as `custom:p=5,emax=7` do).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension FormatTable.Row {
    /// The smallest subnormal, or nil when subnormals are off.
    var minSubnormal: Double? { format.hasSubnormals ? format.leastNonzeroMagnitude : nil }

    var textCells: [String] {
        let f = format
        let xmax = f.greatestFiniteMagnitude
        return [
            name, aliases.isEmpty ? "-" : aliases.joined(separator: ", "),
            "\(f.precision)", "\(f.minExponent)", "\(f.maxExponent)",
            Self.powerOfTwo(f.leastNormalMagnitude), minSubnormal.map(Self.powerOfTwo) ?? "none",
            NumberText.exactG(xmax) ?? "~" + NumberText.shortestG(xmax), xmax.hexFloat,
            Self.powerOfTwo(f.unitRoundoff),
            f.hasInfinity ? "yes" : "no", f.hasNaN ? "yes" : "no", f.overflow.rawValue,
        ]
    }

    var csvCells: [String] {
        let f = format
        func both(_ x: Double?) -> [String] { x.map { [NumberText.shortestG($0), $0.hexFloat] } ?? ["", ""] }
        return [name, aliases.joined(separator: ";"), "\(f.precision)", "\(f.minExponent)", "\(f.maxExponent)",
                "\(f.hasSubnormals)"]
            + both(f.leastNormalMagnitude) + both(minSubnormal) + both(f.greatestFiniteMagnitude)
            + both(f.unitRoundoff)
            + ["\(f.hasInfinity)", "\(f.hasNaN)", f.overflow.rawValue]
    }

    /// `2^k` for a power of two (every value it is used for is one).
    static func powerOfTwo(_ x: Double) -> String {
        precondition(x > 0 && x.significand == 1, "not a power of two: \(x)")
        return "2^\(x.exponent)"
    }
}

extension String {
    /// Without trailing spaces (the last column is left-aligned and padded).
    fileprivate func trimmedRight() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
