import RoundoffWorkloads

/// The neural-network training workloads, for registration in ``WorkloadRegistry``.
public enum NNWorkloads {
    /// Every workload of this module.
    public static var all: [AnyWorkload] {
        []
    }
}
