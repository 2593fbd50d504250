import Roundoff

/// A fixed, seeded train/test split of a ``LabelledDataset`` with features
/// standardized by the training set's statistics.
///
/// Each class is split separately (stratified), so both parts keep the
/// class proportions. The permutation comes from a `StochasticStream` of
/// `seed`, so a split is the same on every machine and thread count.
/// Standardization maps each feature to (x − mean) / std over the training
/// examples; a feature constant on the training set (std 0) maps to 0.
public struct DatasetSplit: Sendable {
    /// Training examples, standardized.
    public let train: LabelledDataset
    /// Test examples, standardized with the training statistics.
    public let test: LabelledDataset

    /// Splits `data`, putting `testFraction` of each class into `test`.
    ///
    /// - Precondition: `0 < testFraction < 1`.
    public init(_ data: LabelledDataset, testFraction: Double, seed: UInt64) {
        precondition(testFraction > 0 && testFraction < 1, "test fraction must lie in (0, 1)")
        let stream = StochasticStream(seed: seed)
        var trainIndices: [Int] = []
        var testIndices: [Int] = []
        for c in 0..<data.classCount {
            var members = data.labels.indices.filter { data.labels[$0] == c }
            // Fisher–Yates with counter-based draws: position i uses bits(at: i).
            for i in stride(from: members.count - 1, to: 0, by: -1) {
                let j = Int(stream.bits(at: UInt64(c) << 32 | UInt64(i)) % UInt64(i + 1))
                members.swapAt(i, j)
            }
            let testCount = Int((Double(members.count) * testFraction).rounded())
            testIndices += members[..<testCount]
            trainIndices += members[testCount...]
        }
        var train = data.subset(trainIndices.sorted())
        var test = data.subset(testIndices.sorted())
        let n = data.featureCount
        for f in 0..<n {
            var mean = 0.0
            for i in 0..<train.count { mean += train.features[i * n + f] }
            mean /= Double(train.count)
            var variance = 0.0
            for i in 0..<train.count { variance += (train.features[i * n + f] - mean) * (train.features[i * n + f] - mean) }
            let std = (variance / Double(train.count)).squareRoot()
            let scale = std > 0 ? 1 / std : 0
            for i in 0..<train.count { train.features[i * n + f] = (train.features[i * n + f] - mean) * scale }
            for i in 0..<test.count { test.features[i * n + f] = (test.features[i * n + f] - mean) * scale }
        }
        self.train = train
        self.test = test
    }
}
