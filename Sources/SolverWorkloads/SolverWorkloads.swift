import RoundoffWorkloads

/// The solver workloads, for registration in ``WorkloadRegistry``.
public enum SolverWorkloads {
    /// Every workload of this module: `harmonic`, `euler-decay`,
    /// `unit-circle`, `matvec`, `lorenz63`, `lorenz96`, `heat-diffusion`,
    /// `shallow-water`, `ir`, `givens`, `givens-qr`, `cg`, `sor`, `neural-ode`, `bessel`.
    public static var all: [AnyWorkload] {
        [
            AnyWorkload(HarmonicWorkload()),
            AnyWorkload(EulerDecayWorkload()),
            AnyWorkload(UnitCircleWorkload()),
            AnyWorkload(MatVecWorkload()),
            AnyWorkload(Lorenz63Workload()),
            AnyWorkload(Lorenz96Workload()),
            AnyWorkload(HeatDiffusionWorkload()),
            AnyWorkload(ShallowWaterWorkload()),
            AnyWorkload(IterativeRefinementWorkload()),
            AnyWorkload(GivensWorkload()),
            AnyWorkload(GivensQRWorkload()),
            AnyWorkload(ConjugateGradientWorkload()),
            AnyWorkload(StationaryIterationWorkload()),
            AnyWorkload(NeuralODEWorkload()),
            AnyWorkload(BesselWorkload()),
        ]
    }
}
