import Roundoff
import RoundoffWorkloads
import Solvers

/// The harmonic series `Σ_{k=1}^{n} 1/k` with every term and partial sum
/// rounded into the cell's format (``HarmonicSum``), measured against the
/// same recursion in binary64.
///
/// Source: Higham, *Accuracy and Stability of Numerical Algorithms* (2nd
/// ed., 2002); Malone, "To what does the harmonic series converge?", Irish
/// Math. Soc. Bulletin (2013) — binary32 stops growing at
/// `n = 2^21 = 2097152` with `s ≈ 15.403683`; Connolly, Higham & Mary, SISC
/// 43(2) 2021 — stochastic rounding does not stagnate and its error follows
/// the `√n·u` bound.
///
/// Metrics:
/// - `final_sum`: `s_n` (as binary64).
/// - `stagnation_n`: the first `k` from which the partial sum never changed
///   again up to `n`, when that final plateau is stagnation by
///   ``StagnationEvidence``: always for deterministic modes (an absorbed
///   term stays absorbed: later terms are smaller); for stochastic ones
///   only if its exact terms add up to at least 20 spacings of the sum, so
///   that SR's short random plateaus give 0. 0 if the last term changed the sum.
/// - `rel_error`: `|s_n − s_n^{(64)}| / s_n^{(64)}` with `s^{(64)}` the
///   binary64 recursion; and the series `rel_error` (x = k) at about
///   `checkpoints` log-spaced `k`.
/// - `unit_roundoff`: the format's `u = 2^−p`, for the `u` and `√k·u` guide lines.
/// - `term_underflow_k`: the first `k` whose rounded term was zero, 0 if none.
/// - `diverged`.
public struct HarmonicWorkload: Workload {
    /// The binary64 partial sums at the checkpoints.
    public struct Reference: Sendable {
        /// The checkpoints `k`, increasing, ending at `n`.
        public var checkpoints: [Int]
        /// `s_k` in binary64 at each checkpoint.
        public var sums: [Double]
    }

    /// The workload, with the defaults of ``parameters``.
    public init() {}

    /// The registry name, `harmonic`.
    public var name: String { "harmonic" }
    /// The one-line description `precision-sweep workloads` shows.
    public var summary: String { "Σ 1/k with every term and partial sum rounded: RN stagnates, SR follows √n·u" }
    /// The parameters with their defaults (the metrics are described on the type).
    public var parameters: [WorkloadParameter] {
        [
            WorkloadParameter("n", default: "4194304",
                              "terms summed (default 2^22, past binary32's stagnation point 2^21)"),
            WorkloadParameter("checkpoints", default: "40", "number of log-spaced k in the rel_error series"),
        ]
    }

    func checkpoints(_ values: ParameterValues) throws -> [Int] {
        let n = try values.int("n", in: 1...(1 << 32))
        let count = try values.int("checkpoints", in: 1...10_000)
        return LogSpacedIntegers.points(upTo: n, count: count)
    }

    /// The binary64 recursion's partial sums at the checkpoints.
    public func reference(_ values: ParameterValues) throws -> Reference {
        let points = try checkpoints(values)
        return Reference(checkpoints: points, sums: Summation(checkpoints: points).run(Double.self).sums)
    }

    /// The sum in `precision`, read at the reference's checkpoints, and its metrics.
    public func run(_ precision: Precision, parameters values: ParameterValues, reference: Reference) throws -> [Metric] {
        let r = precision.run(Summation(checkpoints: reference.checkpoints))
        let n = reference.checkpoints.last ?? 0
        let final = r.sums.last ?? 0
        let exact = reference.sums.last ?? 0
        var metrics = [
            Metric("final_sum", final),
            Metric("stagnation_n", Double(stagnationStart(lastChange: r.lastChange, n: n, sum: final, precision: precision))),
            Metric("rel_error", abs(final - exact) / exact),
            Metric("unit_roundoff", precision.format.unitRoundoff),
            Metric("term_underflow_k", Double(r.firstZeroTerm)),
            Metric.diverged(r.sums),
        ]
        for (k, (s, s64)) in zip(reference.checkpoints, zip(r.sums, reference.sums)) {
            metrics.append(Metric("rel_error", abs(s - s64) / s64, x: Double(k)))
        }
        return metrics
    }

    /// The start `lastChange + 1` of the final plateau if it is stagnation
    /// by ``StagnationEvidence`` — for stochastic modes, if the exact terms
    /// `1/k` over it add up to at least `threshold` spacings of the sum
    /// above `sum`. 0 otherwise.
    func stagnationStart(lastChange: Int, n: Int, sum: Double, precision: Precision) -> Int {
        let stagnated = StagnationEvidence.isStagnation(steps: n - lastChange, mode: precision.mode) {
            let gap = precision.format.spacingAwayFromZero(at: sum)
            var weight = 0.0
            for k in (lastChange + 1)...n {
                weight += 1 / Double(k) / gap
                if weight >= StagnationEvidence.threshold { break }
            }
            return weight
        }
        return stagnated ? lastChange + 1 : 0
    }

    /// The sum in a scalar type, read at the checkpoints.
    struct Summation: ScalarComputation {
        let checkpoints: [Int]

        struct Output {
            var sums: [Double]
            var lastChange: Int
            var firstZeroTerm: Int
        }

        func run<T: RealScalar>(_: T.Type) -> Output {
            var h = HarmonicSum<T>()
            var sums: [Double] = []
            sums.reserveCapacity(checkpoints.count)
            for k in checkpoints {
                h.add(through: k)
                sums.append(h.sum.doubleValue)
            }
            return Output(sums: sums, lastChange: h.lastChange, firstZeroTerm: h.firstZeroTerm)
        }
    }
}
