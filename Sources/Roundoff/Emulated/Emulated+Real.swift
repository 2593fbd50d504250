import RealModule

// Elementary functions are evaluated in binary64 by swift-numerics (the
// platform libm) and rounded once into the format: not correctly rounded,
// but within about 1 binary64 ulp before the final rounding.
extension Emulated: ElementaryFunctions, RealFunctions, AlgebraicField, Real {
    @inlinable static func lift(_ f: (Double) -> Double, _ x: Self) -> Self { rounding(f(x.value)) }

    /// `eˣ`: binary64 `Double.exp` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func exp(_ x: Self) -> Self { lift(Double.exp, x) }
    /// `eˣ − 1`: binary64 `Double.expMinusOne` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func expMinusOne(_ x: Self) -> Self { lift(Double.expMinusOne, x) }
    /// `cosh x`: binary64 `Double.cosh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func cosh(_ x: Self) -> Self { lift(Double.cosh, x) }
    /// `sinh x`: binary64 `Double.sinh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func sinh(_ x: Self) -> Self { lift(Double.sinh, x) }
    /// `tanh x`: binary64 `Double.tanh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func tanh(_ x: Self) -> Self { lift(Double.tanh, x) }
    /// `cos x`: binary64 `Double.cos` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func cos(_ x: Self) -> Self { lift(Double.cos, x) }
    /// `sin x`: binary64 `Double.sin` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func sin(_ x: Self) -> Self { lift(Double.sin, x) }
    /// `tan x`: binary64 `Double.tan` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func tan(_ x: Self) -> Self { lift(Double.tan, x) }
    /// `ln x`: binary64 `Double.log` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func log(_ x: Self) -> Self { lift({ Double.log($0) }, x) }
    /// `ln(1 + x)`: binary64 `Double.log(onePlus:)` of the value, rounded once
    /// into the format with the type's mode (not correctly rounded).
    @inlinable public static func log(onePlus x: Self) -> Self { lift({ Double.log(onePlus: $0) }, x) }
    /// `arcosh x`: binary64 `Double.acosh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func acosh(_ x: Self) -> Self { lift(Double.acosh, x) }
    /// `arsinh x`: binary64 `Double.asinh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func asinh(_ x: Self) -> Self { lift(Double.asinh, x) }
    /// `artanh x`: binary64 `Double.atanh` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func atanh(_ x: Self) -> Self { lift(Double.atanh, x) }
    /// `arccos x`: binary64 `Double.acos` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func acos(_ x: Self) -> Self { lift(Double.acos, x) }
    /// `arcsin x`: binary64 `Double.asin` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func asin(_ x: Self) -> Self { lift(Double.asin, x) }
    /// `arctan x`: binary64 `Double.atan` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func atan(_ x: Self) -> Self { lift(Double.atan, x) }
    /// `xʸ`: binary64 `Double.pow(_:_:)` of the values (defined for `x ≥ 0`
    /// only, as in swift-numerics), rounded once into the format with the
    /// type's mode (not correctly rounded).
    @inlinable public static func pow(_ x: Self, _ y: Self) -> Self { rounding(Double.pow(x.value, y.value)) }
    /// `xⁿ` for an integer `n`: binary64 `Double.pow(_:_:)` of the value, rounded
    /// once into the format with the type's mode (not correctly rounded).
    @inlinable public static func pow(_ x: Self, _ n: Int) -> Self { rounding(Double.pow(x.value, n)) }
    /// The real `n`-th root of `x` (negative `x` allowed for odd `n`):
    /// binary64 `Double.root(_:_:)`, rounded once into the format with the
    /// type's mode (not correctly rounded).
    @inlinable public static func root(_ x: Self, _ n: Int) -> Self { rounding(Double.root(x.value, n)) }
    /// `√x`, correctly rounded (same as ``squareRoot()``).
    @inlinable public static func sqrt(_ x: Self) -> Self { x.squareRoot() }
    /// The angle of the point `(x, y)` in `[−π, π]`: binary64
    /// `Double.atan2(y:x:)`, rounded once into the format with the type's
    /// mode (not correctly rounded).
    @inlinable public static func atan2(y: Self, x: Self) -> Self { rounding(Double.atan2(y: y.value, x: x.value)) }
    /// `erf x`: binary64 `Double.erf` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func erf(_ x: Self) -> Self { lift(Double.erf, x) }
    /// `erfc x = 1 − erf x`: binary64 `Double.erfc` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func erfc(_ x: Self) -> Self { lift(Double.erfc, x) }
    /// `2ˣ`: binary64 `Double.exp2` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func exp2(_ x: Self) -> Self { lift(Double.exp2, x) }
    /// `10ˣ`: binary64 `Double.exp10` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func exp10(_ x: Self) -> Self { lift(Double.exp10, x) }
    /// `√(x² + y²)` without intermediate overflow: binary64
    /// `Double.hypot(_:_:)`, rounded once into the format with the type's
    /// mode (not correctly rounded).
    @inlinable public static func hypot(_ x: Self, _ y: Self) -> Self { rounding(Double.hypot(x.value, y.value)) }
    /// `Γ(x)`: binary64 `Double.gamma` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func gamma(_ x: Self) -> Self { lift(Double.gamma, x) }
    /// `log₂ x`: binary64 `Double.log2` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func log2(_ x: Self) -> Self { lift(Double.log2, x) }
    /// `log₁₀ x`: binary64 `Double.log10` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func log10(_ x: Self) -> Self { lift(Double.log10, x) }
    /// `log |Γ(x)|`: binary64 `Double.logGamma` of the value, rounded once into the
    /// format with the type's mode (not correctly rounded; see ``Emulated``).
    @inlinable public static func logGamma(_ x: Self) -> Self { lift(Double.logGamma, x) }
    /// `a·b + c` rounded once (an FMA), not twice.
    @inlinable public static func _mulAdd(_ a: Self, _ b: Self, _ c: Self) -> Self { c.addingProduct(a, b) }
}
