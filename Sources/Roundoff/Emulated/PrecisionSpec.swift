/// Names a format at compile time, for ``Emulated``.
///
/// Conform an uninhabited enum and return the format from a computed property
/// built from literals, so that the compiler folds the rounding constants:
///
/// ```swift
/// enum P5E7: FormatSpec {
///     static var format: FloatFormat { try! FloatFormat(precision: 5, maxExponent: 7) }
/// }
/// typealias Tiny = Emulated<P5E7, RNE>
/// ```
public protocol FormatSpec {
    /// The format values of the emulated type are rounded into.
    static var format: FloatFormat { get }
}

/// Names a rounding mode at compile time, for ``Emulated``.
public protocol ModeSpec {
    /// The mode every operation of the emulated type rounds with.
    static var mode: RoundingMode { get }
}

/// The format chosen at run time with ``RoundingContext/with(format:mode:seed:stream:_:)``.
/// Reading it outside such a scope is a precondition failure.
public enum RuntimeFormat: FormatSpec {
    @inlinable @inline(__always)
    public static var format: FloatFormat { RoundingContext.currentFormat }
}

/// The mode chosen at run time with ``RoundingContext/with(format:mode:seed:stream:_:)``.
public enum RuntimeMode: ModeSpec {
    @inlinable public static var mode: RoundingMode { RoundingContext.currentKernel.mode }
}

/// An emulated scalar whose format and mode are both chosen at run time: the
/// type a sweep instantiates its generic solvers with.
public typealias RuntimeEmulated = Emulated<RuntimeFormat, RuntimeMode>
