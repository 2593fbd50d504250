import RealModule
import Roundoff

/// The vector field of ode_demo's `ODEFunc`: `f(y) = W₂·tanh(W₁·y³ + b₁) + b₂`
/// (`Linear(2→H)`, `tanh`, `Linear(H→2)` applied to the elementwise cube
/// `y³`; `H = 50` in ode_demo), with its vector–Jacobian products, in
/// **mixed precision**: the parameters, the state and every elementwise
/// operation (the cube, `tanh`, `1 − h²`, products with cotangents) are in
/// `Scalar`; every dot product — the two matrix–vector products and their
/// transposes — is accumulated in `Accumulator` and rounded once into
/// `Scalar`; parameter gradients are accumulated in `Accumulator`.
///
/// Parameters are one flat array ``parameters`` of `5H + 2` entries:
/// `W₁` (`H × 2`, row `j` at `2j, 2j+1`), then `b₁` (`H`), then `W₂`
/// (`2 × H`, row `k` at `3H + kH …`), then `b₂` (2) — the layout of the
/// `gradient` arrays of ``pullback(_:_:weight:gradient:)`` too.
///
/// Evaluation of `f(s)`, in this order: `zᵢ = sᵢ·sᵢ·sᵢ` (in `Scalar`);
/// for each `j`, `pⱼ = fl_S(b₁ⱼ + W₁ⱼ₁·z₁ + W₁ⱼ₂·z₂)` with the sum from the
/// bias in `Accumulator` (`fl_S` rounds into `Scalar`), `hⱼ = tanh(pⱼ)`;
/// `fₖ = fl_S(b₂ₖ + Σⱼ W₂ₖⱼ·hⱼ)`, summed from the bias in index order in
/// `Accumulator`. Entries are converted into `Accumulator` exactly when it
/// is at least as wide.
@frozen
public struct TanhVectorField<Scalar: RealScalar, Accumulator: RealScalar> {
    /// The hidden width `H`.
    public let hidden: Int
    /// `W₁, b₁, W₂, b₂`, flattened (see the type's description).
    public var parameters: [Scalar]

    /// The number of parameters `5H + 2` of a field of hidden width `H`.
    @inlinable public static func parameterCount(hidden: Int) -> Int { 5 * hidden + 2 }

    /// A field with the given parameters (binary64 values rounded into `Scalar`).
    /// - Precondition: `parameters.count == 5·hidden + 2`.
    @inlinable
    public init(hidden: Int, parameters: [Double]) {
        precondition(hidden >= 1 && parameters.count == Self.parameterCount(hidden: hidden),
                     "TanhVectorField: \(parameters.count) parameters for hidden width \(hidden), need \(5 * hidden + 2)")
        self.hidden = hidden
        self.parameters = parameters.map { Scalar($0) }
    }

    /// ode_demo's initialisation: weights drawn from `N(0, 0.1²)` (binary64
    /// draws of ``TrainingDraws/normal(_:)`` rounded into `Scalar`), biases 0.
    @inlinable
    public init(hidden: Int = 50, draws: TrainingDraws) {
        let h = hidden
        var p = [Double](repeating: 0, count: Self.parameterCount(hidden: h))
        let weights = Array(0..<(2 * h)) + Array((3 * h)..<(5 * h))
        for (n, i) in weights.enumerated() { p[i] = 0.1 * draws.normal(UInt64(n)) }
        self.init(hidden: h, parameters: p)
    }

    /// The parameters as binary64 (exact).
    @inlinable public var parameterValues: [Double] { parameters.map(\.doubleValue) }

    /// `f(s)` (see the type's description for the order of operations).
    @inlinable
    public func evaluate(_ s: Vector2<Scalar>) -> Vector2<Scalar> {
        let h = hidden
        let z1 = Accumulator(convertingFrom: s.x * s.x * s.x), z2 = Accumulator(convertingFrom: s.y * s.y * s.y)
        return parameters.withUnsafeBufferPointer { w in
            var o1 = Accumulator(convertingFrom: w[5 * h]), o2 = Accumulator(convertingFrom: w[5 * h + 1])
            for j in 0..<h {
                let p = Scalar(convertingFrom: Accumulator(convertingFrom: w[2 * h + j])
                    + Accumulator(convertingFrom: w[2 * j]) * z1 + Accumulator(convertingFrom: w[2 * j + 1]) * z2)
                let t = Accumulator(convertingFrom: Scalar.tanh(p))
                o1 = o1 + Accumulator(convertingFrom: w[3 * h + j]) * t
                o2 = o2 + Accumulator(convertingFrom: w[4 * h + j]) * t
            }
            return Vector2(Scalar(convertingFrom: o1), Scalar(convertingFrom: o2))
        }
    }

