import Testing

/// `precision-sweep calc`. Expected values are worked out by hand from the
/// IEEE 754 definitions (comments give the reasoning), not taken from a run.
struct CalcCommandTests {
    func calc(_ input: String, _ arguments: String...) throws -> ProcessOutput {
        try PrecisionSweepProcess.run(["calc"] + arguments, stdin: input)
    }

    @Test func additionTieAndDirectedRounding() throws {
        // 1 + 2^-11 is exactly halfway between 1 and 1 + 2^-10 (fp16 ulp of 1 is
        // 2^-10): rne keeps the even 1, ru takes 1 + 2^-10 = 0x1.004p+0.
        let nearest = try calc("add 1 0x1p-11\n", "--format", "fp16", "--mode", "rne")
        #expect(nearest.status == 0)
        #expect(nearest.lines == ["0x1p+0 1.0"])
        #expect(try calc("add 1 0x1p-11\n", "--format", "fp16", "--mode", "ru").lines == ["0x1.004p+0 1.0009765625"])
    }

    @Test func everyOperationInFP16() throws {
        let input = """
            sub 1 0x1p-12
            mul 3 0x1.8p+0
            div 1 3
            sqrt 2
            sqrt 2 7
            fma 3 0.5 0.25
            """
        let result = try calc(input + "\n", "--format", "fp16", "--mode", "rne")
        #expect(result.lines == [
            // 1 − 2^-12 lies in [1/2, 1) where the spacing is 2^-11: halfway between
            // 1 − 2^-11 (odd) and 1 (even) → 1.
            "0x1p+0 1.0",
            // 3 × 1.5 = 4.5 exactly.
            "0x1.2p+2 4.5",
            // 1/3 = 1.0101010101|0101…₂ × 2^-2: the rest is below half → 1.0101010101₂
            // × 2^-2 = 0x1.554p-2 = 5460/16384.
            "0x1.554p-2 0.333251953125",
            // √2 = 1.41421…; neighbours 1.4140625 (0x1.6ap+0) and 1.4150390625,
            // midpoint 1.41455… > √2.
            "0x1.6ap+0 1.4140625",
            // sqrt ignores a second operand.
            "0x1.6ap+0 1.4140625",
            // 3·0.5 + 0.25 = 1.75 exactly.
            "0x1.cp+0 1.75",
        ])
    }

    @Test func fmaRoundsOnce() throws {
        // (1 + 2^-10)² − 1 = 2^-9 + 2^-20 exactly. At 2^-9 the fp16 spacing is
        // 2^-19, so ru gives 2^-9 + 2^-19 = 0x1.004p-9; a separately rounded
        // product would first round up to 1 + 2^-9 + 2^-10 and give 0x1.8p-9.
        let result = try calc("fma 0x1.004p+0 0x1.004p+0 -1\n", "--format", "fp16", "--mode", "ru")
        #expect(result.lines.map(RoundCommandTests.hex) == ["0x1.004p-9"])
    }

    @Test func operandsAreRoundedIntoTheFormatFirst() throws {
        // 0.1 becomes 0x1.998p-4 (rne) or 0x1.99cp-4 (ru) before the addition.
        #expect(try calc("add 0.1 0\n", "--format", "fp16", "--mode", "rne").lines.map(RoundCommandTests.hex) == ["0x1.998p-4"])
        #expect(try calc("add 0.1 0\n", "--format", "fp16", "--mode", "ru").lines.map(RoundCommandTests.hex) == ["0x1.99cp-4"])
    }

    @Test func exactZeroSumAndOverflow() throws {
        // IEEE 754 §6.3: an exact zero sum of opposite-signed operands is −0 under rd.
        #expect(try calc("sub 1 1\n", "--format", "fp16", "--mode", "rd").lines == ["-0x0p+0 -0.0"])
        #expect(try calc("sub 1 1\n", "--format", "fp16", "--mode", "rne").lines == ["0x0p+0 0.0"])
        // e4m3 saturates: 16 × 32 = 512 > 448.
        #expect(try calc("mul 16 32\n", "--format", "e4m3", "--mode", "rne").lines == ["0x1.cp+8 448.0"])
    }

    @Test func correctlyRoundedBeyondBinary64() throws {
        // ru(2^100 + 2^-100) in binary64 is nextUp(2^100) = 2^100·(1 + 2^-52),
        // although binary64 addition alone returns 2^100 (design §4).
        let fp64 = try calc("add 0x1p+100 0x1p-100\n", "--format", "fp64", "--mode", "ru")
        #expect(fp64.lines.map(RoundCommandTests.hex) == ["0x1.0000000000001p+100"])
        // binary32: ru(1 + 2^-60) = 1 + 2^-23.
        let fp32 = try calc("add 1 0x1p-60\n", "--format", "fp32", "--mode", "ru")
        #expect(fp32.lines.map(RoundCommandTests.hex) == ["0x1.000002p+0"])
    }

    @Test func stochasticIsReproducible() throws {
        let input = String(repeating: "add 1 0x1p-12\n", count: 32)
        let first = try calc(input, "--format", "fp16", "--mode", "sr", "--seed", "9")
        let again = try calc(input, "--format", "fp16", "--mode", "sr", "--seed", "9")
        #expect(first.status == 0)
        #expect(first.stdout == again.stdout)
        // The exact sum 1 + 2^-12 lies between 1 and 1 + 2^-10.
        #expect(Set(first.lines.map(RoundCommandTests.hex)).isSubset(of: ["0x1p+0", "0x1.004p+0"]))
    }
}
