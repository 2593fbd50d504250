import RealModule
import Roundoff

/// Classical fixed-step RK4 for the neural ODE `dy/dt = f(y)` of a
/// ``TanhVectorField`` on a uniform time grid, with `substeps` steps of
/// `h = Δt/substeps` per grid interval `Δt`; the constants `h`, `h/2`,
/// `h/3`, `h/6` are rounded from binary64 into `Scalar` and `Accumulator`
/// once.
///
/// One step, in this order: `k₁ = f(y)`, `k₂ = f(y + (h/2)·k₁)`,
/// `k₃ = f(y + (h/2)·k₂)`, `k₄ = f(y + h·k₃)` (stage points rounded in
/// `Scalar`, see ``Vector2/axpy(_:_:_:)``), then
/// `y ← fl_S(y + (h/6)·(k₁ + 2k₂ + 2k₃ + k₄))` with the five-term sum in
/// `Accumulator` (the solution is accumulated in the wider type, stored in
/// `Scalar`). Global error `O(h⁴)` in exact arithmetic.
@frozen
public struct NeuralODERK4<Scalar: RealScalar, Accumulator: RealScalar>: Sendable {
    /// The grid interval `Δt` (binary64).
    public let interval: Double
    /// Steps per grid interval.
    public let substeps: Int
    /// `h`, `h/2`, `h/3`, `h/6` in `Scalar`.
    public let h: Scalar, half: Scalar, third: Scalar, sixth: Scalar
    /// `h/3` and `h/6` in `Accumulator`.
    public let thirdAccumulated: Accumulator, sixthAccumulated: Accumulator

    /// The integrator for grid interval `interval` with `substeps ≥ 1` steps each.
    @inlinable
    public init(interval: Double, substeps: Int = 1) {
        precondition(substeps >= 1, "NeuralODERK4: substeps must be ≥ 1, got \(substeps)")
        self.interval = interval
        self.substeps = substeps
        let step = interval / Double(substeps)
        h = Scalar(step); half = Scalar(step / 2); third = Scalar(step / 3); sixth = Scalar(step / 6)
        thirdAccumulated = Accumulator(step / 3); sixthAccumulated = Accumulator(step / 6)
    }

    /// `fl_S(u + (h/6)·(k₁ + 2k₂ + 2k₃ + k₄))` per component, the sum in `Accumulator`.
    @inlinable @inline(__always)
    func combine(_ u: Vector2<Scalar>, _ k1: Vector2<Scalar>, _ k2: Vector2<Scalar>, _ k3: Vector2<Scalar>,
                 _ k4: Vector2<Scalar>, _ c: Accumulator) -> Vector2<Scalar> {
        func one(_ u: Scalar, _ a: Scalar, _ b: Scalar, _ d: Scalar, _ e: Scalar) -> Scalar {
            let sum = Accumulator(convertingFrom: a) + 2 * Accumulator(convertingFrom: b)
                + 2 * Accumulator(convertingFrom: d) + Accumulator(convertingFrom: e)
            return Scalar(convertingFrom: Accumulator(convertingFrom: u) + c * sum)
        }
        return Vector2(one(u.x, k1.x, k2.x, k3.x, k4.x), one(u.y, k1.y, k2.y, k3.y, k4.y))
    }

    /// One step of length `h` from `y`.
    @inlinable
    public func step(_ field: TanhVectorField<Scalar, Accumulator>, _ y: Vector2<Scalar>) -> Vector2<Scalar> {
        let k1 = field.evaluate(y)
        let k2 = field.evaluate(Vector2.axpy(y, half, k1))
        let k3 = field.evaluate(Vector2.axpy(y, half, k2))
        let k4 = field.evaluate(Vector2.axpy(y, h, k3))
        return combine(y, k1, k2, k3, k4, sixthAccumulated)
    }

    /// The solution at the grid points `0…intervals` from `y₀` (element 0 is `y₀`).
    @inlinable
    public func trajectory(_ field: TanhVectorField<Scalar, Accumulator>, from y0: Vector2<Scalar>,
                           intervals: Int) -> [Vector2<Scalar>] {
        var y = y0
        var out = [y]
        out.reserveCapacity(intervals + 1)
        for _ in 0..<intervals {
            for _ in 0..<substeps { y = step(field, y) }
            out.append(y)
        }
        return out
    }
}
