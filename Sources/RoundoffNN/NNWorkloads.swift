import RoundoffWorkloads

/// The neural-network training workloads, for registration in
/// RoundoffWorkloads' `WorkloadRegistry`.
public enum NNWorkloads {
    /// Every workload of this module: `digits-mlp`, `digits-adam`, `convex-stall`, `digits-mx`.
    public static var all: [AnyWorkload] {
        [
            AnyWorkload(DigitsMLPWorkload()),
            AnyWorkload(DigitsAdamWorkload()),
            AnyWorkload(ConvexStallWorkload()),
            AnyWorkload(DigitsMXWorkload()),
        ]
    }
}
