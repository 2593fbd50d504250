import Foundation

/// Mean logistic loss of one logit per example with labels 0 / 1:
/// `(1/m) Σ log(1 + exp(−sᵢ zᵢ))` with `sᵢ = 2yᵢ − 1`, computed stably in binary64.
public enum LogisticLoss {
    /// The loss and `scale · ∂loss/∂z` (`−sᵢ σ(−sᵢ zᵢ) · scale / m`).
    public static func evaluate(logits z: Tensor, labels: [Int], scale: Double) -> (loss: Double, gradient: Tensor) {
        precondition(z.columns == 1 && labels.count == z.rows)
        var g = Tensor(rows: z.rows, columns: 1)
        var loss = 0.0
        let m = Double(z.rows)
        for i in 0..<z.rows {
            let s = labels[i] == 1 ? 1.0 : -1.0
            let t = -s * z.values[i]
            loss += t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))
            let sigma = t > 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t))
            g.values[i] = -s * sigma * scale / m
        }
        return (loss / m, g)
    }
}
