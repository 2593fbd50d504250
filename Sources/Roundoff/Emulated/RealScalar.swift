import RealModule

/// A `Real` scalar that converts from and to binary64: the constraint that
/// generic solvers are written against, so one body runs in `Double`,
/// `Float`, `Float16` or any ``Emulated`` format.
///
/// `init(_:)` rounds a binary64 value into the type (with the type's
/// rounding mode for ``Emulated``; to nearest for built-in types), and
/// ``doubleValue`` is exact for every conforming type.
public protocol RealScalar: Real, Codable, Sendable {
    /// Rounds a binary64 value into this type.
    init(_ value: Double)
    /// The value as binary64 (exact).
    var doubleValue: Double { get }
}

/// Binary64 itself as a ``RealScalar``: `init(_:)` and ``RealScalar/doubleValue`` are the identity.
extension Double: RealScalar {
    /// The value itself.
    @inlinable public var doubleValue: Double { self }
}

/// Hardware binary32 as a ``RealScalar``: `init(_:)` rounds to nearest
/// even, ``RealScalar/doubleValue`` widens exactly.
extension Float: RealScalar {
    /// The value widened to binary64 (exact).
    @inlinable public var doubleValue: Double { Double(self) }
}

#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
/// Hardware binary16 as a ``RealScalar``: `init(_:)` rounds to nearest
/// even, ``RealScalar/doubleValue`` widens exactly.
extension Float16: RealScalar {
    /// The value widened to binary64 (exact).
    @inlinable public var doubleValue: Double { Double(self) }
}
#endif

extension Emulated: RealScalar {
    /// The stored value, ``value`` (exact).
    @inlinable public var doubleValue: Double { value }
}
