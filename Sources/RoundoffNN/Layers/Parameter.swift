/// A trainable tensor with everything its update rule and optimizer keep.
///
/// `values` are the weights as updates leave them: in the master role's
/// precision under ``WeightUpdate/master`` (the products read them
/// quantized into the weights role), in the weights role otherwise.
public final class Parameter {
    /// Rows (inputs) of the weight matrix; 1 for a bias.
    public let rows: Int
    /// Columns (outputs).
    public let columns: Int
    /// The stored weights (see the type's description).
    public var values: [Double]
    /// The compensation (Kahan) or low component (Collage), in the weights role.
    public var compensation: [Double]
    /// Optimizer state vectors (momentum; Adam's m and v), in the optimizer role.
    public var state: [[Double]] = []
    /// The last gradient (scaled by the loss scale), in the gradients role.
    public var gradient: [Double]
    /// Whether L2 regularisation applies (weights yes, biases no).
    public let decays: Bool

    /// A parameter with initial values.
    public init(rows: Int, columns: Int, values: [Double], decays: Bool) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
        self.decays = decays
        compensation = [Double](repeating: 0, count: values.count)
        gradient = [Double](repeating: 0, count: values.count)
    }

    /// The stored weights as a tensor.
    public var tensor: Tensor { Tensor(rows: rows, columns: columns, values: values) }
}
