import Roundoff

/// One operation of `precision-sweep calc`, and the number of operands it takes.
enum CalcOperation: String, CaseIterable {
    case add, sub, mul, div, sqrt, fma

    /// The operation names, for help text and error messages.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Operands the operation uses.
    var arity: Int {
        switch self {
        case .sqrt: 1
        case .add, .sub, .mul, .div: 2
        case .fma: 3
        }
    }

    /// Operands a line may carry: `sqrt a b` is accepted and ignores `b`, so
    /// a column of `op a b` lines can switch an operation to sqrt unchanged.
    var maximumOperands: Int { self == .sqrt ? 2 : arity }

    /// Applies the operation with one correct rounding of the exact result
    /// (`fma a b c` = a·b + c rounded once). Call inside
    /// `RoundingContext.with(format:mode:seed:stream:_:)`.
    func apply(_ x: [RuntimeEmulated]) -> RuntimeEmulated {
        switch self {
        case .add: x[0] + x[1]
        case .sub: x[0] - x[1]
        case .mul: x[0] * x[1]
        case .div: x[0] / x[1]
        case .sqrt: x[0].squareRoot()
        case .fma: x[2].addingProduct(x[0], x[1])
        }
    }
}
