import Testing

/// Errors: a bad option fails before input is read with the spec parser's
/// message; a bad line names its number and token; stdout stays empty.
struct BadInputTests {
    @Test(arguments: ["round", "calc"])
    func unknownFormatNamesTheValueAndListsPresets(command: String) throws {
        let result = try PrecisionSweepProcess.run([command, "--format", "fp17", "--mode", "rne"], stdin: "1\n")
        #expect(result.status != 0)
        #expect(result.status == 64)  // EX_USAGE, ArgumentParser's ValidationError
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("fp17"))
        #expect(result.stderr.contains("fp16"))
        #expect(result.stderr.contains("e4m3"))
    }

    @Test func unknownModeNamesTheValueAndListsModes() throws {
        let result = try PrecisionSweepProcess.run(["round", "--format", "fp16", "--mode", "rnx"], stdin: "1\n")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("rnx"))
        #expect(result.stderr.contains("rne"))
        #expect(result.stderr.contains("sr-half"))
    }

    @Test func badCustomFormatInFormatsCommand() throws {
        let result = try PrecisionSweepProcess.run(["formats", "--format", "custom:p=99,emax=7"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("p=99"))
    }

    @Test func badNumberNamesLineAndToken() throws {
        let result = try PrecisionSweepProcess.run(
            ["round", "--format", "fp16", "--mode", "rne"], stdin: "1\n2\nabc\n4\n")
        #expect(result.status == 65)
        // Lines 1 and 2 were fine, but nothing is half-written.
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 3"))
        #expect(result.stderr.contains("abc"))
    }

    @Test func lineNumbersCountCommentsAndBlankLines() throws {
        let result = try PrecisionSweepProcess.run(
            ["round", "--format", "fp16", "--mode", "rne"], stdin: "# header\n\n1\n1.5.2\n")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 4"))
        #expect(result.stderr.contains("1.5.2"))
    }

    @Test func twoNumbersOnALine() throws {
        let result = try PrecisionSweepProcess.run(["round", "--format", "fp16", "--mode", "rne"], stdin: "1 2\n")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 1"))
        #expect(result.stderr.contains("'2'"))
    }

    @Test(arguments: [
        (["add 1 2", "foo 1 2"], "line 2", "foo"),
        (["add 1 2", "mul 1 zz"], "line 2", "zz"),
        (["add 1"], "line 1", "add"),
        (["sub 1 2 3"], "line 1", "'3'"),
        (["fma 1 2"], "line 1", "fma"),
    ])
    func badCalcLine(input: [String], line: String, token: String) throws {
        let result = try PrecisionSweepProcess.run(
            ["calc", "--format", "fp16", "--mode", "rne"], stdin: input.joined(separator: "\n") + "\n")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(line))
        #expect(result.stderr.contains(token))
    }

    @Test func missingInputFile() throws {
        let result = try PrecisionSweepProcess.run(
            ["round", "--format", "fp16", "--mode", "rne", "--input", "/nonexistent/numbers.txt"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/numbers.txt"))
    }
}
