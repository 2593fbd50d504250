import Foundation
import Testing
@testable import RoundoffWorkloads

/// Reading `results.csv`: RFC 4180 quoting, non-finite values, errors that name the line.
struct PlotResultsTableTests {
    let header = "workload,format,mode,seed,metric,value,x,params\n"

    @Test func quotedFieldsKeepTheirCommasAndQuotes() throws {
        // A raw string: the doubled quotes would otherwise end the literal.
        let csv = header + #"""
            harmonic,"custom:p=5,emax=7",rne,0,final_sum,3.5,,n=100000
            w,fp16,sr,2,"say ""hi""",1e-05,10.0,"a=1;b=x,y"
            """#
        let rows = try ResultsTable(csv: csv).rows
        #expect(rows.count == 2)
        #expect(rows[0].format == "custom:p=5,emax=7")
        #expect(rows[0].value == 3.5)
        #expect(rows[0].x == nil)
        #expect(rows[0].params == "n=100000")
        #expect(rows[1].metric == "say \"hi\"")
        #expect(rows[1].seed == 2)
        #expect(rows[1].value == 1e-5)
        #expect(rows[1].x == 10)
        #expect(rows[1].params == "a=1;b=x,y")
    }

    @Test func nonFiniteValuesRead() throws {
        let csv = header + """
            w,fp16,rne,0,a,nan,,
            w,fp16,rne,0,b,inf,,
            w,fp16,rne,0,c,-inf,1.0,
            w,fp16,rne,0,d,NaN,,
            w,fp16,rne,0,e,+inf,,
            """
        let v = try ResultsTable(csv: csv).rows.map(\.value)
        #expect(v[0].isNaN)
        #expect(v[1] == .infinity)
        #expect(v[2] == -.infinity)
        #expect(v[3].isNaN)
        #expect(v[4] == .infinity)
    }

    @Test func crlfBlankLinesAndLineBreaksInQuotes() throws {
        let csv = "workload,format,mode,seed,metric,value,x,params\r\n"
            + "w,fp16,rne,0,\"two\nlines\",1.0,,\r\n\r\n"
            + "w,bf16,rne,0,m,2.0,,"
        let rows = try ResultsTable(csv: csv).rows
        #expect(rows.map(\.metric) == ["two\nlines", "m"])
        #expect(rows.map(\.value) == [1, 2])
    }

    @Test func columnsAreFoundByName() throws {
        let csv = "value,workload,x,format,mode,seed,metric,params,extra\n0.5,w,,fp16,rne,0,m,,ignored\n"
        let row = try #require(try ResultsTable(csv: csv).rows.first)
        #expect(row.workload == "w" && row.format == "fp16" && row.value == 0.5)
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ResultsTableError.malformed(line: 3, reason: "value 'abc' is not a number (or nan, inf, -inf)")) {
            try ResultsTable(csv: header + "w,fp16,rne,0,m,1.0,,\nw,fp16,rne,0,m,abc,,\n")
        }
        #expect(throws: ResultsTableError.malformed(
            line: 2, reason: "9 fields where the header has 8 (quote fields that contain commas)")) {
            try ResultsTable(csv: header + "w,custom:p=5,emax=7,rne,0,m,1.0,,\n")
        }
        #expect(throws: ResultsTableError.malformed(line: 2, reason: "a quoted field is never closed")) {
            try ResultsTable(csv: header + "w,\"fp16,rne,0,m,1.0,,\n")
        }
        #expect(throws: ResultsTableError.malformed(line: 2, reason: "seed '-1' is not a non-negative integer")) {
            try ResultsTable(csv: header + "w,fp16,rne,-1,m,1.0,,\n")
        }
        #expect(throws: (any Error).self) { try ResultsTable(csv: "workload,format,mode\nw,fp16,rne\n") }
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/results.csv")
        #expect(throws: ResultsTableError.unreadable(path: url.path, reason: "no such file")) {
            try ResultsTable(contentsOf: url)
        }
    }

    @Test func fixtureReads() throws {
        let table = try PlotFixture.table()
        #expect(table.rows.count == 986)
        #expect(table.rows.contains { $0.format == "custom:p=5,emax=7" })
        #expect(table.rows.contains { $0.value.isNaN })
        #expect(table.rows.contains { $0.value == .infinity })
    }

    @Test func seedSummary() throws {
        let s = try #require(SeedSummary.of([0.0021, 0.0018, .nan, 0.0027]))
        #expect(abs(s.mean - 0.0022) < 1e-15)
        #expect(s.min == 0.0018 && s.max == 0.0027)
        #expect(s.count == 3 && s.nonFinite == 1)
        #expect(SeedSummary.of([.nan, .infinity]) == nil)
    }
}
