import Testing
import Roundoff
import Solvers
import SolverWorkloads

struct MatrixMarketTests {
    @Test func coordinateSymmetricIsMirrored() throws {
        let a = try MatrixMarket.parse("""
            %%MatrixMarket matrix coordinate real symmetric
            % a comment
            %
            3 3 4
            1 1 2.5
            3 1 -1e-1
            2 2 4
            3 3 1
            """)
        #expect(a.rowCount == 3 && a.columnCount == 3)
        #expect(a[0, 0] == 2.5 && a[2, 0] == -0.1 && a[0, 2] == -0.1 && a[1, 1] == 4 && a[2, 2] == 1)
        #expect(a.storedCount == 5 && a.isSymmetric)
    }

    @Test func coordinateGeneralSumsRepeatsAndAcceptsIntegers() throws {
        let a = try MatrixMarket.parse("""
            %%MatrixMarket Matrix Coordinate Integer General
            2 3 3
            1 3 7
            2 1 -2
            1 3 1
            """)
        #expect(a.rowCount == 2 && a.columnCount == 3)
        #expect(a[0, 2] == 8 && a[1, 0] == -2 && a.storedCount == 2)
    }

    @Test func arrayFormats() throws {
        let general = try MatrixMarket.parse("""
            %%MatrixMarket matrix array real general
            2 2
            1
            3
            0
            4
            """)
        #expect(general[0, 0] == 1 && general[1, 0] == 3 && general[0, 1] == 0 && general[1, 1] == 4)
        #expect(general.storedCount == 3)
        let symmetric = try MatrixMarket.parse("""
            %%MatrixMarket matrix array real symmetric
            2 2
            5
            -1
            6
            """)
        #expect(symmetric[0, 0] == 5 && symmetric[1, 0] == -1 && symmetric[0, 1] == -1 && symmetric[1, 1] == 6)
    }

    @Test(arguments: [
        ("%%MatrixMarket matrix coordinate pattern symmetric\n1 1 1\n1 1", "field 'pattern' is not accepted; accepted: real, integer"),
        ("%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0", "field 'complex'"),
        ("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 1", "accepted: general, symmetric"),
        ("%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 2 1", "above the diagonal"),
        ("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1", "ends after 1 of the 2 entries"),
        ("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1", "line 3: position (3, 1) is outside"),
        ("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 x", "line 3: 'x' is not a finite number"),
        ("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 1", "more than the 1 entries"),
        ("%%MatrixMarket matrix coordinate real general\n2 2\n", "expected 'rows columns entries'"),
        ("%%MatrixMarket vector coordinate real general\n", "expected the header"),
        ("", "expected the header"),
        ("%%MatrixMarket matrix coordinate real symmetric\n2 3 0", "must be square"),
    ])
    func rejectsWithTheReason(text: String, reason: String) {
        do {
            _ = try MatrixMarket.parse(text)
            Issue.record("accepted: \(text)")
        } catch let e as MatrixMarket.ReadError {
            #expect(e.description.contains(reason), "\(e.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
