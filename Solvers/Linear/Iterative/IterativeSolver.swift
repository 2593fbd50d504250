/// An iterative method that advances one step at a time and reports its
/// relative residual; ``solve(_:observe:)`` runs it under a
/// ``ConvergenceMonitor``.
public protocol IterativeSolver {
    /// The relative residual the monitor tests, in binary64.
    var relativeResidual: Double { get }
    /// True once a step could not be taken (e.g. CG's `pᵀAp ≤ 0`); false by default.
    var brokeDown: Bool { get }
    /// One iteration (sweep, CG step).
    mutating func step()
}

extension IterativeSolver {
    /// A method that cannot break down.
    @inlinable public var brokeDown: Bool { false }

    /// Iterates until `monitor` says to stop (``ConvergenceMonitor/record(_:)``
    /// gets ``relativeResidual`` at the start and after every step), calling
    /// `observe` at the start and after every step; returns why it stopped
    /// (``StopReason/breakdown`` right after a step that broke down, which is
    /// neither observed nor recorded).
    @inlinable
    public mutating func solve(_ monitor: inout ConvergenceMonitor, observe: (Self) -> Void = { _ in }) -> StopReason {
        observe(self)
        var reason = monitor.record(relativeResidual)
        while reason == nil {
            step()
            if brokeDown { return .breakdown }
            observe(self)
            reason = monitor.record(relativeResidual)
        }
        return reason!
    }
}
