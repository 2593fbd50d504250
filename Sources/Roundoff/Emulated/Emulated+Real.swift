import RealModule

// Elementary functions are evaluated in binary64 by swift-numerics (the
// platform libm) and rounded once into the format: not correctly rounded,
// but within about 1 binary64 ulp before the final rounding.
extension Emulated: ElementaryFunctions, RealFunctions, AlgebraicField, Real {
    @inlinable static func lift(_ f: (Double) -> Double, _ x: Self) -> Self { rounding(f(x.value)) }

    @inlinable public static func exp(_ x: Self) -> Self { lift(Double.exp, x) }
    @inlinable public static func expMinusOne(_ x: Self) -> Self { lift(Double.expMinusOne, x) }
    @inlinable public static func cosh(_ x: Self) -> Self { lift(Double.cosh, x) }
    @inlinable public static func sinh(_ x: Self) -> Self { lift(Double.sinh, x) }
    @inlinable public static func tanh(_ x: Self) -> Self { lift(Double.tanh, x) }
    @inlinable public static func cos(_ x: Self) -> Self { lift(Double.cos, x) }
    @inlinable public static func sin(_ x: Self) -> Self { lift(Double.sin, x) }
    @inlinable public static func tan(_ x: Self) -> Self { lift(Double.tan, x) }
    @inlinable public static func log(_ x: Self) -> Self { lift({ Double.log($0) }, x) }
    @inlinable public static func log(onePlus x: Self) -> Self { lift({ Double.log(onePlus: $0) }, x) }
    @inlinable public static func acosh(_ x: Self) -> Self { lift(Double.acosh, x) }
    @inlinable public static func asinh(_ x: Self) -> Self { lift(Double.asinh, x) }
    @inlinable public static func atanh(_ x: Self) -> Self { lift(Double.atanh, x) }
    @inlinable public static func acos(_ x: Self) -> Self { lift(Double.acos, x) }
    @inlinable public static func asin(_ x: Self) -> Self { lift(Double.asin, x) }
    @inlinable public static func atan(_ x: Self) -> Self { lift(Double.atan, x) }
    @inlinable public static func pow(_ x: Self, _ y: Self) -> Self { rounding(Double.pow(x.value, y.value)) }
    @inlinable public static func pow(_ x: Self, _ n: Int) -> Self { rounding(Double.pow(x.value, n)) }
    @inlinable public static func root(_ x: Self, _ n: Int) -> Self { rounding(Double.root(x.value, n)) }
    /// `√x`, correctly rounded (same as ``squareRoot()``).
    @inlinable public static func sqrt(_ x: Self) -> Self { x.squareRoot() }
    @inlinable public static func atan2(y: Self, x: Self) -> Self { rounding(Double.atan2(y: y.value, x: x.value)) }
    @inlinable public static func erf(_ x: Self) -> Self { lift(Double.erf, x) }
    @inlinable public static func erfc(_ x: Self) -> Self { lift(Double.erfc, x) }
    @inlinable public static func exp2(_ x: Self) -> Self { lift(Double.exp2, x) }
    @inlinable public static func exp10(_ x: Self) -> Self { lift(Double.exp10, x) }
    @inlinable public static func hypot(_ x: Self, _ y: Self) -> Self { rounding(Double.hypot(x.value, y.value)) }
    @inlinable public static func gamma(_ x: Self) -> Self { lift(Double.gamma, x) }
    @inlinable public static func log2(_ x: Self) -> Self { lift(Double.log2, x) }
    @inlinable public static func log10(_ x: Self) -> Self { lift(Double.log10, x) }
    @inlinable public static func logGamma(_ x: Self) -> Self { lift(Double.logGamma, x) }
    /// `a·b + c` rounded once (an FMA), not twice.
    @inlinable public static func _mulAdd(_ a: Self, _ b: Self, _ c: Self) -> Self { c.addingProduct(a, b) }
}
