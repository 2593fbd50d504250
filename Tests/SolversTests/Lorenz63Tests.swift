import Testing
import Roundoff
import Solvers

struct Lorenz63Tests {
    /// RK4 is fourth order: halving Δt divides the error at t = 1 by ~16.
    /// The error is measured against a run with Δt/64 (Richardson-style).
    @Test func rk4ConvergesAtFourthOrder() {
        func state(dt: Double) -> (Double, Double, Double) {
            var l = Lorenz63<Double>(dt: dt)
            l.run(steps: Int((1 / dt).rounded()))
            return (l.x, l.y, l.z)
        }
        let fine = state(dt: 0.01 / 64)
        func error(_ dt: Double) -> Double {
            let s = state(dt: dt)
            return max(abs(s.0 - fine.0), abs(s.1 - fine.1), abs(s.2 - fine.2))
        }
        let ratio = error(0.01) / error(0.005)
        #expect(ratio > 13 && ratio < 19, "error ratio \(ratio) for halved Δt, expected ≈ 16")
    }
}
