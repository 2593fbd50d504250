import Testing
@testable import RoundoffNN

@Suite("Tensor scaling specs")
struct TensorScalingSpecTests {
    @Test func specsParseAndRoundTrip() throws {
        let cases: [(String, TensorScaling, String)] = [
            ("none", .none, "none"),
            ("tensor", .perTensor, "tensor"),
            ("mx", .mx(rule: .floor), "mx-floor"),
            ("mx-floor", .mx(blockSize: 32, rule: .floor), "mx-floor"),
            ("MX-Ceil", .mx(rule: .ceil), "mx-ceil"),
            ("mx-even", .mx(rule: .even), "mx-even"),
            ("mx16-ceil", .mx(blockSize: 16, rule: .ceil), "mx16-ceil"),
            ("mx64", .mx(blockSize: 64, rule: .floor), "mx64-floor"),
            ("nvfp4", .nvfp4, "nvfp4"),
        ]
        for (text, scaling, canonical) in cases {
            let parsed = try TensorScaling(spec: text)
            #expect(parsed == scaling, "\(text)")
            #expect(parsed.spec == canonical)
            #expect(try TensorScaling(spec: parsed.spec) == parsed)
        }
        #expect(TensorScaling.nvfp4.blockSize == 16 && TensorScaling.perTensor.blockSize == nil)
    }

    @Test func badSpecsNameTheValueAndListTheAccepted() {
        let bad: [(String, ScalingSpecError)] = [
            ("mx-round", .unknownRule("round")),
            ("blocks", .unknownScaling("blocks")),
            ("mx0-floor", .blockSizeOutOfRange("0")),
            ("mx99999999-ceil", .blockSizeOutOfRange("99999999")),
            ("mx_floor", .unknownScaling("mx_floor")),
            ("", .unknownScaling("")),
        ]
        for (text, expected) in bad {
            #expect(throws: expected) { try TensorScaling(spec: text) }
        }
        let rule = ScalingSpecError.unknownRule("round").description
        #expect(rule.contains("'round'") && rule.contains("floor, ceil, even"))
        let scaling = ScalingSpecError.unknownScaling("blocks").description
        #expect(scaling.contains("'blocks'"))
        for accepted in ["none", "tensor", "mx-floor", "mx-ceil", "mx-even", "nvfp4"] {
            #expect(scaling.contains(accepted))
        }
        #expect(throws: ScalingSpecError.unknownRule("up")) { try ScaleRule(spec: "up") }
    }
}
