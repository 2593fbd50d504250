import Foundation

extension LabelledDataset {
    /// The UCI 8 × 8 handwritten digits (1797 examples, 64 pixel features in
    /// 0…16, 10 classes), as shipped with scikit-learn. Features are returned
    /// as read; ``DatasetSplit`` standardizes them.
    public static func digits() throws -> LabelledDataset {
        let rows = try shippedRows("digits")
        var features: [Double] = []
        var labels: [Int] = []
        for (n, row) in rows.enumerated() {
            guard row.count == 65, let label = Int(row[64]) else {
                throw DatasetError.malformed(file: "digits.csv", line: n + 1)
            }
            features += try row[0..<64].map { try number($0, "digits.csv", n + 1) }
            labels.append(label)
        }
        return LabelledDataset(name: "digits", features: features, labels: labels, featureCount: 64, classCount: 10)
    }

    /// The UCI Breast Cancer Wisconsin (Diagnostic) data (569 examples, 30
    /// real features, labels 0 = malignant and 1 = benign), as shipped with
    /// scikit-learn.
    public static func breastCancer() throws -> LabelledDataset {
        let rows = try shippedRows("breast-cancer").dropFirst()  // header: 569,30,malignant,benign
        var features: [Double] = []
        var labels: [Int] = []
        for (n, row) in rows.enumerated() {
            guard row.count == 31, let label = Int(row[30]) else {
                throw DatasetError.malformed(file: "breast-cancer.csv", line: n + 2)
            }
            features += try row[0..<30].map { try number($0, "breast-cancer.csv", n + 2) }
            labels.append(label)
        }
        return LabelledDataset(name: "breast-cancer", features: features, labels: labels, featureCount: 30, classCount: 2)
    }

    /// The comma-separated fields of a shipped `NAME.csv`, one array per line.
    static func shippedRows(_ name: String) throws -> [[Substring]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Data") else {
            throw DatasetError.missing(file: "\(name).csv")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",") }
    }

    private static func number(_ field: Substring, _ file: String, _ line: Int) throws -> Double {
        guard let v = Double(field) else { throw DatasetError.malformed(file: file, line: line) }
        return v
    }
}

/// A shipped data file that cannot be read.
public enum DatasetError: Error, CustomStringConvertible {
    /// The file is not in the module's resources (a broken installation).
    case missing(file: String)
    /// A line does not have the expected fields.
    case malformed(file: String, line: Int)

    /// One line naming the file (and the line, for ``malformed(file:line:)``).
    public var description: String {
        switch self {
        case .missing(let file): "dataset file \(file) is missing from RoundoffNN's resources"
        case .malformed(let file, let line): "dataset file \(file), line \(line): unexpected fields"
        }
    }
}
