import Foundation
import RoundoffReference
import Testing

/// FFTW's spectrum against a direct O(n²) DFT written here, Parseval's
/// identity, and a pure cosine putting all its power in one wavenumber.
@Suite struct ZonalSpectrumTests {
    /// One-sided power of one row by the definition, in binary64.
    static func directPower(_ row: [Double]) -> [Double] {
        let n = row.count
        return (0...(n / 2)).map { k in
            var re = 0.0, im = 0.0
            for (i, f) in row.enumerated() {
                let angle = -2 * Double.pi * Double(i * k % n) / Double(n)
                re += f * cos(angle); im += f * sin(angle)
            }
            let weight: Double = (k == 0 || 2 * k == n) ? 1 : 2
            return weight * (re * re + im * im) / Double(n * n)
        }
    }

    @Test(arguments: [(16, 3), (17, 2), (100, 5), (1, 1)])
    func matchesDirectTransform(nx: Int, ny: Int) {
        var rng = SystemRandomNumberGenerator()
        let field = (0..<(nx * ny)).map { _ in Double.random(in: -1...1, using: &rng) }
        let fftw = ZonalSpectrum.power(field, nx: nx, ny: ny)
        var direct = [Double](repeating: 0, count: nx / 2 + 1)
        for j in 0..<ny {
            for (k, p) in Self.directPower(Array(field[(j * nx)..<((j + 1) * nx)])).enumerated() {
                direct[k] += p / Double(ny)
            }
        }
        #expect(fftw.count == nx / 2 + 1)
        let total = direct.reduce(0, +)
        for k in fftw.indices {
            #expect(abs(fftw[k] - direct[k]) <= 1e-12 * total, "k = \(k): \(fftw[k]) vs \(direct[k])")
        }
        // Parseval: the power sums to the row-mean of f².
        let meanSquare = field.map { $0 * $0 }.reduce(0, +) / Double(nx * ny)
        #expect(abs(fftw.reduce(0, +) - meanSquare) <= 1e-13 * meanSquare)
    }

    @Test func cosineHasOneWavenumber() {
        let nx = 64, ny = 2
        let field = (0..<(nx * ny)).map { 3 * cos(2 * Double.pi * 5 * Double($0 % nx) / Double(nx)) }
        let p = ZonalSpectrum.power(field, nx: nx, ny: ny)
        // Amplitude 3: mean square 9/2, all in k = 5.
        #expect(abs(p[5] - 4.5) <= 1e-12)
        for k in p.indices where k != 5 { #expect(p[k] < 1e-24) }
    }

    @Test func kineticEnergySumsToMeanKineticEnergy() {
        let nx = 40, ny = 7
        let u = (0..<(nx * ny)).map { sin(Double($0) * 0.37) }
        let v = (0..<(nx * ny)).map { cos(Double($0) * 1.3) + 0.2 }
        let e = ZonalSpectrum.kineticEnergy(u: u, v: v, nx: nx, ny: ny)
        let mean = zip(u, v).map { 0.5 * ($0 * $0 + $1 * $1) }.reduce(0, +) / Double(nx * ny)
        #expect(abs(e.reduce(0, +) - mean) <= 1e-13 * mean)
    }

    @Test func concurrentCallsAgree() async {
        let nx = 50, ny = 20
        let field = (0..<(nx * ny)).map { Double(($0 * 7919) % 101) / 101 }
        let expected = ZonalSpectrum.power(field, nx: nx, ny: ny)
        await withTaskGroup(of: [Double].self) { group in
            for _ in 0..<16 { group.addTask { ZonalSpectrum.power(field, nx: nx, ny: ny) } }
            for await p in group { #expect(p == expected) }
        }
    }
}
