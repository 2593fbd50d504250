/// Why an iterative solve stopped.
public enum StopReason: String, Sendable, Hashable, CaseIterable {
    /// The monitored relative residual reached the tolerance.
    case converged
    /// The least monitored residual stopped decreasing (see ``ConvergenceMonitor``).
    case stagnated
    /// The iteration limit was reached first.
    case iterationLimit = "iteration-limit"
    /// The iteration cannot continue: a non-finite residual, or (conjugate
    /// gradient) a curvature `pᵀAp` that is not positive and finite.
    case breakdown

    /// A number for result tables: 0 converged, 1 stagnated, 2 iteration limit, 3 breakdown.
    @inlinable public var code: Int {
        switch self {
        case .converged: 0
        case .stagnated: 1
        case .iterationLimit: 2
        case .breakdown: 3
        }
    }
}

/// The stopping test of an iterative solver: the relative residual after
/// each iteration, tested against a tolerance, an iteration limit and for
/// stagnation.
///
/// ``record(_:)`` takes the relative residual `ρ_k` after `k` iterations
/// (`k = 0` is the start) and says whether to stop, testing in this order:
/// 1. `ρ_k` is not finite: ``StopReason/breakdown``;
/// 2. `ρ_k ≤ tolerance`: ``StopReason/converged``;
/// 3. stagnation: with `m_k = min_{j≤k} ρ_j` the least residual so far and
///    `W` = ``stagnationWindow`` > 0, `k ≥ W` and `m_k > ½·m_{k−W}` — the last
///    `W` iterations did not halve the least residual: ``StopReason/stagnated``.
///    Using the least residual makes the test indifferent to the
///    oscillations of conjugate gradient's residual and to the noise of
///    stochastic rounding around a stagnation level; `W` must exceed the
///    iterations the method needs to halve the residual when it converges;
/// 4. `k ≥ maxIterations`: ``StopReason/iterationLimit``.
public struct ConvergenceMonitor: Sendable {
    /// The relative residual at which the solve has converged.
    public let tolerance: Double
    /// The most iterations allowed.
    public let maxIterations: Int
    /// The stagnation window `W` in iterations; 0 turns the test off.
    public let stagnationWindow: Int
    /// The factor by which the least residual must fall within a window: ½.
    public static let stagnationFactor = 0.5

    /// `ρ_0, ρ_1, …`: every relative residual recorded.
    public private(set) var residuals: [Double] = []
    /// `m_0, m_1, …`: the least residual up to each iteration.
    private var least: [Double] = []

    /// A monitor with the given limits.
    /// - Precondition: `tolerance ≥ 0`, `maxIterations ≥ 0`, `stagnationWindow ≥ 0`.
    public init(tolerance: Double, maxIterations: Int, stagnationWindow: Int = 0) {
        precondition(tolerance >= 0 && maxIterations >= 0 && stagnationWindow >= 0,
                     "ConvergenceMonitor: tolerance \(tolerance), maxIterations \(maxIterations) and stagnationWindow \(stagnationWindow) must be nonnegative")
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.stagnationWindow = stagnationWindow
    }

    /// The iterations recorded after the start (`residuals.count − 1`).
    public var iterations: Int { Swift.max(residuals.count - 1, 0) }

    /// Records the relative residual after the next iteration (the first
    /// call records the start) and returns why to stop, or nil to go on.
    public mutating func record(_ relativeResidual: Double) -> StopReason? {
        let r = relativeResidual
        residuals.append(r)
        least.append(least.last.map { Swift.min($0, r) } ?? r)
        let k = residuals.count - 1
        if !r.isFinite { return .breakdown }
        if r <= tolerance { return .converged }
        let w = stagnationWindow
        if w > 0 && k >= w && least[k] > Self.stagnationFactor * least[k - w] { return .stagnated }
        if k >= maxIterations { return .iterationLimit }
        return nil
    }
}
