import Foundation
import Testing
import Roundoff
import Solvers
import SolverWorkloads

/// The fixture table: independent 40-digit mpmath values
/// (`scripts/bessel-reference.py`, each point checked by the Wronskian).
enum BesselFixture {
    static let table: BesselReferenceTable = {
        let url = Bundle.module.url(forResource: "Fixtures/bessel-reference", withExtension: "csv")!
        return try! BesselReferenceTable(csv: String(contentsOf: url, encoding: .utf8))
    }()

    /// `|computed − ref| / max(|ref|, 1)`.
    static func error(_ computed: Double, _ ref: Double) -> Double {
        computed.isFinite ? abs(computed - ref) / max(abs(ref), 1) : .infinity
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.isEmpty ? .nan : s[s.count / 2]
    }
}

@Suite struct LogBesselTests {
    @Test func binary64MatchesTheTableEverywhere() {
        var byRegion: [String: [Double]] = [:]
        var worst = (0.0, "")
        for row in BesselFixture.table.rows {
            let ei = BesselFixture.error(LogBessel.logI(order: row.order, row.x), row.logI)
            let ek = BesselFixture.error(LogBessel.logK(order: row.order, row.x), row.logK)
            byRegion["I \(BesselRegion.forI(order: row.order, row.x))", default: []].append(ei)
            byRegion["K \(BesselRegion.forK(order: row.order, row.x))", default: []].append(ek)
            if ei > worst.0 { worst = (ei, "log I at v=\(row.order) x=\(row.x)") }
            if ek > worst.0 { worst = (ek, "log K at v=\(row.order) x=\(row.x)") }
        }
        for (region, errors) in byRegion.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%@: %d points, max %.2e, median %.2e", region, errors.count,
                         errors.max()!, BesselFixture.median(errors)))
        }
        print("worst: \(worst.0) \(worst.1)")
        #expect(worst.0 <= 1e-13, "\(worst.1)")
        #expect(BesselFixture.table.rows.count >= 700)
    }

    /// `I_v K_{v+1} + I_{v+1} K_v = 1/x` (DLMF 10.28.2) in log space; the
    /// four logs' absolute errors (each about ε·|log f|) add, hence the
    /// tolerance in terms of their sizes.
    @Test(arguments: [0.0, 0.5, 3.7, 19.5, 20, 263.4, 1000, 16383])
    func wronskian(order v: Double) {
        for e in stride(from: -6.0, through: 5.0, by: 0.5) {
            let x = pow(10, e)
            let li = LogBessel.logI(order: v, x), lk = LogBessel.logK(order: v, x)
            let li1 = LogBessel.logI(order: v + 1, x), lk1 = LogBessel.logK(order: v + 1, x)
            let a = li + lk1, b = li1 + lk
            let m = max(a, b)
            let lhs = m + log(exp(a - m) + exp(b - m))
            let tolerance = 1e-14 * (abs(li) + abs(lk) + abs(li1) + abs(lk1) + 1)
            #expect(abs(lhs + log(x)) <= tolerance, "v=\(v) x=\(x): \(lhs) vs \(-log(x))")
        }
    }

    @Test func naivePathLeavesTheRangeWhereTheLogPathDoesNot() {
        // I₀(1000) = e^1000/√(2π·1000)·(1 + …) overflows binary64.
        #expect(NaiveBessel.logI(order: 0.0, 1000.0) == .infinity)
        let logI = LogBessel.logI(order: 0.0, 1000.0)
        #expect(abs(logI - (1000 - 0.5 * log(2 * Double.pi * 1000))) < 1e-3)
        // K_1000(1) ≈ √(π/2000)(e/2000)^−1000 overflows; I_10⁴(10⁻⁶) underflows.
        #expect(NaiveBessel.logK(order: 1000.0, 1.0) == .infinity)
        #expect(NaiveBessel.logI(order: 10000.0, 1e-6) == -.infinity)
        #expect(LogBessel.logK(order: 1000.0, 1.0).isFinite)
        #expect(LogBessel.logI(order: 10000.0, 1e-6).isFinite)
        // In the table: the naive path is non-finite at some points of every
        // large order and the log path finite at all.
        let rows = BesselFixture.table.rows.filter { $0.order >= 1000 }
        #expect(rows.contains { !NaiveBessel.logI(order: $0.order, $0.x).isFinite })
        #expect(rows.contains { !NaiveBessel.logK(order: $0.order, $0.x).isFinite })
        #expect(BesselFixture.table.rows.allSatisfy {
            LogBessel.logI(order: $0.order, $0.x).isFinite && LogBessel.logK(order: $0.order, $0.x).isFinite
        })
    }

    /// Where the naive path is not finite in the format, the log path's
    /// error is within a small multiple of the unit roundoff times the
    /// condition of `log f` with respect to rounding the inputs into the
    /// format: `x ∂ₓ log f ≈ √(x² + v²)`, `v ∂ᵥ log f ≈ ∓v asinh(v/x)`
    /// (from the Debye form), relative to `max(|log f|, 1)`; rounding `v`
    /// and `x` (each by `u` relative) moves `log f` by `u` times that sum.
    func lowPrecision<T: RealScalar>(_: T.Type, u: Double) -> (checked: Int, worstUnits: Double) {
        var checked = 0
        var worst = 0.0
        for row in BesselFixture.table.rows {
            let v = T(row.order), x = T(row.x)
            let vd = row.order, xd = row.x
            let condition = ((xd * xd + vd * vd).squareRoot() + vd * asinh(vd / xd))
            for (logPath, naive, ref) in [(LogBessel.logI(order: v, x), NaiveBessel.logI(order: v, x), row.logI),
                                      (LogBessel.logK(order: v, x), NaiveBessel.logK(order: v, x), row.logK)]
            where !naive.doubleValue.isFinite {
                checked += 1
                let scale = max(abs(ref), 1)
                let units = BesselFixture.error(logPath.doubleValue, ref) / (u * (1 + condition / scale))
                worst = max(worst, units)
            }
        }
        return (checked, worst)
    }

    @Test func fp32AndBF16WithinTheirUnitRoundoff() {
        let fp32 = lowPrecision(Emulated<FP32, RNE>.self, u: 0x1p-24)
        let bf16 = lowPrecision(Emulated<BF16, RNE>.self, u: 0x1p-8)
        print("fp32: \(fp32.checked) points, worst \(fp32.worstUnits) u·(1 + cond)")
        print("bf16: \(bf16.checked) points, worst \(bf16.worstUnits) u·(1 + cond)")
        #expect(fp32.checked > 50 && bf16.checked > 50)
        #expect(fp32.worstUnits <= 8)
        #expect(bf16.worstUnits <= 8)
    }

    @Test(arguments: [2048, 8192, 32768])
    func vonMisesFisherNormalizer(dimension d: Int) {
        let normalizer = VonMisesFisherNormalizer(dimension: d)
        let rows = BesselFixture.table.rows.filter { $0.order == Double(d) / 2 - 1 }
        #expect(rows.count > 40)
        var naiveFailures = 0
        for row in rows {
            let reference = normalizer.order * log(row.x) - Double(d) / 2 * log(2 * Double.pi) - row.logI
            #expect(BesselFixture.error(normalizer.logNormalizer(row.x), reference) <= 1e-13, "d=\(d) κ=\(row.x)")
            if !normalizer.naiveLogNormalizer(row.x).isFinite { naiveFailures += 1 }
        }
        #expect(naiveFailures > rows.count / 2)
    }

    @Test func debyePolynomialsMatchDLMF() {
        // u₁ = (3p − 5p³)/24, u₂ = (81p² − 462p⁴ + 385p⁶)/1152 (DLMF 10.41.10).
        let p = 0.37
        let u1 = (3 * p - 5 * p * p * p) / 24
        let u2 = (81 * p * p - 462 * pow(p, 4) + 385 * pow(p, 6)) / 1152
        // v = 10⁸: the u₃/v³ term (|u₃| < 0.02) is below 10⁻²⁵.
        let v = 1e8
        let tail = DebyePolynomials.tail(p: p, order: v, alternating: false)
        #expect(abs(tail - (u1 / v + u2 / (v * v))) < 1e-23)
        let alternating = DebyePolynomials.tail(p: p, order: v, alternating: true)
        #expect(abs(alternating - (-u1 / v + u2 / (v * v))) < 1e-23)
    }

    @Test func invalidArgumentsGiveNaN() {
        #expect(LogBessel.logI(order: -1.0, 1.0).isNaN)
        #expect(LogBessel.logK(order: 1.0, 0.0).isNaN)
    }

    @Test func fixtureIsTheEmbeddedTable() {
        let same = BesselFixture.table.rows == BesselReferenceTable.embedded.rows
        #expect(same, "regenerate with scripts/bessel-reference.py --swift-only")
    }
}
