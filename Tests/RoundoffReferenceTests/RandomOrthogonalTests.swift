import RoundoffReference
import Testing

@Suite struct RandomOrthogonalTests {
    @Test(arguments: [1, 5, 40])
    func isOrthogonal(n: Int) {
        let q = RandomOrthogonal.matrix(n: n, seed: 7)
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n { s += q[k + i * n] * q[k + j * n] }
                worst = max(worst, abs(s - (i == j ? 1 : 0)))
            }
        }
        #expect(worst <= Double(n) * 1e-15)
    }

    @Test func dependsOnlyOnTheSeed() {
        #expect(RandomOrthogonal.matrix(n: 6, seed: 3) == RandomOrthogonal.matrix(n: 6, seed: 3))
        #expect(RandomOrthogonal.matrix(n: 6, seed: 3) != RandomOrthogonal.matrix(n: 6, seed: 4))
    }

    @Test func symmetricHasTheSpectrum() {
        // trace = Σλ and ‖A‖_F² = Σλ² are invariant under the rotation.
        let d = RandomOrthogonal.geometricSpectrum(n: 12, kappa: 1e4)
        #expect(abs(d.last! - 1e-4) < 1e-18 && d.first! == 1)
        let a = RandomOrthogonal.symmetric(eigenvalues: d, seed: 11)
        let trace = (0..<12).map { a[$0 + $0 * 12] }.reduce(0, +)
        let frob = a.map { $0 * $0 }.reduce(0, +)
        #expect(abs(trace - d.reduce(0, +)) < 1e-13)
        #expect(abs(frob - d.map { $0 * $0 }.reduce(0, +)) < 1e-13)
        for i in 0..<12 { for j in 0..<12 { #expect(a[i + j * 12] == a[j + i * 12]) } }
    }
}
