import Solvers
import Roundoff

/// What precision each part of training runs in: a ``RolePrecision`` per
/// ``TensorRole``, the matrix products' accumulation, the weight-update
/// rule and loss scaling.
///
/// Any format or mode may be `*`, the sweep cell's, so one policy (say
/// "fp32 master weights, everything else in the cell's format") runs across
/// a sweep's formats; in the binary64 cell with `rne` such a policy is plain
/// binary64 training. Published recipes are presets (``preset(named:)``);
/// ``init(spec:)`` builds custom policies from the command line.
public struct PrecisionPolicy: Sendable, Hashable {
    /// The name used in metric names (`test_accuracy_NAME`).
    public var name: String
    /// Precision of each role; a missing role is ``PrecisionChoice/cell`` without scaling.
    public var roles: [TensorRole: RolePrecision]
    /// Format and mode of the matrix products' accumulators (each partial sum
    /// is rounded into it); the product's result is then rounded into the
    /// output role.
    public var accumulation: PrecisionChoice
    /// How steps are added to the weights.
    public var update: WeightUpdate
    /// Loss scaling.
    public var lossScaling: LossScaling

    /// A policy; roles not given follow the cell.
    public init(name: String, roles: [TensorRole: RolePrecision] = [:], accumulation: PrecisionChoice = .cell,
                update: WeightUpdate = .round, lossScaling: LossScaling = .none) {
        self.name = name
        // Every role present, so that equal policies compare equal.
        self.roles = Dictionary(uniqueKeysWithValues: TensorRole.allCases.map { ($0, roles[$0] ?? RolePrecision()) })
        self.accumulation = accumulation
        self.update = update
        self.lossScaling = lossScaling
    }

    /// The precision of `role`.
    public subscript(role: TensorRole) -> RolePrecision {
        get { roles[role] ?? RolePrecision() }
        set { roles[role] = newValue }
    }

    /// The policy with every format and mode made concrete for a cell.
    public func resolved(format: FloatFormat, mode: RoundingMode) -> ResolvedPolicy {
        ResolvedPolicy(policy: self, cellFormat: format, cellMode: mode)
    }
}

/// A ``PrecisionPolicy`` with the cell's format and mode filled in.
public struct ResolvedPolicy: Sendable {
    /// The policy as written.
    public let policy: PrecisionPolicy
    /// One quantizer per role.
    public let quantizers: [TensorRole: TensorQuantizer]
    /// The accumulators' format and mode.
    public let accumulation: (format: FloatFormat, mode: RoundingMode)

    init(policy: PrecisionPolicy, cellFormat: FloatFormat, cellMode: RoundingMode) {
        self.policy = policy
        var q: [TensorRole: TensorQuantizer] = [:]
        for role in TensorRole.allCases {
            let r = policy[role]
            let (f, m) = r.precision.resolved(format: cellFormat, mode: cellMode)
            q[role] = TensorQuantizer(format: f, mode: m, scaling: r.scaling)
        }
        quantizers = q
        accumulation = policy.accumulation.resolved(format: cellFormat, mode: cellMode)
    }

    /// The quantizer of `role`.
    public func quantizer(_ role: TensorRole) -> TensorQuantizer { quantizers[role]! }

    /// Whether `role` is binary64 with round to nearest and no scaling, i.e. not rounded at all.
    public func isExact(_ role: TensorRole) -> Bool {
        let q = quantizer(role)
        return q.format == .fp64 && q.mode == .nearestEven && q.scaling == .none
    }
}
