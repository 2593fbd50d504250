import Testing

/// `precision-sweep formats`. Expected parameters come from IEEE 754 (binary16)
/// and the OCP 8-bit floating-point specification (E4M3), not from a run.
struct FormatsCommandTests {
    @Test func textTableShowsExactParameters() throws {
        let result = try PrecisionSweepProcess.run(["formats"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("65504"))
        #expect(result.stdout.contains("448"))
        // binary16: p = 11, emin = −14, emax = 15, xmin = 2^-14, smallest
        // subnormal 2^(−14−10) = 2^-24, xmax = 2^15·(2 − 2^-10) = 65504, u = 2^-11.
        let fp16 = try #require(row(result, "fp16"))
        #expect(fp16 == ["fp16", "binary16,", "half", "11", "-14", "15", "2^-14", "2^-24", "65504", "0x1.ffcp+15",
                         "2^-11", "yes", "yes", "ieee"])
        // OCP E4M3: p = 4, emin = −6, emax = 8, xmax = 1.75·2^8 = 448 (1.875·2^8
        // encodes NaN), smallest subnormal 2^(−6−3) = 2^-9, no infinities, saturating.
        let e4m3 = try #require(row(result, "fp8-e4m3"))
        #expect(e4m3 == ["fp8-e4m3", "e4m3,", "e4m3fn", "4", "-6", "8", "2^-6", "2^-9", "448", "0x1.cp+8",
                         "2^-4", "no", "yes", "saturate"])
    }

    @Test func customFormatsJoinTheTable() throws {
        let result = try PrecisionSweepProcess.run(["formats", "--format", "custom:p=5,emax=7", "--format", "fp16-nosub"])
        #expect(result.status == 0)
        // p = 5, emax = 7: emin = 1 − 7 = −6, smallest subnormal 2^(−6−4) = 2^-10,
        // xmax = 2^7·(2 − 2^-4) = 248.
        #expect(try #require(row(result, "custom:p=5,emax=7")) == [
            "custom:p=5,emax=7", "-", "5", "-6", "7", "2^-6", "2^-10", "248", "0x1.fp+7", "2^-5", "yes", "yes", "ieee",
        ])
        // The min subnormal column of a format without subnormals.
        #expect(try #require(row(result, "fp16:nosub"))[6] == "none")
    }

    @Test func csvIsMachineReadable() throws {
        let result = try PrecisionSweepProcess.run(["formats", "--csv", "--format", "custom:p=5,emax=7"])
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.first == "format,aliases,p,emin,emax,subnormals,xmin,xmin_hex,min_subnormal,min_subnormal_hex,"
            + "xmax,xmax_hex,unit_roundoff,unit_roundoff_hex,infinities,nan,overflow")
        let fp16 = try #require(lines.first { $0.hasPrefix("fp16,") })
        var fields = fp16.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // min_subnormal = 2^-24 = 5.9604644775390625e-08: the decimal column is a
        // round-trip decimal, so compare its value; the hex column is exact text.
        #expect(fields.count == 17 && Double(fields[8]) == 0x1p-24)
        if fields.count == 17 { fields[8] = "2^-24" }
        #expect(fields == [
            "fp16", "binary16;half", "11", "-14", "15", "true", "6.103515625e-05", "0x1p-14", "2^-24", "0x1p-24",
            "65504", "0x1.ffcp+15", "0.00048828125", "0x1p-11", "true", "true", "ieee",
        ])
        let e4m3 = try #require(lines.first { $0.hasPrefix("fp8-e4m3,") })
        #expect(e4m3.hasSuffix(",448,0x1.cp+8,0.0625,0x1p-4,false,true,saturate"))
        // A spec with commas is quoted.
        #expect(lines.contains { $0.hasPrefix("\"custom:p=5,emax=7\",,5,-6,7,true,0.015625,0x1p-6,") })
    }

    /// The whitespace-separated cells of the text-table row named `name`.
    func row(_ result: ProcessOutput, _ name: String) -> [String]? {
        result.lines.map { $0.split(separator: " ").map(String.init) }.first { $0.first == name }
    }
}
