import Roundoff
import Testing
@testable import RoundoffNN

/// MX scale exponents against the rules' definitions, evaluated here with
/// exact binary64 arithmetic on powers of two.
@Suite("MX scale rules")
struct ScaleRuleTests {
    @Test func fp8E4M3FloorIsFloorLog2MinusEight() {
        // OCP MX v1.0: X = 2^(⌊log2 amax⌋ − emax), emax(e4m3) = 8.
        let cases: [(Double, Int)] = [(300, 0), (448, 0), (480, 0), (1000, 1), (0.01, -15), (1, -8), (0x1p-20, -28)]
        for (amax, e) in cases {
            #expect(ScaleRule.floor.scaleExponent(forBlockMaximum: amax, element: .e4m3) == e, "amax \(amax)")
        }
    }

    @Test func fp8E5M2FloorUsesEmax15() {
        #expect(ScaleRule.floor.scaleExponent(forBlockMaximum: 1000, element: .e5m2) == 9 - 15)
        #expect(ScaleRule.floor.scaleExponent(forBlockMaximum: 57344, element: .e5m2) == 0)
    }

    @Test func ceilIsTheSmallestPowerOfTwoKeepingAmaxWithinXmax() {
        // Definition: amax / 2^e ≤ xmax and amax / 2^(e−1) > xmax.
        var amax = 0x1p-30
        for format in [FloatFormat.e4m3, .e5m2, .e3m2, .e2m3, .e2m1] {
            for _ in 0..<400 {
                amax *= 1.0371
                if amax > 0x1p30 { amax = 0x1p-30 }
                let e = ScaleRule.ceil.scaleExponent(forBlockMaximum: amax, element: format)!
                let xmax = format.greatestFiniteMagnitude
                #expect(amax / Double(sign: .plus, exponent: e, significand: 1) <= xmax)
                #expect(amax / Double(sign: .plus, exponent: e - 1, significand: 1) > xmax)
            }
        }
    }

    @Test func evenRoundsAmaxToElementPrecisionFirst() {
        // fp4-e2m1, p = 2: amax in [4, 8) rounds to 8 from 7 = 1.75·4 on.
        #expect(ScaleRule.even.scaleExponent(forBlockMaximum: 6.9, element: .e2m1) == 0)
        #expect(ScaleRule.even.scaleExponent(forBlockMaximum: 7, element: .e2m1) == 1)
        // fp8-e4m3, p = 4: the step is at (2 − 1/16)·256 = 496.
        #expect(ScaleRule.even.scaleExponent(forBlockMaximum: 495.9, element: .e4m3) == 0)
        #expect(ScaleRule.even.scaleExponent(forBlockMaximum: 496, element: .e4m3) == 1)
    }

    @Test func e8m0ClampsAndSpecialBlocks() {
        #expect(ScaleRule.floor.scaleExponent(forBlockMaximum: 0x1p-135, element: .e4m3) == -127)
        #expect(ScaleRule.ceil.scaleExponent(forBlockMaximum: 0x1p200, element: .e4m3) == 127)
        #expect(ScaleRule.even.scaleExponent(forBlockMaximum: 0, element: .e2m1) == -127)
        #expect(ScaleRule.floor.scaleExponent(forBlockMaximum: .nan, element: .e2m1) == nil)
        #expect(ScaleRule.ceil.scaleExponent(forBlockMaximum: .infinity, element: .e2m1) == nil)
    }
}
