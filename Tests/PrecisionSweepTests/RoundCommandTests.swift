import Foundation
import Testing

/// `precision-sweep round`. Every expected value is worked out from the
/// IEEE 754 / OCP definitions in the comments, not taken from a run.
struct RoundCommandTests {
    func round(_ input: String, _ arguments: String...) throws -> ProcessOutput {
        try PrecisionSweepProcess.run(["round"] + arguments, stdin: input)
    }

    @Test func fp16NearestEven() throws {
        let result = try round("0.1\n70000\n65504\n65519\n65520\n", "--format", "fp16", "--mode", "rne")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.lines == [
            // 0.1 = 1.1001100110|0110011…₂ × 2^-4: the 11 kept bits are followed by
            // 0110…, less than half an ulp, so it rounds down to 1.1001100110₂ × 2^-4
            // = 0x1.998p-4 = 6552/65536 = 0.0999755859375.
            "0x1.998p-4 0.0999755859375",
            // xmax = 2^15·(2 − 2^-10) = 65504; ulp(xmax) = 32, so everything at or
            // above 65504 + 16 = 65520 overflows to +inf under rne (IEEE 754 §7.4).
            "inf inf",
            "0x1.ffcp+15 65504.0",
            "0x1.ffcp+15 65504.0",
            "inf inf",
        ])
    }

    @Test func fp16DirectedModes() throws {
        // 0.1 lies strictly between 0x1.998p-4 and 0x1.99cp-4 (ulp 2^-14).
        #expect(try round("0.1\n-0.1\n", "--format", "fp16", "--mode", "ru").lines
            == ["0x1.99cp-4 0.10003662109375", "-0x1.998p-4 -0.0999755859375"])
        #expect(try round("0.1\n-0.1\n", "--format", "fp16", "--mode", "rd").lines
            == ["0x1.998p-4 0.0999755859375", "-0x1.99cp-4 -0.10003662109375"])
        // rz never overflows to infinity: 70000 → xmax.
        #expect(try round("70000\n", "--format", "fp16", "--mode", "rz").lines == ["0x1.ffcp+15 65504.0"])
    }

    @Test func e4m3Saturates() throws {
        // OCP e4m3: xmax = 1.75·2^8 = 448 and the default policy saturates.
        let result = try round("500\n-500\ninf\n", "--format", "e4m3", "--mode", "rne")
        #expect(result.lines == ["0x1.cp+8 448.0", "-0x1.cp+8 -448.0", "0x1.cp+8 448.0"])
        // With :ieee, 500 ≥ 448 + ulp(448)/2 = 448 + 16 overflows.
        #expect(try round("500\n", "--format", "e4m3:ieee", "--mode", "rne").lines == ["inf inf"])
    }

    @Test func hexInputSpecialsCommentsAndBlankLines() throws {
        let input = "# a comment\n\n0x1.8p+3\n  -0  \r\nnan\n-inf\n   # indented comment\n"
        let result = try round(input, "--format", "fp16", "--mode", "rne")
        #expect(result.status == 0)
        #expect(result.lines == ["0x1.8p+3 12.0", "-0x0p+0 -0.0", "nan nan", "-inf -inf"])
    }

    @Test func subnormalsAndFlushing() throws {
        // fp16 subnormals are multiples of 2^-24. 1.5·2^-24 is a tie between
        // 1·2^-24 (odd) and 2·2^-24 (even): rne picks 2^-23.
        #expect(try round("0x1.8p-24\n", "--format", "fp16", "--mode", "rne").lines.map(Self.hex) == ["0x1p-23"])
        // Without subnormals (0, 2^-14) is one gap: 0.75·2^-14 is nearer 2^-14,
        // and rz takes 0.
        #expect(try round("0x1.8p-15\n", "--format", "fp16-nosub", "--mode", "rne").lines.map(Self.hex) == ["0x1p-14"])
        #expect(try round("0x1.8p-15\n", "--format", "fp16:nosub", "--mode", "rz").lines.map(Self.hex) == ["0x0p+0"])
    }

    @Test func customFormat() throws {
        // p = 5: values in [1, 2) are spaced 2^-4; 1 + 2^-5 is a tie between 1
        // (even) and 1 + 2^-4 (odd). emax = 7: xmax = 2^7·(2 − 2^-4) = 248.
        let result = try round("0x1.08p+0\n1000\n", "--format", "custom:p=5,emax=7", "--mode", "rne")
        #expect(result.lines == ["0x1p+0 1.0", "inf inf"])
        #expect(try round("1000\n", "--format", "custom-p5-emax7-saturate", "--mode", "rne").lines == ["0x1.fp+7 248.0"])
    }

    @Test func inputFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("round-input-\(UUID().uuidString).txt")
        try Data("0.1\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try round("", "--format", "fp16", "--mode", "rne", "--input", url.path)
        #expect(result.lines == ["0x1.998p-4 0.0999755859375"])
    }

    @Test func stochasticIsReproducibleAndPicksANeighbour() throws {
        let input = String(repeating: "0.1\n", count: 64)
        let first = try round(input, "--format", "fp16", "--mode", "sr", "--seed", "42")
        let again = try round(input, "--format", "fp16", "--mode", "sr", "--seed", "42")
        let other = try round(input, "--format", "fp16", "--mode", "sr", "--seed", "43")
        #expect(first.status == 0)
        #expect(first.stdout == again.stdout)
        // Only the two neighbours of 0.1; P(up) = (0.1 − lo)/ulp ≈ 0.4, so 64
        // draws show both (failure probability < 2^-40), and two seeds
        // giving the same 64 draws is as unlikely.
        let hexes = Set(first.lines.map(Self.hex))
        #expect(hexes == ["0x1.998p-4", "0x1.99cp-4"])
        #expect(first.stdout != other.stdout)
    }

    @Test func stochasticLineDoesNotDependOnOtherLines() throws {
        // Line N draws from stream position N-1, whatever the other lines hold.
        let a = try round("0.1\n0.3\n0.7\n", "--format", "bf16", "--mode", "sr", "--seed", "5")
        let b = try round("2.5\n0.3\n0.7\n", "--format", "bf16", "--mode", "sr", "--seed", "5")
        #expect(a.lines.count == 3)
        #expect(a.lines.dropFirst() == b.lines.dropFirst())
    }

    @Test func deterministicModesIgnoreTheSeed() throws {
        let one = try round("0.1\n0.2\n", "--format", "bf16", "--mode", "rne", "--seed", "1")
        let two = try round("0.1\n0.2\n", "--format", "bf16", "--mode", "rne", "--seed", "2")
        #expect(one.stdout == two.stdout)
    }

    /// The hex-float field of an output line.
    static func hex(_ line: String) -> String {
        String(line.split(separator: " ").first ?? "")
    }
}
