import RealModule
import Roundoff

/// The gradient of the window loss by **backpropagation through the RK4
/// steps** (discrete reverse mode, "discretise-then-optimise"): the exact
/// derivative of the discrete forward map ``NeuralODERK4/step(_:_:)``
/// (up to rounding), hand-written.
///
/// Forward: from `y₀ = data[s]`, `W − 1` grid intervals of `substeps`
/// RK4 steps; every step's start is kept, and at each grid point the L1
/// loss term is added (``L1WindowLoss``). Reverse, from the last step to
/// the first, with `ȳ` the cotangent of the step's result (after adding
/// the scaled loss cotangent at grid points): the stage points
/// `s₁ = y, s₂, s₃, s₄` are recomputed, then
///
///     k̄₄ = (h/6)ȳ, k̄₃ = (h/3)ȳ, k̄₂ = (h/3)ȳ, k̄₁ = (h/6)ȳ
///     s̄₄ = J(s₄)ᵀk̄₄,  k̄₃ ← k̄₃ + h·s̄₄
///     s̄₃ = J(s₃)ᵀk̄₃,  k̄₂ ← k̄₂ + (h/2)·s̄₃
///     s̄₂ = J(s₂)ᵀk̄₂,  k̄₁ ← k̄₁ + (h/2)·s̄₂
///     s̄₁ = J(s₁)ᵀk̄₁
///     ȳ ← fl_S(ȳ + s̄₄ + s̄₃ + s̄₂ + s̄₁)   (sum in Accumulator)
///
/// with each `J(sᵢ)ᵀk̄ᵢ` a ``TanhVectorField/pullback(_:_:weight:gradient:)``
/// of weight 1 that also adds `(∂f/∂θ)(sᵢ)ᵀk̄ᵢ` to the gradient. The
/// cotangents are in `Scalar`, so the scaled seed `S/C` and the factors
/// `h/6` decide whether they underflow (the reason for loss scaling).
public enum RK4Backpropagation {
    /// Adds window `start`'s loss `Σ|ŷ − y|` to `lossSum` and `S` times its
    /// gradient (`S/C` is `seed`) to `gradient`; `states` is workspace.
    @inlinable
    public static func accumulate<Scalar: RealScalar, Accumulator: RealScalar>(
        field: TanhVectorField<Scalar, Accumulator>, integrator rk: NeuralODERK4<Scalar, Accumulator>,
        data: [Vector2<Scalar>], start: Int, window: Int, loss: L1WindowLoss<Scalar, Accumulator>, seed: Scalar,
        lossSum: inout Accumulator, gradient: inout [Accumulator], states: inout [Vector2<Scalar>]
    ) {
        let m = rk.substeps
        let steps = (window - 1) * m
        states.removeAll(keepingCapacity: true)
        var y = data[start]
        for i in 1..<window {
            for _ in 0..<m {
                states.append(y)
                y = rk.step(field, y)
            }
            loss.accumulate(y, data[start + i], into: &lossSum)
        }
        // y is the state after the last step; its loss cotangent is added first.
        var yBar = Vector2<Scalar>.zero
        let one = Accumulator(1)
        for n in stride(from: steps - 1, through: 0, by: -1) {
            if (n + 1) % m == 0 {
                let c = loss.cotangent(y, data[start + (n + 1) / m], seed: seed)
                yBar = yBar + c
            }
            let s1 = states[n]
            let k1 = field.evaluate(s1)
            let s2 = Vector2.axpy(s1, rk.half, k1)
            let k2 = field.evaluate(s2)
            let s3 = Vector2.axpy(s1, rk.half, k2)
            let k3 = field.evaluate(s3)
            let s4 = Vector2.axpy(s1, rk.h, k3)
            var k3Bar = rk.third * yBar
            var k2Bar = rk.third * yBar
            var k1Bar = rk.sixth * yBar
            let b4 = field.pullback(s4, rk.sixth * yBar, weight: one, gradient: &gradient).cotangent
            k3Bar = Vector2.axpy(k3Bar, rk.h, b4)
            let b3 = field.pullback(s3, k3Bar, weight: one, gradient: &gradient).cotangent
            k2Bar = Vector2.axpy(k2Bar, rk.half, b3)
            let b2 = field.pullback(s2, k2Bar, weight: one, gradient: &gradient).cotangent
            k1Bar = Vector2.axpy(k1Bar, rk.half, b2)
            let b1 = field.pullback(s1, k1Bar, weight: one, gradient: &gradient).cotangent
            yBar = sum(yBar, b4, b3, b2, b1, Accumulator.self)
            y = s1
        }
    }

    /// `fl_S(a + b + c + d + e)` per component, summed left to right in `Accumulator`.
    @inlinable @inline(__always)
    static func sum<Scalar: RealScalar, Accumulator: RealScalar>(
        _ a: Vector2<Scalar>, _ b: Vector2<Scalar>, _ c: Vector2<Scalar>, _ d: Vector2<Scalar>, _ e: Vector2<Scalar>,
        _: Accumulator.Type
    ) -> Vector2<Scalar> {
        func one(_ a: Scalar, _ b: Scalar, _ c: Scalar, _ d: Scalar, _ e: Scalar) -> Scalar {
            Scalar(convertingFrom: Accumulator(convertingFrom: a) + Accumulator(convertingFrom: b)
                + Accumulator(convertingFrom: c) + Accumulator(convertingFrom: d) + Accumulator(convertingFrom: e))
        }
        return Vector2(one(a.x, b.x, c.x, d.x, e.x), one(a.y, b.y, c.y, d.y, e.y))
    }
}
