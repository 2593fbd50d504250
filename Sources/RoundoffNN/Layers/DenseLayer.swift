import Roundoff

/// A fully connected layer `a = f(x·W + b)` whose products and elementwise
/// operations run under a ``TrainingArithmetic``.
///
/// Forward: x (activations role) and W (weights role) are quantized with
/// blocks along the reduction dimension, multiplied with rounded
/// accumulation, the bias added and f applied in the activations'
/// elementwise precision. Backward: errors are formed in the errors
/// role; `dW = xᵀ·δ` (reduction over the batch) is rounded into the
/// gradients role, `db` is the batch sum of δ, `dx = δ·Wᵀ`.
public final class DenseLayer {
    /// Weights, `inputs × outputs`.
    public let weight: Parameter
    /// Bias, `1 × outputs`.
    public let bias: Parameter
    /// The activation function.
    public let activation: Activation

    /// A layer with the given parameters.
    public init(weight: Parameter, bias: Parameter, activation: Activation) {
        precondition(bias.rows == 1 && bias.columns == weight.columns)
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    /// A layer with weights drawn uniformly from ±1/√inputs (PyTorch's
    /// `nn.Linear` default) from `stream`, and zero bias.
    public convenience init(inputs: Int, outputs: Int, activation: Activation, stream: StochasticStream) {
        let bound = 1 / Double(inputs).squareRoot()
        let w = (0..<inputs * outputs).map { i in
            (Double(stream.bits(at: UInt64(i)) >> 11) * 0x1p-53 * 2 - 1) * bound
        }
        self.init(weight: Parameter(rows: inputs, columns: outputs, values: w, decays: true),
                  bias: Parameter(rows: 1, columns: outputs, values: [Double](repeating: 0, count: outputs), decays: false),
                  activation: activation)
    }

    /// What the backward pass needs from the forward pass.
    public struct Cache {
        /// The layer input.
        public let input: Tensor
        /// The pre-activation x·W + b.
        public let preactivation: Tensor
        /// The output f(x·W + b).
        public let output: Tensor
        /// x and W as the forward product read them (reused by the backward
        /// products when their roles are unscaled).
        let quantizedInput: Tensor, quantizedWeight: Tensor
    }

    /// The forward pass on a batch (`rows` examples).
    public func forward(_ x: Tensor, _ arith: TrainingArithmetic) -> Cache {
        let xq = arith.quantized(x, .activations, blocks: .alongRows)
        let wq = arith.quantized(weight.tensor, .weights, blocks: .alongColumns)
        var z = arith.product(xq, wq, output: .activations)
        let biasValues = arith.quantized(bias.tensor, .weights, blocks: .alongRows).values
        let p = arith.elementwisePrecision(.activations)
        if !(p.format == .fp64 && p.mode == .nearestEven) {
            let kernel = RoundingKernel(format: p.format, mode: p.mode)
            let s = arith.stream()
            let n = z.columns
            z.values.withUnsafeMutableBufferPointer { zv in
                for i in 0..<z.rows {
                    kernel.accumulate(1, biasValues, into: zv.baseAddress! + i * n, count: n, stream: s,
                                      firstIndex: UInt64(i * n))
                }
            }
        } else {
            for i in 0..<z.rows { for j in 0..<z.columns { z.values[i * z.columns + j] += biasValues[j] } }
        }
        var a = z
        if activation != .identity {
            a.values.withUnsafeMutableBufferPointer { arith.run(ActivationForward(activation: activation, values: $0), in: p) }
        }
        return Cache(input: x, preactivation: z, output: a, quantizedInput: xq, quantizedWeight: wq)
    }

    /// The backward pass: from the error at the output (∂L/∂a, errors role)
    /// sets `weight.gradient` and `bias.gradient` (gradients role) and
    /// returns ∂L/∂x (errors role), or nil when `needsInputError` is false.
    @discardableResult
    public func backward(_ outputError: Tensor, cache: Cache, _ arith: TrainingArithmetic, needsInputError: Bool = true) -> Tensor? {
        var delta = outputError
        if activation != .identity {
            cache.preactivation.values.withUnsafeBufferPointer { z in
                cache.output.values.withUnsafeBufferPointer { a in
                    delta.values.withUnsafeMutableBufferPointer { d in
                        arith.run(ActivationBackward(activation: activation, inputs: z, outputs: a, errors: d),
                                  in: arith.elementwisePrecision(.errors))
                    }
                }
            }
        }
        let xq = arith.quantized(cache.input, .activations, blocks: .alongColumns, reusing: cache.quantizedInput)
        let dq = arith.quantized(delta, .errors, blocks: .alongColumns)
        var dw = arith.product(xq, dq, transposeA: true, output: nil)
        arith.roundGradients(&dw.values)
        weight.gradient = dw.values
        // db: the batch sum of δ, in the accumulation precision.
        let ones = Tensor(rows: 1, columns: delta.rows, repeating: 1)
        var db = arith.product(ones, dq, output: nil)
        arith.roundGradients(&db.values)
        bias.gradient = db.values
        guard needsInputError else { return nil }
        let dr = arith.quantized(delta, .errors, blocks: .alongRows, reusing: dq)
        let wr = arith.quantized(weight.tensor, .weights, blocks: .alongRows, reusing: cache.quantizedWeight)
        return arith.product(dr, wr, transposeB: true, output: .errors)
    }

    /// The layer's parameters.
    public var parameters: [Parameter] { [weight, bias] }
}
