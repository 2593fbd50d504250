import Foundation
import Testing
import Solvers

struct ConvergenceMonitorTests {
    /// Feeds `residuals` until the monitor stops; returns the reason and the iteration.
    static func run(_ residuals: [Double], tolerance: Double = 1e-6, maxIterations: Int = 1000, window: Int = 0) -> (StopReason?, Int) {
        var m = ConvergenceMonitor(tolerance: tolerance, maxIterations: maxIterations, stagnationWindow: window)
        for r in residuals {
            if let reason = m.record(r) { return (reason, m.iterations) }
        }
        return (nil, m.iterations)
    }

    @Test func convergesAtTheTolerance() {
        let geometric = (0..<100).map { pow(0.5, Double($0)) }
        // 2^−20 ≈ 9.5e-7 is the first ≤ 1e-6.
        #expect(Self.run(geometric, window: 10) == (.converged, 20))
        #expect(Self.run([0]) == (.converged, 0))
    }

    @Test func iterationLimitAndBreakdown() {
        let slow = (0..<100).map { pow(0.9, Double($0)) }
        #expect(Self.run(slow, maxIterations: 30) == (.iterationLimit, 30))
        #expect(Self.run([1, 0.5, .nan]) == (.breakdown, 2))
        #expect(Self.run([1, .infinity]) == (.breakdown, 1))
    }

    /// Stagnation: the least residual of the last W iterations is above half
    /// the least before them. A residual halving every 9 iterations is not
    /// stagnation for W = 10; a plateau is, W iterations after it began;
    /// noise above the least value found does not postpone it.
    @Test func stagnationUsesTheLeastResidual() {
        let slow = (0..<200).map { pow(0.5, Double($0) / 9) }
        #expect(Self.run(slow, window: 10).0 == .converged)
        // 2^0 … 2^−49, then 1e-3: the least is 2^−49 from k = 49 on, and
        // m_k > ½·m_{k−10} first holds at k = 59.
        let plateau = (0..<50).map { pow(0.5, Double($0)) } + [Double](repeating: 1e-3, count: 50)
        #expect(Self.run(plateau, tolerance: 0, window: 10) == (.stagnated, 59))
        // 2^0 … 2^−39 ≈ 1.8e-12, then values between 2.1e-12 and 3.9e-12.
        let noisy = (0..<40).map { pow(0.5, Double($0)) } + (0..<100).map { 3e-12 * (1 + 0.3 * sin(Double($0))) }
        #expect(Self.run(noisy, tolerance: 0, window: 10) == (.stagnated, 49))
        #expect(Self.run(plateau, tolerance: 0, window: 0) == (nil, 99))
    }
}
