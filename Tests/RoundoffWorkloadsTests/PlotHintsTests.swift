import Testing
@testable import RoundoffWorkloads

/// Variant metrics (`NAME_SUFFIX`) take the hint of their base metric.
struct PlotHintsTests {
    let hints = PlotHints(title: "t", xLabel: "day", xName: "day", metrics: [
        "eta_error": .init("η error"),
        "eta_error_final": .init("η error, last day"),
        "ke_spectrum": .init("KE", xLabel: "k"),
    ])

    @Test func exactNameWins() {
        #expect(hints.hint(for: "eta_error_final")?.label == "η error, last day")
    }

    @Test func suffixedNameTakesTheLongestBase() {
        #expect(hints.hint(for: "eta_error_compensated")?.label == "η error")
        #expect(hints.hint(for: "eta_error_final_compensated")?.label == "η error, last day")
        #expect(hints.hint(for: "ke_spectrum_prognostic_fp32")?.xLabel == "k")
    }

    @Test func unrelatedNameHasNoHint() {
        #expect(hints.hint(for: "eta") == nil)
        #expect(hints.hint(for: "eta_errors") == nil)
        #expect(hints.hint(for: "mass_change") == nil)
    }
}
