import Roundoff

/// How one tensor role is stored: a format and mode (possibly the cell's)
/// and a scaling.
public struct RolePrecision: Sendable, Hashable {
    /// Format and rounding mode of the role's elements.
    public var precision: PrecisionChoice
    /// How the tensor is scaled before its elements are rounded.
    public var scaling: TensorScaling

    /// A role's precision.
    public init(_ precision: PrecisionChoice = .cell, scaling: TensorScaling = .none) {
        self.precision = precision
        self.scaling = scaling
    }

    /// `FORMAT/MODE/SCALING`, omitting a scaling of `none`.
    public var spec: String {
        scaling == .none ? precision.spec : "\(precision.format?.spec ?? "*")/\(precision.mode?.spec ?? "*")/\(scaling.spec)"
    }
}
