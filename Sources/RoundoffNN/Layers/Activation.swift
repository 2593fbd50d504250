import RealModule
import Roundoff

/// An elementwise activation function, written once for every scalar type.
public enum Activation: String, Sendable, CaseIterable {
    /// max(0, z): exact in every format.
    case relu
    /// tanh(z): computed in binary64 and rounded once (the emulated
    /// scalar's elementary functions; error ≤ 1 ulp of binary64 before rounding).
    case tanh
    /// z.
    case identity

    /// f(z).
    @inlinable
    public func value<T: RealScalar>(_ z: T) -> T {
        switch self {
        case .relu: z > 0 ? z : 0
        case .tanh: T.tanh(z)
        case .identity: z
        }
    }

    /// f′(z), from the input `z` or the output `a = f(z)`: 1 − a² for tanh
    /// (two rounded operations), the step function for relu.
    @inlinable
    public func derivative<T: RealScalar>(input z: T, output a: T) -> T {
        switch self {
        case .relu: z > 0 ? 1 : 0
        case .tanh: 1 - a * a
        case .identity: 1
        }
    }
}

/// `values[i] ← f(values[i])` in the scalar type the computation runs in.
struct ActivationForward: ScalarComputation {
    let activation: Activation
    let values: UnsafeMutableBufferPointer<Double>

    func run<T: RealScalar>(_: T.Type) {
        for i in values.indices { values[i] = activation.value(T(values[i])).doubleValue }
    }
}

/// `errors[i] ← errors[i] · f′(inputs[i], outputs[i])`, each product rounded.
struct ActivationBackward: ScalarComputation {
    let activation: Activation
    let inputs: UnsafeBufferPointer<Double>
    let outputs: UnsafeBufferPointer<Double>
    let errors: UnsafeMutableBufferPointer<Double>

    func run<T: RealScalar>(_: T.Type) {
        for i in errors.indices {
            let d = activation.derivative(input: T(inputs[i]), output: T(outputs[i]))
            errors[i] = (T(errors[i]) * d).doubleValue
        }
    }
}
