import Foundation
import Roundoff
import Testing
@testable import RoundoffWorkloads

/// Expanding a configuration into cells: seeds, canonical order, shards, and
/// the checks that run before any work.
struct SweepGridTests {
    let out = URL(fileURLWithPath: "/nonexistent/out")

    @Test func deterministicModesRunOnceStochasticModesRunNSeeds() throws {
        let grid = try SweepGrid(
            configuration: testConfiguration(out, formats: ["fp16"], modes: ["rne", "sr", "rz", "sr-half"], seeds: 4),
            registry: registry())
        let cells = grid.cells
        #expect(cells.map { "\($0.precision.mode.spec)/\($0.precision.seed)" } == [
            "rne/0", "sr/1", "sr/2", "sr/3", "sr/4", "rz/0", "sr-half/1", "sr-half/2", "sr-half/3", "sr-half/4",
        ])
        #expect(grid.count == cells.count)
        #expect(cells.map(\.index) == Array(0..<10))
    }

    @Test func canonicalOrderIsWorkloadFormatModeSeedAsGiven() throws {
        let grid = try SweepGrid(
            configuration: testConfiguration(
                out, workloads: ["flaky", "sum"], formats: ["fp16", "bf16"], modes: ["sr", "rne"], seeds: 2),
            registry: registry())
        #expect(grid.cells.map { "\($0.workload) \($0.precision.format.spec) \($0.precision.mode.spec) \($0.precision.seed)" } == [
            "flaky fp16 sr 1", "flaky fp16 sr 2", "flaky fp16 rne 0", "flaky bf16 sr 1", "flaky bf16 sr 2", "flaky bf16 rne 0",
            "sum fp16 sr 1", "sum fp16 sr 2", "sum fp16 rne 0", "sum bf16 sr 1", "sum bf16 sr 2", "sum bf16 rne 0",
        ])
        // Ids sort in canonical order and are unique.
        let ids = grid.cells.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: [1, 2, 3, 5, 40])
    func shardsAreDisjointAndCover(count: Int) throws {
        let grid = try SweepGrid(configuration: testConfiguration(out, seeds: 4), registry: registry())
        var seen: [Int] = []
        for k in 1...count {
            let shard = try SweepShard(index: k, count: count)
            let cells = grid.cells(in: shard)
            #expect(cells.allSatisfy { $0.index % count == k - 1 })
            seen += cells.map(\.index)
        }
        #expect(seen.sorted() == Array(0..<grid.count))
    }

    @Test func shardSpecs() throws {
        #expect(try SweepShard(spec: "2/8") == SweepShard(index: 2, count: 8))
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "1/2/3"] {
            #expect(throws: SweepError.self) { try SweepShard(spec: bad) }
        }
    }

    @Test func unknownNamesFailListingTheAcceptedValues() throws {
        let registry = registry()
        #expect(throws: SweepError("unknown workload 'nope'; accepted: diverging, flaky, sum")) {
            try SweepGrid(configuration: testConfiguration(out, workloads: ["sum", "nope"]), registry: registry)
        }
        let format = #expect(throws: SweepError.self) {
            try SweepGrid(configuration: testConfiguration(out, formats: ["fp17"]), registry: registry)
        }
        #expect(format?.description.contains("fp17") == true)
        #expect(format?.description.contains("bf16") == true)
        let mode = #expect(throws: SweepError.self) {
            try SweepGrid(configuration: testConfiguration(out, modes: ["rnx"]), registry: registry)
        }
        #expect(mode?.description.contains("sr-half") == true)
        #expect(throws: SweepError("unknown workload 'sum'; accepted: none (no workloads are registered)")) {
            try SweepGrid(configuration: testConfiguration(out), registry: WorkloadRegistry())
        }
    }

    @Test func repeatsAndEmptyListsAreRejected() throws {
        let registry = registry()
        #expect(throws: SweepError("format 'fp16' is given twice")) {
            try SweepGrid(configuration: testConfiguration(out, formats: ["fp16", "half"]), registry: registry)
        }
        #expect(throws: SweepError("no rounding modes given")) {
            try SweepGrid(configuration: testConfiguration(out, modes: []), registry: registry)
        }
        #expect(throws: SweepError("invalid seed count 0; accepted: 1 or more")) {
            try SweepGrid(configuration: testConfiguration(out, seeds: 0), registry: registry)
        }
    }

    @Test func gridRoundTripsThroughJSON() throws {
        let grid = try SweepGrid(
            configuration: testConfiguration(
                out, formats: ["fp16:nosub", "custom:p=5,emax=7,xmax=224", "e4m3", "bf16-saturate"],
                modes: ["rne", "sr:8", "ro"], parameters: try ParameterOverrides(assignments: ["n=12"])),
            registry: registry())
        let decoded = try JSONDecoder().decode(SweepGrid.self, from: JSONEncoder().encode(grid))
        #expect(decoded == grid)
        #expect(decoded.cells == grid.cells)
        #expect(grid.workloads[0].values.description == "n=12;tag=a,b")
    }

    @Test func differencesNameWhatChanged() throws {
        let registry = registry()
        let a = try SweepGrid(configuration: testConfiguration(out), registry: registry)
        let b = try SweepGrid(
            configuration: testConfiguration(out, formats: ["fp16"], seeds: 2, parameters: try ParameterOverrides(assignments: ["n=8"])),
            registry: registry)
        #expect(b.differences(from: a) == [
            "parameters of sum (was n=32;tag=a,b; now n=8;tag=a,b)", "formats (was fp32,bf16,fp16; now fp16)", "seeds (was 3; now 2)",
        ])
        #expect(a.differences(from: a).isEmpty)
    }
}
