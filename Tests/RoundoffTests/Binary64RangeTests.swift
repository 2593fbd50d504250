import Testing
@testable import Roundoff

/// Results at the edges of binary64's own range, where the binary64 head or
/// its residual overflows or underflows and the arithmetic must rescale.
/// Expected values are worked out by hand from the exact results.
struct Binary64RangeTests {
    typealias FU = Emulated<FP64, RU>
    typealias FD = Emulated<FP64, RD>
    typealias FN = Emulated<FP64, RNE>
    typealias FO = Emulated<FP64, RO>
    typealias FZ = Emulated<FP64, RNZ>
    let tiny = Double.leastNonzeroMagnitude  // 2^-1074

    @Test("products below 2^-1074 round by the exact value")
    func productsBelowSubnormalSpacing() {
        // 2^-1074 · 0.5 = 2^-1075: a tie between 0 and 2^-1074.
        #expect(FN(uncheckedValue: tiny) * FN(0.5) == FN(0))
        #expect(FU(uncheckedValue: tiny) * FU(0.5) == FU(uncheckedValue: tiny))
        #expect(FO(uncheckedValue: tiny) * FO(0.5) == FO(uncheckedValue: tiny))
        #expect((FD(uncheckedValue: -tiny) * FD(0.5)).value == -tiny)
        // (1 + 2^-52)^2 · 2^-1074 = 2^-1074 (1 + 2^-51 + 2^-104): ru must step up.
        let a = 0x1.0000000000001p-537
        #expect((FU(uncheckedValue: a) * FU(uncheckedValue: a)).value == 0x1p-1073)
        #expect((FN(uncheckedValue: a) * FN(uncheckedValue: a)).value == 0x1p-1074)
    }

    @Test("quotients in the subnormal range")
    func quotients() {
        // 2^-1070 / 3 = (16/3) · 2^-1074 = 5.33… · 2^-1074.
        #expect((FN(uncheckedValue: 0x1p-1070) / FN(3)).value == 5 * tiny)
        #expect((FU(uncheckedValue: 0x1p-1070) / FU(3)).value == 6 * tiny)
        #expect((FO(uncheckedValue: 0x1p-1070) / FO(3)).value == 5 * tiny)
        #expect((FU(uncheckedValue: tiny) / FU(3)).value == tiny)
        #expect((FD(uncheckedValue: tiny) / FD(3)).value == 0)
    }

    @Test("sums and products past binary64's largest value")
    func overflowBeyondBinary64() {
        let xmax = Double.greatestFiniteMagnitude
        // xmax + ulp(xmax)/2 is exactly the rnz overflow threshold: not above it.
        #expect((FZ(uncheckedValue: xmax) + FZ(uncheckedValue: 0x1p970)).value == xmax)
        #expect((FN(uncheckedValue: xmax) + FN(uncheckedValue: 0x1p970)).value == .infinity)
        #expect((Emulated<FP64, RZ>(uncheckedValue: 0x1p1000) * Emulated<FP64, RZ>(uncheckedValue: 0x1p30)).value == xmax)
        #expect((FU(uncheckedValue: -0x1p1000) * FU(uncheckedValue: 0x1p30)).value == -xmax)
    }
}
