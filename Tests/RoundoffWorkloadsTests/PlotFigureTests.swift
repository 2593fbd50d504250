import Foundation
import Testing
@testable import RoundoffWorkloads

/// Which figures the fixture gets and what their data files hold.
struct PlotFigureTests {
    let figures: [FigureSpec]

    init() throws {
        figures = FigurePlanner.figures(for: try PlotFixture.table())
    }

    func figure(_ name: String) throws -> FigureSpec {
        try #require(figures.first { $0.name == name }, "no figure \(name)")
    }

    /// The data file's blocks, by their `# index K: NAME` comments.
    func blocks(_ name: String) throws -> [String: [[String]]] {
        let text = DataFile.text(for: try figure(name))
        return Dictionary(PlotFixture.blocks(ofDataFile: text).map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func figureNamesFollowTheData() {
        #expect(figures.map(\.name) == [
            "harmonic-final_sum-by-format", "harmonic-stagnation_n-by-format",
            "harmonic-rel_error-by-format", "harmonic-unit_roundoff-by-format", "harmonic-rel_error",
            // n_u and sqrt_n_u are drawn inside matvec-backward_error, not on their own.
            "matvec-backward_error",
            "euler-decay-error", "euler-decay-error_vs_binary64", "euler-decay-stagnated",
            "lorenz63-departure_time-by-format", "lorenz63-wasserstein_x-by-format",
            "lorenz63-wasserstein_noise_floor-by-format", "lorenz63-wasserstein_ratio-by-format",
            "lorenz63-distance",
        ])
    }

    @Test func stochasticMeanOverSeeds() throws {
        // fp16 sr rel_error at n = 1000 is 0.0021, 0.0018, 0.0027 for seeds 1, 2, 3.
        let rows = try #require(try blocks("harmonic-rel_error")["fp16 sr (3 seeds)"])
        let at1000 = try #require(rows.first { $0[0] == "1000" })
        #expect(abs(Double(at1000[1])! - 0.0022) < 1e-15)
        #expect(Double(at1000[2]) == 0.0018)
        #expect(Double(at1000[3]) == 0.0027)
        #expect(at1000[4] == "3")
        // n = 1 and 2 are exact (0.0 for every seed): left out on the log axis.
        #expect(rows.map { Double($0[0])! } == [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000])
    }

    @Test func deterministicSeriesMatchesTheFixture() throws {
        let fig = try figure("harmonic-rel_error")
        #expect(fig.xAxis == .numeric(log: true))
        #expect(fig.logY)
        let rows = try #require(try blocks("harmonic-rel_error")["fp16 rne"])
        // n = 1 and 2 are exact (0.0): left out on the log axis, with a note.
        #expect(rows.first?[0] == "5")
        #expect(rows.first.map { Double($0[1]) } == 0.0009124087591240357)
        #expect(rows.last.map { Double($0[1]) } == 0.413908035197578)
        #expect(fig.notes.contains("fp16 rne: 2 points with y ≤ 0 left out (log y axis)"))
    }

    @Test func unitRoundoffReferenceLines() throws {
        let b = try blocks("harmonic-rel_error")
        // u from the workload's scalar unit_roundoff (2^-11 for fp16, 2^-5 for custom p=5).
        let fp16 = try #require(b["fp16: u"])
        #expect(fp16.allSatisfy { Double($0[1]) == 0x1p-11 })
        let custom = try #require(b["custom:p=5,emax=7: u"])
        #expect(custom.allSatisfy { Double($0[1]) == 0x1p-5 })
        let sqrtN = try #require(b["fp16: sqrt(n)*u"])
        let at10000 = try #require(sqrtN.first { $0[0] == "10000" })
        #expect(Double(at10000[1]) == 100 * 0x1p-11)
        let fig = try figure("harmonic-rel_error")
        #expect(fig.styleKey.map(\.title) == ["u (format's colour)", "√n·u"])
    }

    @Test func unitRoundoffFromSpecs() {
        #expect(UnitRoundoff.fromSpec("fp16") == 0x1p-11)
        #expect(UnitRoundoff.fromSpec("bf16") == 0x1p-8)
        #expect(UnitRoundoff.fromSpec("fp8-e4m3") == 0x1p-4)
        #expect(UnitRoundoff.fromSpec("custom:p=5,emax=7") == 0x1p-5)
        #expect(UnitRoundoff.fromSpec("fp16:nosub") == 0x1p-11)
        #expect(UnitRoundoff.fromSpec("no-such-format") == nil)
    }

    @Test func matvecReferencesFromItsOwnSeries() throws {
        let b = try blocks("matvec-backward_error")
        let nu = try #require(b["bf16: n_u"])
        #expect(nu.map { Double($0[1])! } == [10, 100, 1000, 10000].map { $0 * 0x1p-8 })
        #expect(b["bf16: sqrt_n_u"] != nil)
        #expect(b["bf16 sr (3 seeds)"] != nil)
    }

