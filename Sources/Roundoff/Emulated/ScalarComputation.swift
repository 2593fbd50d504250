/// A computation generic over the scalar type, so that a format and mode
/// chosen at run time can still run specialised code: see
/// ``RoundingContext/run(_:format:mode:seed:stream:)``.
///
/// ```swift
/// struct Harmonic: ScalarComputation {
///     let n: Int
///     func run<T: RealScalar>(_: T.Type) -> Double {
///         var s = T.zero
///         for i in 1...n { s += 1 / T(Double(i)) }
///         return s.doubleValue
///     }
/// }
/// let sum = RoundingContext.run(Harmonic(n: 1000), format: .bf16, mode: .stochastic, seed: 1)
/// ```
public protocol ScalarComputation {
    /// The result type, the same for every scalar type (typically `Double`
    /// or an array of `Double`s, so results of different precisions compare).
    associatedtype Output
    /// Runs the computation in the scalar type `T`.
    func run<T: RealScalar>(_ type: T.Type) -> Output
}

extension RoundingContext {
    /// Runs `computation` in a scalar of `format` rounded with `mode`, with the
    /// stochastic stream `(seed, stream)`.
    ///
    /// The mode is dispatched once, here, to a compile-time mode type
    /// (`Emulated<RuntimeFormat, RNE>`, …), so every operation inside is
    /// specialised for its mode and reads only the format's constants from
    /// the thread's context. Few-bit `sr:R` uses the fully dynamic
    /// ``RuntimeEmulated``.
    @inlinable
    public static func run<C: ScalarComputation>(
        _ computation: C, format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0
    ) -> C.Output {
        with(format: format, mode: mode, seed: seed, stream: stream) {
            switch mode {
            case .nearestEven: computation.run(Emulated<RuntimeFormat, RNE>.self)
            case .nearestAway: computation.run(Emulated<RuntimeFormat, RNA>.self)
            case .nearestTowardZero: computation.run(Emulated<RuntimeFormat, RNZ>.self)
            case .up: computation.run(Emulated<RuntimeFormat, RU>.self)
            case .down: computation.run(Emulated<RuntimeFormat, RD>.self)
            case .towardZero: computation.run(Emulated<RuntimeFormat, RZ>.self)
            case .odd: computation.run(Emulated<RuntimeFormat, RO>.self)
            case .stochastic(nil): computation.run(Emulated<RuntimeFormat, SR>.self)
            case .stochasticHalf: computation.run(Emulated<RuntimeFormat, SRHalf>.self)
            case .stochastic: computation.run(RuntimeEmulated.self)
            }
        }
    }
}
