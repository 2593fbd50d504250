import Roundoff

/// Dense layers with a hidden activation and linear outputs (logits).
public final class MultilayerPerceptron {
    /// The layers, input first.
    public let layers: [DenseLayer]

    /// A network with the given layer widths (`[64, 32, 10]` is 64 → 32 → 10),
    /// `hidden` between layers and identity at the output; weights from
    /// `stream` (each layer its own range of positions).
    public init(widths: [Int], hidden: Activation, stream: StochasticStream) {
        precondition(widths.count >= 2)
        var layers: [DenseLayer] = []
        for l in 0..<widths.count - 1 {
            let s = StochasticStream(key: stream.bits(at: UInt64(1 << 40 + l)))
            layers.append(DenseLayer(inputs: widths[l], outputs: widths[l + 1],
                                     activation: l == widths.count - 2 ? .identity : hidden, stream: s))
        }
        self.layers = layers
    }

    /// Every parameter, input layer first.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The forward pass: the caches of every layer; the last cache's output is the logits.
    public func forward(_ x: Tensor, _ arith: TrainingArithmetic) -> [DenseLayer.Cache] {
        var caches: [DenseLayer.Cache] = []
        var a = x
        for layer in layers {
            let c = layer.forward(a, arith)
            caches.append(c)
            a = c.output
        }
        return caches
    }

    /// The backward pass from the logits' error (errors role): sets every
    /// parameter's gradient.
    public func backward(_ logitError: Tensor, caches: [DenseLayer.Cache], _ arith: TrainingArithmetic) {
        var e = logitError
        for l in layers.indices.reversed() {
            guard let next = layers[l].backward(e, cache: caches[l], arith, needsInputError: l > 0) else { break }
            e = next
        }
    }
}
