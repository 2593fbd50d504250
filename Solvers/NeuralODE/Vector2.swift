import RealModule
import Roundoff

/// A point or tangent vector of the plane, `(x, y)`, in `Scalar`: the state
/// of the two-dimensional neural ODE and its cotangents (adjoints).
///
/// The operators round once per component in `Scalar` (they are the
/// two-term updates of the Runge–Kutta stages; longer sums go through the
/// accumulation type explicitly).
@frozen
public struct Vector2<Scalar: RealScalar>: Equatable {
    /// The first component.
    public var x: Scalar
    /// The second component.
    public var y: Scalar

    /// The vector `(x, y)`.
    @inlinable
    public init(_ x: Scalar, _ y: Scalar) {
        self.x = x
        self.y = y
    }

    /// The zero vector.
    @inlinable public static var zero: Vector2 { Vector2(.zero, .zero) }

    /// `(x, y)` of binary64 values, each rounded once into `Scalar`.
    @inlinable
    public init(rounding v: Vector2<Double>) {
        self.init(Scalar(v.x), Scalar(v.y))
    }

    /// The components as binary64 (exact).
    @inlinable public var doubleValue: Vector2<Double> { Vector2<Double>(x.doubleValue, y.doubleValue) }

    /// `u + c·v`, each component `fl(uᵢ + fl(c·vᵢ))`.
    @inlinable @inline(__always)
    public static func axpy(_ u: Vector2, _ c: Scalar, _ v: Vector2) -> Vector2 {
        Vector2(u.x + c * v.x, u.y + c * v.y)
    }

    /// `c·v`, each component rounded once.
    @inlinable @inline(__always)
    public static func * (c: Scalar, v: Vector2) -> Vector2 { Vector2(c * v.x, c * v.y) }

    /// `u + v`, each component rounded once.
    @inlinable @inline(__always)
    public static func + (u: Vector2, v: Vector2) -> Vector2 { Vector2(u.x + v.x, u.y + v.y) }

    /// Whether both components are finite.
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }
}
