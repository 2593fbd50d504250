import Roundoff

/// A numerical study that runs in a given precision and reports named
/// metrics measured against a binary64 run of the same code.
///
/// A workload is generic code plus bookkeeping: ``reference(_:)`` runs it in
/// binary64 once per parameter set (the sweep caches the result and shares
/// it between all cells), and ``run(_:parameters:reference:)`` runs it in
/// the cell's format and mode — typically through
/// Roundoff's `RoundingContext.run(_:format:mode:seed:stream:)` so the generic solver
/// is specialised for the mode — and compares. Metrics are computed in
/// binary64, never inside the emulated run.
///
/// A run that diverges (NaN or ∞) must not crash: report it through the
/// metrics (``Metric/diverged(_:)`` and non-finite values are written as
/// they are).
public protocol Workload: Sendable {
    /// What ``reference(_:)`` computes and ``run(_:parameters:reference:)`` reads.
    associatedtype Reference: Sendable

    /// The registry name, e.g. `harmonic` (lowercase, `-` between words).
    var name: String { get }
    /// One line saying what the study shows, for `precision-sweep workloads`.
    var summary: String { get }
    /// The parameters with their defaults and meaning.
    var parameters: [WorkloadParameter] { get }

    /// The binary64 run for these parameter values.
    func reference(_ parameters: ParameterValues) throws -> Reference

    /// The run in `precision`, measured against `reference`.
    func run(_ precision: Precision, parameters: ParameterValues, reference: Reference) throws -> [Metric]
}

/// The precision of one sweep cell: a format, a rounding mode and a seed.
public struct Precision: Hashable, Sendable, CustomStringConvertible {
    /// The format every rounded operation of the cell rounds into.
    public var format: FloatFormat
    /// The rounding mode of every rounded operation of the cell.
    public var mode: RoundingMode
    /// The seed of the cell's stochastic stream (0 for deterministic modes).
    public var seed: UInt64

    /// The precision `format`, `mode`, `seed`.
    public init(format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0) {
        self.format = format
        self.mode = mode
        self.seed = seed
    }

    /// Runs `computation` in this precision: format and mode through
    /// Roundoff's `RoundingContext.run(_:format:mode:seed:stream:)`, on stream
    /// `stream` of the seed. Binary64 with `rne` runs in `Double` itself.
    @inlinable
    public func run<C: ScalarComputation>(_ computation: C, stream: UInt64 = 0) -> C.Output {
        if format == .fp64 && mode == .nearestEven { return computation.run(Double.self) }
        return RoundingContext.run(computation, format: format, mode: mode, seed: seed, stream: stream)
    }

    /// `FORMAT/MODE/seed S` with the canonical specs, e.g. `bf16/sr/seed 3`.
    public var description: String { "\(format.spec)/\(mode.spec)/seed \(seed)" }
}

/// One measured value. `x` places it in a series (error vs n, departure vs
/// time); scalar metrics leave it nil.
public struct Metric: Hashable, Sendable {
    /// The metric's name, the `metric` column of `results.csv`; metrics
    /// with the same name and an `x` form one series.
    public var name: String
    /// The measured value (binary64; NaN and ±∞ are kept as they are).
    public var value: Double
    /// The abscissa within a series, or nil for a scalar metric.
    public var x: Double?

    /// The metric `name` = `value`, at abscissa `x` when it belongs to a
    /// series.
    public init(_ name: String, _ value: Double, x: Double? = nil) {
        self.name = name
        self.value = value
        self.x = x
    }

    /// `diverged` = 1 when any of `values` is NaN or infinite, else 0.
    public static func diverged(_ values: [Double]) -> Metric {
        Metric("diverged", values.allSatisfy(\.isFinite) ? 0 : 1)
    }
}
