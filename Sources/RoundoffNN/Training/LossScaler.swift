/// The state of ``LossScaling`` during a run.
public struct LossScaler: Sendable {
    /// The scaling rule.
    public let rule: LossScaling
    /// The current scale S.
    public private(set) var scale: Double
    /// Steps skipped because a gradient was not finite.
    public private(set) var skippedSteps = 0
    private var cleanSteps = 0

    /// The scaler at the start of a run.
    public init(_ rule: LossScaling) {
        self.rule = rule
        switch rule {
        case .none: scale = 1
        case .fixed(let s): scale = s
        case .dynamic(let s, _): scale = s
        }
    }

    /// Records a step whose gradients were (`finite`) or were not all
    /// finite; returns whether the update should be applied. A non-finite
    /// step is always skipped; under dynamic scaling it also halves S, and
    /// `growthInterval` clean steps in a row double S.
    public mutating func record(finite: Bool) -> Bool {
        guard finite else {
            skippedSteps += 1
            cleanSteps = 0
            if case .dynamic = rule { scale = Swift.max(scale / 2, 0x1p-24) }
            return false
        }
        if case .dynamic(_, let n) = rule {
            cleanSteps += 1
            if cleanSteps >= n {
                scale = Swift.min(scale * 2, 0x1p64)
                cleanSteps = 0
            }
        }
        return true
    }
}
