import Foundation
import Roundoff
import Testing
@testable import RoundoffWorkloads

/// The results file's schema: header, quoting, numbers that round-trip.
struct ResultsCSVTests {
    @Test func headerIsExact() {
        #expect(ResultsCSV.header == "workload,format,mode,seed,metric,value,x,params")
    }

    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        #expect(ResultsCSV.field("fp16") == "fp16")
        #expect(ResultsCSV.field("custom:p=5,emax=7") == "\"custom:p=5,emax=7\"")
        #expect(ResultsCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ResultsCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(ResultsCSV.field("n=1;h=0.5") == "n=1;h=0.5")
    }

    @Test func numbersRoundTrip() {
        #expect(ResultsCSV.number(.nan) == "nan")
        #expect(ResultsCSV.number(-Double.nan) == "nan")
        #expect(ResultsCSV.number(.infinity) == "inf")
        #expect(ResultsCSV.number(-.infinity) == "-inf")
        #expect(ResultsCSV.number(1000) == "1000.0")
        for x in [0.1, 1e-5, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3.0, 0x1.fffffffffffffp-1] {
            #expect(Double(ResultsCSV.number(x))?.bitPattern == x.bitPattern)
        }
    }

    @Test func rowsOfACell() throws {
        let cell = SweepCell(
            index: 7, width: 6, workload: "w",
            parameters: try ParameterValues([WorkloadParameter("n", default: "1,2", "")]),
            precision: Precision(format: try FloatFormat(spec: "custom:p=5,emax=7"), mode: .stochastic, seed: 2))
        let rows = ResultsCSV.rows(cell, [Metric("a", 0.5), Metric("b", .nan, x: 10)])
        #expect(rows == """
            w,"custom:p=5,emax=7",sr,2,a,0.5,,"n=1,2"
            w,"custom:p=5,emax=7",sr,2,b,nan,10.0,"n=1,2"

            """)
        #expect(cell.id == "000007-w-custom_p_5_emax_7-sr-2")
    }
}
