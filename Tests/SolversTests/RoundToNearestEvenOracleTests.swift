import Testing

/// The test oracle itself, on cases worked out by hand.
struct RoundToNearestEvenOracleTests {
    @Test func roundsToEightBits() {
        #expect(bf16(1) == 1)
        #expect(bf16(1 + 0x1p-8) == 1)                  // tie, even lsb: down
        #expect(bf16(1 + 0x1p-7 + 0x1p-8) == 1 + 0x1p-6) // tie, odd lsb: up
        #expect(bf16(1 + 0x1p-8 + 0x1p-30) == 1 + 0x1p-7) // above the tie
        #expect(bf16(2 - 0x1p-9) == 2)                  // carry into the exponent
        #expect(bf16(-(1 + 0x1p-7 + 0x1p-8)) == -(1 + 0x1p-6))
        #expect(bf16(0.1) == 0.10009765625)             // 0x1.9ap-4
    }
}
