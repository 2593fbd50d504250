import Foundation

/// A classification dataset held in binary64: `count` examples of
/// `featureCount` features each (row-major) and an integer class label per
/// example.
public struct LabelledDataset: Sendable {
    /// The dataset's name, e.g. `digits`.
    public let name: String
    /// Row-major features: example `i`'s features are
    /// `features[i * featureCount ..< (i + 1) * featureCount]`.
    public internal(set) var features: [Double]
    /// Class labels in `0 ..< classCount`.
    public let labels: [Int]
    /// Features per example.
    public let featureCount: Int
    /// Number of classes.
    public let classCount: Int

    /// Number of examples.
    public var count: Int { labels.count }

    /// A dataset from row-major features and labels.
    ///
    /// - Precondition: `features.count == labels.count * featureCount` and
    ///   every label is in `0 ..< classCount`.
    public init(name: String, features: [Double], labels: [Int], featureCount: Int, classCount: Int) {
        precondition(features.count == labels.count * featureCount, "features do not fill \(labels.count) rows")
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "a label is outside 0..<\(classCount)")
        self.name = name
        self.features = features
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
    }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabelledDataset {
        var f: [Double] = []
        f.reserveCapacity(indices.count * featureCount)
        for i in indices { f += features[i * featureCount ..< (i + 1) * featureCount] }
        return LabelledDataset(name: name, features: f, labels: indices.map { labels[$0] },
                               featureCount: featureCount, classCount: classCount)
    }

    /// Number of examples of each class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for l in labels { counts[l] += 1 }
        return counts
    }
}
