import Solvers
import Roundoff
import Testing
@testable import RoundoffNN

@Suite("Precision policies")
struct PrecisionPolicyTests {
    @Test func everyPresetParsesAndRoundTrips() throws {
        for name in PrecisionPolicy.presetNames {
            let p = try PrecisionPolicy(spec: name)
            #expect(p.name == name)
            #expect(try PrecisionPolicy(spec: p.spec) == p)
        }
    }

    @Test func mixedPresetIsMicikevicius() throws {
        let p = try PrecisionPolicy(spec: "mixed").resolved(format: .fp16, mode: .nearestEven)
        #expect(p.quantizer(.weights).format == .fp16)
        #expect(p.quantizer(.master).format == .fp32)
        #expect(p.accumulation.format == .fp32)
        #expect(p.policy.update == .master)
        #expect(p.policy.lossScaling == .dynamic(initial: 32768, growthInterval: 2000))
    }

    @Test func customPolicyFromTheCommandLine() throws {
        let p = try PrecisionPolicy(spec: "all=bf16/rne;errors=fp8-e5m2/sr/mx-floor;master=fp32;accumulate=fp32;update=master;loss-scale=dynamic:2^10:100;name=mine")
        #expect(p.name == "mine")
        #expect(p[.errors] == RolePrecision(PrecisionChoice(format: .e5m2, mode: .stochastic), scaling: .mx(blockSize: 32, rule: .floor)))
        #expect(p[.activations].precision == PrecisionChoice(format: .bf16, mode: .nearestEven))
        #expect(p.lossScaling == .dynamic(initial: 1024, growthInterval: 100))
        let q = try PrecisionPolicy(spec: "pure;update=kahan")
        #expect(q.name == "pure-custom" && q.update == .kahan)
    }

    @Test func badSpecsNameTheBadPartAndTheAcceptedOnes() {
        func message(_ spec: String) -> String {
            do { _ = try PrecisionPolicy(spec: spec); return "" } catch { return "\(error)" }
        }
        #expect(message("fancy").contains("'fancy'") && message("fancy").contains("mixed"))
        #expect(message("pure;weigths=bf16").contains("'weigths'") && message("pure;weigths=bf16").contains("activations"))
        #expect(message("pure;update=fast").contains("kahan"))
        #expect(message("pure;loss-scale=1000").contains("power of two"))
        #expect(message("pure;weights=fp12").contains("fp12"))
        #expect(message("pure;errors=bf16/rne/mx-huge").contains("mx-huge"))
    }

    @Test func dynamicLossScalingHalvesSkipsAndGrows() {
        var s = LossScaler(.dynamic(initial: 1024, growthInterval: 3))
        #expect(s.record(finite: false) == false && s.scale == 512 && s.skipped == 1)
        #expect(s.record(finite: true) && s.record(finite: true) && s.scale == 512)
        #expect(s.record(finite: true) && s.scale == 1024)
    }
}
