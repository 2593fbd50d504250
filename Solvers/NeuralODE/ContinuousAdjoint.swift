import RealModule
import Roundoff

/// The gradient of the window loss by the **continuous adjoint method**
/// (Chen et al. 2018, "optimise-then-discretise"): after a forward RK4
/// solve that keeps only the final state, the augmented system
///
///     dy/dt = f(y),   da/dt = −(∂f/∂y)ᵀa,   dg/dt = −(∂f/∂θ)ᵀa
///
/// is integrated **backward** from the last grid point to the window's
/// start with the same RK4 steps (`h` per step, `substeps` per interval),
/// `y` reconstructed backward from the final state, `a` starting at 0,
/// and at each grid point `tᵢ` the jump `a ← a + S·∂L/∂ŷ(tᵢ)` of the loss
/// term observed there (the scaled cotangent of ``L1WindowLoss``). The
/// gradient `g` ends as `S·dL/dθ` of the window.
///
/// One backward step, with the stage cotangents `Jᵀa` and values `f` from
/// one ``TanhVectorField/pullback(_:_:weight:gradient:)`` per stage:
///
///     (f₁, b₁) = (f(y), J(y)ᵀa);        y₂ = y − (h/2)f₁,  a₂ = a + (h/2)b₁
///     (f₂, b₂) at (y₂, a₂);             y₃ = y − (h/2)f₂,  a₃ = a + (h/2)b₂
///     (f₃, b₃) at (y₃, a₃);             y₄ = y − h·f₃,     a₄ = a + h·b₃
///     (f₄, b₄) at (y₄, a₄)
///     y ← fl_S(y − (h/6)(f₁ + 2f₂ + 2f₃ + f₄)),  a ← fl_S(a + (h/6)(b₁ + 2b₂ + 2b₃ + b₄))
///
/// (sums in `Accumulator`) and `g += (h/6, h/3, h/3, h/6)`-weighted
/// `(∂f/∂θ)ᵀaᵢ` accumulated in `Accumulator` by the pullbacks. It agrees
/// with ``RK4Backpropagation`` up to the RK4 discretisation error of the
/// adjoint system, `O(h⁴)`, plus rounding; the backward reconstruction of
/// `y` is a further error source in low precision.
public enum ContinuousAdjoint {
    /// Adds window `start`'s loss `Σ|ŷ − y|` to `lossSum` and `S` times its
    /// gradient (`S/C` is `seed`) to `gradient`; `observations` is workspace.
    @inlinable
    public static func accumulate<Scalar: RealScalar, Accumulator: RealScalar>(
        field: TanhVectorField<Scalar, Accumulator>, integrator rk: NeuralODERK4<Scalar, Accumulator>,
        data: [Vector2<Scalar>], start: Int, window: Int, loss: L1WindowLoss<Scalar, Accumulator>, seed: Scalar,
        lossSum: inout Accumulator, gradient: inout [Accumulator], observations: inout [Vector2<Scalar>]
    ) {
        let m = rk.substeps
        observations.removeAll(keepingCapacity: true)
        var y = data[start]
        observations.append(y)
        for i in 1..<window {
            for _ in 0..<m { y = rk.step(field, y) }
            observations.append(y)
            loss.accumulate(y, data[start + i], into: &lossSum)
        }
        var a = Vector2<Scalar>.zero
        let third = rk.thirdAccumulated, sixth = rk.sixthAccumulated
        for i in stride(from: window - 1, through: 1, by: -1) {
            // The jump of the loss term at tᵢ, evaluated at the forward solution there.
            a = a + loss.cotangent(observations[i], data[start + i], seed: seed)
            for _ in 0..<m {
                let (f1, b1) = field.pullback(y, a, weight: sixth, gradient: &gradient)
                let y2 = Vector2.axpy(y, -rk.half, f1), a2 = Vector2.axpy(a, rk.half, b1)
                let (f2, b2) = field.pullback(y2, a2, weight: third, gradient: &gradient)
                let y3 = Vector2.axpy(y, -rk.half, f2), a3 = Vector2.axpy(a, rk.half, b2)
                let (f3, b3) = field.pullback(y3, a3, weight: third, gradient: &gradient)
                let y4 = Vector2.axpy(y, -rk.h, f3), a4 = Vector2.axpy(a, rk.h, b3)
                let (f4, b4) = field.pullback(y4, a4, weight: sixth, gradient: &gradient)
                y = rk.combine(y, f1, f2, f3, f4, -sixth)
                a = rk.combine(a, b1, b2, b3, b4, sixth)
            }
        }
    }
}
