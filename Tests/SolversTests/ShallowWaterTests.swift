import Foundation
import Roundoff
import Solvers
import Testing

/// Binary64 properties of ``ShallowWater`` that hold for the discretisation
/// whatever its arithmetic: a resting fluid stays at rest, the continuity
/// equation conserves mass to round-off, and the RK4 part converges with
/// order 4.
@Suite struct ShallowWaterTests {
    /// A coarse channel (Δ = 100 km) at CFL 1 for speed.
    static func coarse(nx: Int = 20, ny: Int = 10) -> ShallowWaterParameters {
        ShallowWaterParameters(nx: nx, ny: ny, lx: Double(nx) * 100e3, dt: 1410)
    }

    @Test func restingFluidWithoutWindStaysAtRest() {
        var p = Self.coarse(nx: 8, ny: 4)
        p.windStress = 0
        func check<T: RealScalar>(_: T.Type) {
            let model = ShallowWater<T, T>(parameters: p)
            model.run(steps: 10)
            let f = model.fields
            #expect(f.u.allSatisfy { $0 == 0 } && f.v.allSatisfy { $0 == 0 } && f.eta.allSatisfy { $0 == 0 }, "\(T.self)")
        }
        check(Double.self)
        check(Emulated<FP16, RNE>.self)
        check(Emulated<BF16, SR>.self)
    }

    @Test func massIsConservedToRoundOff() {
        let p = Self.coarse()
        let model = ShallowWater<Double, Double>(parameters: p)
        let steps = p.steps(days: 20)
        model.run(steps: steps)
        let f = model.fields
        let amplitude = f.eta.map(abs).max()!
        // The wind has set up a flow…
        #expect(amplitude > 1e-2)
        // …and the domain-mean height moved only by round-off: a few ulps of
        // the height per step at most, summed over the steps (≈ 3e-13 m), and
        // in practice far less.
        #expect(abs(f.meanHeight) < Double(steps) * amplitude * 0x1p-52)
        #expect(abs(f.meanHeight) < 1e-14)
    }

    @Test func rungeKuttaPartConvergesWithOrderFour() {
        // Drag and diffusion off: they are stepped with forward Euler.
        var p = Self.coarse(nx: 16, ny: 8)
        p.drag = 0
        p.viscosityOverDelta3 = 0
        var start = ShallowWaterFields(restingOn: p.nx, p.ny)
        for j in 0..<p.ny {
            for i in 0..<p.nx {
                let dx = Double(i) - 7.5, dy = Double(j) - 3.5
                start.eta[i + p.nx * j] = exp(-(dx * dx + dy * dy) / 4)
            }
        }
        let duration = 64_000.0
        func solve(dt: Double) -> [Double] {
            var q = p
            q.dt = dt
            let model = ShallowWater<Double, Double>(parameters: q, start: start)
            model.run(steps: Int(duration / dt))
            let f = model.fields
            return f.u + f.v + f.eta
        }
        let reference = solve(dt: 31.25)
        let errors = [1000.0, 500, 250].map { dt in
            zip(solve(dt: dt), reference).map { abs($0 - $1) }.max()!
        }
        for k in 0..<(errors.count - 1) {
            let order = log2(errors[k] / errors[k + 1])
            #expect(order > 3.6 && order < 4.4, "errors \(errors), order \(order)")
        }
    }
}
