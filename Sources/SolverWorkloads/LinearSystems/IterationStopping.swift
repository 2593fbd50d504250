import RoundoffWorkloads

/// The stopping and recording parameters shared by the iterative
/// linear-solver workloads (`cg`, `sor`): `tol`, `max_iterations`,
/// `stagnation_window` and `history_points`.
struct IterationStopping {
    /// Relative residual at which the solver stops.
    var tolerance: Double
    /// Iteration (or sweep) limit.
    var maxIterations: Int
    /// The stagnation test's window.
    var window: StagnationWindow
    /// About this many points per recorded series.
    var historyPoints: Int

    init(_ values: ParameterValues) throws {
        tolerance = try values.double("tol", in: 0...1)
        maxIterations = try values.int("max_iterations", in: 1...10_000_000)
        window = try StagnationWindow(values)
        historyPoints = try values.int("history_points", in: 2...1_000_000)
    }

    /// The four parameters, with the iteration limit's default and the name
    /// of one iteration (`iteration`, `sweep`) and of the theoretical rate
    /// `auto` uses.
    static func parameters(maxIterations: Int, unit: String, autoRate: String) -> [WorkloadParameter] {
        [
            WorkloadParameter("tol", default: "1e-6", "relative residual at which the solver stops"),
            WorkloadParameter("max_iterations", default: "\(maxIterations)", "\(unit) limit"),
            WorkloadParameter("stagnation_window", default: "auto",
                              "stop when the least residual did not halve in this many \(unit)s; auto = 5× the halving time of \(autoRate) (≥ 50), 0 = off"),
            WorkloadParameter("history_points", default: "200", "about this many points per series (a common grid of \(unit)s)"),
        ]
    }
}
