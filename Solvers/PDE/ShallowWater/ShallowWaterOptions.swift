/// How ``ShallowWater`` arranges its arithmetic for low precision
/// (Klöwer, Düben & Palmer, JAMES 2020; Klöwer et al., JAMES 2022).
public struct ShallowWaterOptions: Hashable, Sendable {
    /// Rescaled, the paper's 16-bit formulation: non-dimensional gradients
    /// (differences without the `1/Δ`), tendencies multiplied by `Δ`, the
    /// step `Δt/Δ` precomputed, `c_D·Δ` and `ν/Δ³` as constants, and the
    /// velocities carried multiplied by ``velocityScale``. Otherwise the
    /// equations are evaluated in SI units as written (tendencies in m/s²,
    /// which are ~10⁻⁶ and fall into fp16's subnormal range).
    public var rescaled: Bool
    /// The factor the velocities are carried multiplied by when
    /// ``rescaled`` (the paper's `2⁶`); a power of two keeps the scaling
    /// exact. Ignored (1) otherwise.
    public var velocityScale: Double
    /// Compensated (Kahan) time stepping: the RK4 increments of a step (and
    /// the drag and diffusion increment) are summed apart from the state,
    /// the compensation carried from the previous step is subtracted, the
    /// state is updated with the sum, and `(new − old) − sum` is carried to
    /// the next step, so the part of the increment the state's precision
    /// cannot hold is not lost.
    public var compensated: Bool

    /// The paper's default for 16-bit runs: rescaled by `2⁶`, not compensated.
    public init(rescaled: Bool = true, velocityScale: Double = 64, compensated: Bool = false) {
        self.rescaled = rescaled
        self.velocityScale = velocityScale
        self.compensated = compensated
    }

    /// The factor actually applied to velocities (1 unless rescaled).
    public var scale: Double { rescaled ? velocityScale : 1 }
}
