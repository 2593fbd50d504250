import Testing
@testable import RoundoffNN

@Suite("Shipped datasets")
struct DatasetTests {
    // Class counts as published with the data (scikit-learn's dataset descriptions).
    @Test func digitsHasTheUCITestSet() throws {
        let d = try LabelledDataset.digits()
        #expect(d.count == 1797)
        #expect(d.featureCount == 64)
        #expect(d.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(d.features.allSatisfy { (0...16).contains($0) && $0 == $0.rounded() })
    }

    @Test func breastCancerHas212MalignantAnd357Benign() throws {
        let d = try LabelledDataset.breastCancer()
        #expect(d.count == 569)
        #expect(d.featureCount == 30)
        #expect(d.classCounts == [212, 357])
    }

    @Test func splitIsStratifiedStandardizedAndSeeded() throws {
        let d = try LabelledDataset.digits()
        let a = DatasetSplit(d, testFraction: 0.25, seed: 7)
        let b = DatasetSplit(d, testFraction: 0.25, seed: 7)
        let c = DatasetSplit(d, testFraction: 0.25, seed: 8)
        #expect(a.train.count + a.test.count == 1797)
        #expect(a.train.labels == b.train.labels && a.test.features == b.test.features)
        #expect(a.test.features != c.test.features)
        for (k, n) in d.classCounts.enumerated() {
            #expect(a.test.classCounts[k] == Int((Double(n) * 0.25).rounded()))
        }
        // Every non-constant training feature has mean 0 and variance 1.
        let n = a.train.featureCount, m = Double(a.train.count)
        for f in 0..<n {
            let column = (0..<a.train.count).map { a.train.features[$0 * n + f] }
            let mean = column.reduce(0, +) / m
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / m
            #expect(abs(mean) < 1e-12)
            #expect(variance == 0 || abs(variance - 1) < 1e-12)
        }
    }
}
