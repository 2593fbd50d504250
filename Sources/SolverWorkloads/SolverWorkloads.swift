import RoundoffWorkloads

/// The solver workloads, for registration in ``WorkloadRegistry``.
public enum SolverWorkloads {
    /// Every workload of this module.
    public static var all: [AnyWorkload] { [] }
}
