import Testing
@testable import RoundoffWorkloads

struct ParameterValuesTests {
    let declared = [WorkloadParameter("n", default: "1000", "terms"), WorkloadParameter("h", default: "0.5", "step")]

    @Test func defaultsAndOverrides() throws {
        let v = try ParameterValues(declared, overrides: ["n": "42"])
        #expect(try v.int("n") == 42)
        #expect(try v.double("h") == 0.5)
        #expect(v.description == "h=0.5;n=42")
    }

    @Test func unknownKeyListsAccepted() {
        #expect(throws: ParameterError("unknown parameter 'm' for workload 'w'; accepted: h, n")) {
            try ParameterValues(declared, overrides: ["m": "1"], workload: "w")
        }
    }

    @Test func rangeErrorsNameTheValue() throws {
        let v = try ParameterValues(declared, overrides: ["n": "-3"])
        #expect(throws: ParameterError("parameter n=-3 is out of range; accepted: 1...100")) { try v.int("n", in: 1...100) }
    }
}
