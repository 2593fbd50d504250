import Foundation
import Roundoff

/// Test scaffolding, not a study: a tiny workload whose cells can be made
/// slow, failing or diverging on demand, so that tests of the sweep engine can
/// drive the real `precision-sweep` executable (interrupt and resume it, make
/// a cell throw) without depending on the solver workloads.
///
/// It is registered as `test-delay` only when the environment has
/// `ROUNDOFF_TEST_WORKLOADS=1` (see
/// ``WorkloadRegistry/registerTestWorkloadsIfRequested(environment:)``), so
/// users never see it.
///
/// It sums the harmonic series 1 + 1/2 + … + 1/terms in the cell's precision
/// and reports the sum, its absolute error against binary64, and the partial
/// sums at terms/4, terms/2 and terms as a series.
struct DelayWorkload: Workload {
    let name = "test-delay"
    let summary = "Test scaffolding: a short harmonic sum that can sleep, fail or diverge per cell."
    let parameters = [
        WorkloadParameter("ms", default: "0", "milliseconds each cell sleeps before computing (0...60000)"),
        WorkloadParameter("terms", default: "64", "terms of the harmonic sum (4...1000000)"),
        WorkloadParameter("fail", default: "none", "a format spec whose cells throw an error, or none"),
        WorkloadParameter("diverge", default: "0", "1: every cell reports NaN, as a diverged run would"),
    ]

    /// The harmonic partial sums at `checkpoints`, in the scalar type.
    struct PartialSums: ScalarComputation {
        let terms: Int
        let checkpoints: [Int]

        func run<T: RealScalar>(_: T.Type) -> [Double] {
            var sum = T.zero
            var partials: [Double] = []
            for n in 1...terms {
                sum += 1 / T(Double(n))
                if checkpoints.contains(n) { partials.append(sum.doubleValue) }
            }
            return partials
        }
    }

    private func checkpoints(_ terms: Int) -> [Int] { [terms / 4, terms / 2, terms] }

    func reference(_ parameters: ParameterValues) throws -> [Double] {
        let terms = try parameters.int("terms", in: 4...1_000_000)
        return PartialSums(terms: terms, checkpoints: checkpoints(terms)).run(Double.self)
    }

    func run(_ precision: Precision, parameters: ParameterValues, reference: [Double]) throws -> [Metric] {
        let milliseconds = try parameters.int("ms", in: 0...60_000)
        if milliseconds > 0 { Thread.sleep(forTimeInterval: Double(milliseconds) / 1000) }
        let fail = parameters.string("fail")
        if fail != "none", let format = try? FloatFormat(spec: fail), format == precision.format {
            throw ParameterError("test-delay fails on purpose in \(precision) (fail=\(fail))")
        }
        let terms = try parameters.int("terms", in: 4...1_000_000)
        var partials = precision.run(PartialSums(terms: terms, checkpoints: checkpoints(terms)))
        if try parameters.int("diverge", in: 0...1) == 1 { partials = partials.map { _ in .nan } }
        let sum = partials.last!
        return [Metric("sum", sum), Metric("abs-error", abs(sum - reference.last!)), Metric.diverged(partials)]
            + zip(checkpoints(terms), partials).map { Metric("partial", $1, x: Double($0)) }
    }
}

extension WorkloadRegistry {
    /// Registers the test-scaffolding workload `test-delay` (internal)
    /// when `environment` has `ROUNDOFF_TEST_WORKLOADS=1`; does nothing
    /// otherwise. The CLI calls it so that tests can run the real executable
    /// on a workload they control.
    public func registerTestWorkloadsIfRequested(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        guard environment["ROUNDOFF_TEST_WORKLOADS"] == "1" else { return }
        register(DelayWorkload())
    }
}
