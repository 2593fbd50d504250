import Foundation

/// Mean softmax cross-entropy over a batch of logits, and its gradient.
///
/// Computed in binary64 from the (low-precision) logits, as mixed-precision
/// recipes compute the loss in fp32 or wider: the loss is a metric and the
/// gradient's rounding happens when the caller rounds it into the errors role.
public enum SoftmaxCrossEntropy {
    /// The loss `−(1/m) Σᵢ log softmax(zᵢ)[yᵢ]` and `scale · ∂loss/∂z`
    /// (`(softmax(z) − onehot(y)) · scale / m`), in binary64.
    public static func evaluate(logits z: Tensor, labels: [Int], scale: Double) -> (loss: Double, gradient: Tensor) {
        precondition(labels.count == z.rows)
        var g = Tensor(rows: z.rows, columns: z.columns)
        var loss = 0.0
        let m = Double(z.rows)
        for i in 0..<z.rows {
            let row = z.values[i * z.columns ..< (i + 1) * z.columns]
            let top = row.max() ?? 0
            let total = row.reduce(0) { $0 + exp($1 - top) }
            loss += log(total) + top - z[i, labels[i]]
            for j in 0..<z.columns {
                let p = exp(z[i, j] - top) / total
                g[i, j] = (p - (j == labels[i] ? 1 : 0)) * scale / m
            }
        }
        return (loss / m, g)
    }

    /// The index of the largest logit of each row.
    public static func predictions(_ z: Tensor) -> [Int] {
        (0..<z.rows).map { i in
            var best = 0
            for j in 1..<z.columns where z[i, j] > z[i, best] { best = j }
            return best
        }
    }
}
