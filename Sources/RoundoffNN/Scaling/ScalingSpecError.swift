/// A tensor-scaling or scale-rule spec string that could not be parsed. The
/// description names the bad input and lists what is accepted.
public enum ScalingSpecError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The scaling is not one of ``TensorScaling/acceptedSpecs``.
    case unknownScaling(String)
    /// The scale rule after `mx-` is not one of ``ScaleRule/acceptedSpecs``.
    case unknownRule(String)
    /// The block size in `mxN-…` is not an integer in ``TensorScaling/blockSizeRange``.
    case blockSizeOutOfRange(String)

    /// One line naming the bad input and listing what is accepted.
    public var description: String {
        switch self {
        case .unknownScaling(let s):
            return "unknown tensor scaling '\(s)'. Accepted: \(TensorScaling.acceptedSpecs)"
        case .unknownRule(let s):
            return "unknown MX scale rule '\(s)'. Accepted: \(ScaleRule.acceptedSpecs)"
        case .blockSizeOutOfRange(let s):
            return "MX block size '\(s)' is not an integer in \(TensorScaling.blockSizeRange.lowerBound)..."
                + "\(TensorScaling.blockSizeRange.upperBound). Accepted scalings: \(TensorScaling.acceptedSpecs)"
        }
    }
}