    /// The vector–Jacobian products at `s` with cotangent `v`: returns
    /// `f(s)` (as ``evaluate(_:)`` computes it) and `s̄ = (∂f/∂s)ᵀv`, and adds
    /// `weight·(∂f/∂θ)ᵀv` to `gradient` (`5H + 2` entries, the layout of
    /// ``parameters``).
    ///
    /// Order of operations: `h̄ⱼ = fl_S(W₂₁ⱼ·v₁ + W₂₂ⱼ·v₂)` (in
    /// `Accumulator`), `p̄ⱼ = h̄ⱼ·(1 − hⱼ·hⱼ)` in `Scalar`; with
    /// `ω = weight` and `v`, `p̄`, `h`, `z` converted into `Accumulator`:
    /// `∂b₂ₖ += ω·vₖ`, `∂W₂ₖⱼ += (ω·vₖ)·hⱼ`, `∂b₁ⱼ += ω·p̄ⱼ`,
    /// `∂W₁ⱼᵢ += (ω·p̄ⱼ)·zᵢ`; `z̄ᵢ = fl_S(Σⱼ W₁ⱼᵢ·p̄ⱼ)` (index order, in
    /// `Accumulator`), `s̄ᵢ = z̄ᵢ·(3·sᵢ·sᵢ)` in `Scalar`.
    @inlinable
    public func pullback(_ s: Vector2<Scalar>, _ v: Vector2<Scalar>, weight: Accumulator,
                         gradient: inout [Accumulator]) -> (value: Vector2<Scalar>, cotangent: Vector2<Scalar>) {
        let h = hidden
        let z1 = Accumulator(convertingFrom: s.x * s.x * s.x), z2 = Accumulator(convertingFrom: s.y * s.y * s.y)
        let v1 = Accumulator(convertingFrom: v.x), v2 = Accumulator(convertingFrom: v.y)
        let wv1 = weight * v1, wv2 = weight * v2
        let one = Scalar(1)
        return parameters.withUnsafeBufferPointer { w in
            gradient.withUnsafeMutableBufferPointer { g in
                g[5 * h] = g[5 * h] + wv1
                g[5 * h + 1] = g[5 * h + 1] + wv2
                var o1 = Accumulator(convertingFrom: w[5 * h]), o2 = Accumulator(convertingFrom: w[5 * h + 1])
                var zb1 = Accumulator.zero, zb2 = Accumulator.zero
                for j in 0..<h {
                    let w11 = Accumulator(convertingFrom: w[2 * j]), w12 = Accumulator(convertingFrom: w[2 * j + 1])
                    let p = Scalar(convertingFrom: Accumulator(convertingFrom: w[2 * h + j]) + w11 * z1 + w12 * z2)
                    let t = Scalar.tanh(p)
                    let ta = Accumulator(convertingFrom: t)
                    let w21 = Accumulator(convertingFrom: w[3 * h + j]), w22 = Accumulator(convertingFrom: w[4 * h + j])
                    o1 = o1 + w21 * ta
                    o2 = o2 + w22 * ta
                    g[3 * h + j] = g[3 * h + j] + wv1 * ta
                    g[4 * h + j] = g[4 * h + j] + wv2 * ta
                    let tBar = Scalar(convertingFrom: w21 * v1 + w22 * v2)
                    let pBar = Accumulator(convertingFrom: tBar * (one - t * t))
                    let wp = weight * pBar
                    g[2 * h + j] = g[2 * h + j] + wp
                    g[2 * j] = g[2 * j] + wp * z1
                    g[2 * j + 1] = g[2 * j + 1] + wp * z2
                    zb1 = zb1 + w11 * pBar
                    zb2 = zb2 + w12 * pBar
                }
                let three = Scalar(3)
                let sBar = Vector2(Scalar(convertingFrom: zb1) * (three * s.x * s.x),
                                   Scalar(convertingFrom: zb2) * (three * s.y * s.y))
                return (Vector2(Scalar(convertingFrom: o1), Scalar(convertingFrom: o2)), sBar)
            }
        }
    }
}
