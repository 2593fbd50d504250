import Testing
@testable import RoundoffWorkloads

/// `--param key=value` (every workload declaring key) and
/// `--param workload.key=value` (one workload), checked up front.
struct ParameterOverridesTests {
    let workloads = [AnyWorkload(SumWorkload()), AnyWorkload(FlakyWorkload()), AnyWorkload(DivergingWorkload())]

    @Test func globalAppliesToEveryDeclaringWorkloadAndTargetedWins() throws {
        let overrides = try ParameterOverrides(assignments: ["n=16", "flaky.n=3"])
        let values = try overrides.values(for: workloads)
        #expect(values[0].string("n") == "16")
        #expect(values[0].string("tag") == "a,b")
        #expect(values[1].string("n") == "3")
        #expect(values[2].values.isEmpty)
    }

    @Test func laterAssignmentWinsAndValuesMayHoldEqualsAndCommas() throws {
        let overrides = try ParameterOverrides(assignments: ["tag=x=1,2", "n=4", "n=5"])
        #expect(overrides.global == ["tag": "x=1,2", "n": "5"])
    }

    @Test func keyThatNoSelectedWorkloadDeclaresListsAcceptedKeys() throws {
        let overrides = try ParameterOverrides(assignments: ["steps=3"])
        #expect(throws: ParameterError(
            "unknown parameter 'steps': no selected workload (sum, flaky, diverging) declares it; accepted: n (sum, flaky), tag (sum); or workload.key=value for one workload"
        )) { try overrides.values(for: workloads) }
    }

    @Test func targetedUnknownKeyNamesTheWorkload() throws {
        let overrides = try ParameterOverrides(assignments: ["flaky.tag=1"])
        #expect(throws: ParameterError("unknown parameter 'tag' for workload 'flaky'; accepted: n")) {
            try overrides.values(for: workloads)
        }
    }

    @Test func targetedUnselectedWorkloadIsAnError() throws {
        let overrides = try ParameterOverrides(assignments: ["lorenz63.dt=0.01"])
        #expect(throws: ParameterError("parameters given for workload 'lorenz63', which is not selected; selected: sum, flaky, diverging")) {
            try overrides.values(for: workloads)
        }
    }

    @Test func malformedAssignments() {
        for bad in ["n", "=3", ".n=3", "sum.=3"] {
            #expect(throws: ParameterError.self) { try ParameterOverrides(assignments: [bad]) }
        }
    }

    @Test func overridingKeepsLevels() throws {
        let file = try ParameterOverrides(assignments: ["n=1", "sum.n=2", "sum.tag=t"])
        let cli = try ParameterOverrides(assignments: ["n=9", "sum.tag=u"])
        let merged = file.overriding(with: cli)
        #expect(merged.global == ["n": "9"])
        #expect(merged.workloads == ["sum": ["n": "2", "tag": "u"]])
    }
}
