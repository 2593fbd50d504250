/// How the loss — and so every adjoint/cotangent of the backward pass,
/// which is linear in it — is scaled before the gradient is computed in
/// low precision, and unscaled afterwards.
///
/// - ``none``: `S = 1`.
/// - ``fixed(_:)``: a constant `S` (Micikevicius et al. 2018's static
///   loss scaling); a gradient with an infinite or NaN component is used
///   anyway (the run may diverge).
/// - ``dynamic(initial:growthInterval:)``: `S` a power of two, starting at
///   `initial`; a step whose scaled gradient has an infinite or NaN
///   component is skipped and `S` halved; after `growthInterval`
///   consecutive clean steps `S` is doubled. This keeps the adjoint —
///   seeded with `S·∂L/∂ŷ` — as large as the format's range allows, the
///   dynamic adjoint scaling of Celledoni et al. (2025) applied as one
///   power-of-two scale per step.
public enum LossScaling: Hashable, Sendable {
    /// No scaling: `S = 1`, and no step is skipped.
    case none
    /// The constant scale `S`; non-finite gradients are used as they are.
    case fixed(Double)
    /// A scale starting at `initial` (a power of two, so that scaling is
    /// exact), halved (and the step skipped) on a non-finite scaled
    /// gradient, doubled after `growthInterval` consecutive clean steps.
    case dynamic(initial: Double, growthInterval: Int)
}

/// The running state of a ``LossScaling``: the current scale, the clean
/// steps since the last change and the steps skipped.
public struct LossScaler: Sendable {
    /// The rule.
    public let scaling: LossScaling
    /// The current scale `S` (binary64; a power of two when dynamic).
    public private(set) var scale: Double
    /// Steps skipped because the scaled gradient was not finite (dynamic only).
    public private(set) var skipped = 0
    /// Consecutive clean steps since the scale last changed.
    public private(set) var cleanSteps = 0

    /// The scaler of `scaling` at its initial scale.
    public init(_ scaling: LossScaling) {
        self.scaling = scaling
        switch scaling {
        case .none: scale = 1
        case .fixed(let s): scale = s
        case .dynamic(let s, _): scale = s
        }
    }

    /// Records a step whose scaled gradient was finite or not; returns
    /// whether the step is to be applied (always, unless dynamic and not finite).
    public mutating func record(finite: Bool) -> Bool {
        guard case .dynamic(_, let interval) = scaling else { return true }
        if !finite {
            scale /= 2
            skipped += 1
            cleanSteps = 0
            return false
        }
        cleanSteps += 1
        if cleanSteps >= interval {
            scale *= 2
            cleanSteps = 0
        }
        return true
    }
}