    @Test func scalarFigureByFormat() throws {
        let fig = try figure("harmonic-stagnation_n-by-format")
        #expect(fig.xAxis == .categorical(["fp32", "bf16", "fp16", "custom:p=5,emax=7"]))
        #expect(!fig.logY) // 16…513 spans less than 2 decades
        let b = try blocks("harmonic-stagnation_n-by-format")
        let rne = try #require(b["rne"])
        // Positions: format index − half the dodge (two modes); fp32 is nan.
        let positions: [Double] = [1 - 0.04, 2 - 0.04, 3 - 0.04]
        let values: [Double] = [65, 513, 16]
        #expect(rne.map { Double($0[0])! } == positions)
        #expect(rne.map { Double($0[1])! } == values)
        #expect(rne.map(\.last) == ["\"bf16\"", "\"fp16\"", "\"custom:p=5,emax=7\""])
        // sr never stagnates (nan for every seed): no curve, and a note says so.
        #expect(b.keys.allSatisfy { !$0.hasPrefix("sr") })
        #expect(fig.notes.contains("fp16 sr: 3 of 3 values non-finite (3 nan), left out; no point drawn"))
    }

    @Test func scalarStochasticMeanWithErrorBars() throws {
        let table = try PlotFixture.table()
        let values = table.rows.filter { $0.workload == "harmonic" && $0.metric == "final_sum" && $0.format == "bf16" && $0.mode == "sr" }
            .map(\.value)
        #expect(values.count == 3)
        let b = try blocks("harmonic-final_sum-by-format")
        let sr = try #require(b["sr (3 seeds)"])
        let bf16 = try #require(sr.first { $0.last == "\"bf16\"" })
        #expect(abs(Double(bf16[1])! - (values[0] + values[1] + values[2]) / 3) < 1e-12)
        #expect(Double(bf16[2]) == values.min() && Double(bf16[3]) == values.max())
        let fig = try figure("harmonic-final_sum-by-format")
        #expect(fig.curves.contains { $0.style == .measured(color: 1, point: 1, errorBars: true) })
        #expect(fig.curves.contains { $0.style == .measured(color: 0, point: 0, errorBars: false) })
    }

    @Test func divergedAndExactRunsAreLeftOutWithNotes() throws {
        let fig = try figure("lorenz63-distance")
        #expect(fig.logY && fig.xAxis == .numeric(log: false))
        let b = try blocks("lorenz63-distance")
        #expect(b["fp64 rne"] == nil) // identical to binary64: all zero
        #expect(fig.notes.contains("fp64 rne: every value ≤ 0 on the log y axis; curve not drawn"))
        let e4m3 = try #require(b["fp8-e4m3 rne"])
        #expect(e4m3.allSatisfy { Double($0[0])! < 12 })
        #expect(fig.notes.contains("fp8-e4m3 rne: 17 non-finite values (17 nan) left out"))
        let script = GnuplotScript.text(for: fig)
        #expect(script.contains("#   - fp8-e4m3 rne: 17 non-finite values (17 nan) left out"))
        #expect(!DataFile.text(for: fig).contains("nan"))
    }

    @Test func hintedLinearAxisForZeroOneSeries() throws {
        let fig = try figure("euler-decay-stagnated")
        #expect(!fig.logY)
        #expect(fig.xAxis == .numeric(log: true))
    }

    @Test func parameterSetsGetTheirOwnFigures() throws {
        let csv = """
            workload,format,mode,seed,metric,value,x,params
            w,fp16,rne,0,err,0.5,10.0,n=10
            w,fp16,rne,0,err,0.25,10.0,n=1000
            w,fp16,rne,0,total,1.0,,n=1000
            """
        let names = FigurePlanner.figures(for: try ResultsTable(csv: csv)).map(\.name)
        #expect(names == ["w-err-n10", "w-total-by-format-n1000", "w-err-n1000"])
    }

    @Test func longParameterListsWrap() {
        #expect(FigureText.wrap(["params: a=1", "b=2", "steps=10,100,1000", "c=3"], width: 20)
                == "params: a=1; b=2\nsteps=10,100,1000\nc=3")
        let study = Study(workload: "w", params: "setup=1;steps=10,100", rows: [])
        #expect(FigureText.subtitle(study: study, stochastic: true, errorBars: false)
                == "params: setup=1; steps=10,100; stochastic modes: mean over seeds")
    }

    @Test func namesAreSafeAndDistinct() {
        #expect(FigureName.sanitize("a b/c:d,e") == "a_b_c_d_e")
        #expect(FigureName.distinct(["a", "a", "b", "a"]) == ["a", "a-2", "b", "a-3"])
    }

    @Test func axisScaleRule() {
        #expect(AxisScale.isLog([1e-3, 1], spanningMoreThan: 2))
        #expect(!AxisScale.isLog([1, 50], spanningMoreThan: 2))
        #expect(AxisScale.isLog([1, 50], spanningMoreThan: 0))
        #expect(!AxisScale.isLog([-1, 1e5], spanningMoreThan: 0))
        #expect(AxisScale.isLog([0, 1e-6, 1], spanningMoreThan: 0))
        #expect(!AxisScale.isLog([0, 1], spanningMoreThan: 0))
        #expect(!AxisScale.isLog([0, 0], spanningMoreThan: 0))
    }
}
