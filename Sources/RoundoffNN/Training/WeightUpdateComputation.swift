import Roundoff

/// Adds steps to stored weights by a ``WeightUpdate`` rule, every
/// operation rounded in the scalar type it runs in; counts lost updates.
struct WeightUpdateComputation: ScalarComputation {
    let rule: WeightUpdate
    let values: UnsafeMutableBufferPointer<Double>
    let compensation: UnsafeMutableBufferPointer<Double>
    let delta: UnsafeBufferPointer<Double>

    /// Returns (nonzero steps, lost steps).
    func run<T: RealScalar>(_: T.Type) -> (updates: Int, lost: Int) {
        var updates = 0, lost = 0
        for i in delta.indices where delta[i] != 0 {
            updates += 1
            let w = T(values[i]), d = T(delta[i])
            switch rule {
            case .master, .round, .stochastic:
                let n = w + d
                if n == w { lost += 1 }
                values[i] = n.doubleValue
            case .kahan:
                let c = T(compensation[i])
                let y = d - c
                let t = w + y
                let newC = (t - w) - y
                if t == w && newC == c { lost += 1 }
                values[i] = t.doubleValue
                compensation[i] = newC.doubleValue
            case .collage:
                let lo = T(compensation[i])
                let s = w + d
                let l = lo + (d - (s - w))
                let hi = s + l
                let newLo = l - (hi - s)
                if hi == w && newLo == lo { lost += 1 }
                values[i] = hi.doubleValue
                compensation[i] = newLo.doubleValue
            }
        }
        return (updates, lost)
    }
}

extension TrainingArithmetic {
    /// The precision in which the update rule stores the weights:
    /// the master role under `master`, the weights role otherwise (with
    /// `sr` forcing stochastic rounding).
    public var storagePrecision: (format: FloatFormat, mode: RoundingMode) {
        switch policy.policy.update {
        case .master: return elementwisePrecision(.master)
        case .stochastic: return (elementwisePrecision(.weights).format, .stochastic)
        default: return elementwisePrecision(.weights)
        }
    }

    /// Rounds freshly initialised weights into the storage precision.
    public func initialize(_ p: Parameter) {
        rounded(&p.values, storagePrecision)
    }

    /// Adds `delta` to `p` by the policy's update rule.
    public func apply(_ delta: [Double], to p: Parameter) {
        let rule = policy.policy.update
        let counts = p.values.withUnsafeMutableBufferPointer { w in
            p.compensation.withUnsafeMutableBufferPointer { c in
                delta.withUnsafeBufferPointer { d in
                    run(WeightUpdateComputation(rule: rule, values: w, compensation: c, delta: d), in: storagePrecision)
                }
            }
        }
        statistics.updates += counts.updates
        statistics.lostUpdates += counts.lost
    }
}
