extension Emulated: Codable {
    /// Decodes a number and rounds it into the format.
    @inlinable public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Double.self))
    }

    /// Encodes the exact value as a `Double`.
    @inlinable public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
