import Foundation
import RoundoffWorkloads
import Solvers

/// Binary64 measurements of an iterative solve after every iteration,
/// computed from the iterate `x_k` (converted exactly) outside the
/// emulated arithmetic, against the LAPACKE solution `x*` of the system:
///
/// - the solver's own (monitored) relative residual, as it reported it;
/// - the true relative residual `‖b − A·x_k‖₂/‖b‖₂`;
/// - the relative error `‖x_k − x*‖₂/‖x*‖₂`;
/// - optionally the relative energy-norm error `‖x_k − x*‖_A/‖x*‖_A`
///   (relative to the start `x₀ = 0`, as in conjugate gradient's bound).
///
/// `A` and `b` are the binary64 ones, so the measurements include the
/// effect of rounding the data into the cell's format.
struct IterationHistory {
    let system: LinearSystem
    let measuresEnergyNorm: Bool
    private(set) var monitored: [Double] = []
    private(set) var trueResidual: [Double] = []
    private(set) var error: [Double] = []
    private(set) var energyError: [Double] = []
    private var product: [Double]

    init(system: LinearSystem, measuresEnergyNorm: Bool) {
        self.system = system
        self.measuresEnergyNorm = measuresEnergyNorm
        product = [Double](repeating: 0, count: system.dimension)
    }

    /// The iterations after the start: the last `k` recorded.
    var iterations: Int { Swift.max(monitored.count - 1, 0) }

    /// Records the iterate after the next iteration (the first call: the start).
    mutating func record(iterate x: [Double], monitoredResidual: Double) {
        let n = x.count
        let a = system.matrix, b = system.rightHandSide, xs = system.solution
        x.withUnsafeBufferPointer { x in
            product.withUnsafeMutableBufferPointer { y in a.apply(x, into: y, accumulating: Double.self) }
        }
        var rr = 0.0, ee = 0.0
        var e = [Double](repeating: 0, count: measuresEnergyNorm ? n : 0)
        for i in 0..<n {
            let r = b[i] - product[i]
            rr += r * r
            let d = x[i] - xs[i]
            ee += d * d
            if measuresEnergyNorm { e[i] = d }
        }
        monitored.append(monitoredResidual)
        trueResidual.append(rr.squareRoot() / system.rightHandSideNorm)
        error.append(ee.squareRoot() / system.solutionNorm)
        if measuresEnergyNorm {
            e.withUnsafeBufferPointer { e in
                product.withUnsafeMutableBufferPointer { y in a.apply(e, into: y, accumulating: Double.self) }
            }
            var eae = 0.0
            for i in 0..<n { eae += e[i] * product[i] }
            // eᵀAe ≥ 0 for SPD A; a tiny negative value is rounding at e ≈ 0.
            energyError.append(Swift.max(eae, 0).squareRoot() / system.solutionEnergyNorm)
        }
    }

    /// The least true relative residual over all iterations (NaN ignored; NaN if all are).
    var attainableAccuracy: Double {
        trueResidual.filter { !$0.isNaN }.min() ?? .nan
    }

    /// The least relative error over all iterations (NaN ignored; NaN if all are).
    var attainableError: Double {
        error.filter { !$0.isNaN }.min() ?? .nan
    }

    /// The first iteration whose true relative residual is at most `tolerance`, or NaN.
    func iterationsToTolerance(_ tolerance: Double) -> Double {
        trueResidual.firstIndex { $0 <= tolerance }.map(Double.init) ?? .nan
    }

    /// The iterations whose series values are written: every `stride`-th
    /// (`stride = ⌈maxIterations/points⌉`, the same grid in every cell so
    /// that seeds average point by point) and the last.
    func sampledIterations(maxIterations: Int, points: Int) -> [Int] {
        let stride = Swift.max(1, (maxIterations + points - 1) / Swift.max(points, 1))
        var ks = Array(Swift.stride(from: 0, through: iterations, by: stride))
        if ks.last != iterations { ks.append(iterations) }
        return ks
    }

    /// The scalar and series metrics common to the linear-solver workloads
    /// (see ``ConjugateGradientWorkload``), series at `sample`;
    /// `storedSolution` is `x*` rounded into the storage type.
    func metrics(tolerance: Double, stop: StopReason, sample: [Int], final x: [Double], storedSolution: [Double]) -> [Metric] {
        let a = system.matrix, b = system.rightHandSide, xs = system.solution
        var ax = [Double](repeating: 0, count: storedSolution.count)
        storedSolution.withUnsafeBufferPointer { v in
            ax.withUnsafeMutableBufferPointer { y in a.apply(v, into: y, accumulating: Double.self) }
        }
        let storageResidual = LinearSystem.norm(zip(b, ax).map { $0 - $1 }) / system.rightHandSideNorm
        let storageError = LinearSystem.norm(zip(storedSolution, xs).map { $0 - $1 }) / system.solutionNorm
        var m = [
            Metric("iterations", Double(iterations)),
            Metric("converged", stop == .converged ? 1 : 0),
            Metric("stagnated", stop == .stagnated ? 1 : 0),
            Metric("stop_reason", Double(stop.code)),
            Metric("final_residual", monitored.last ?? .nan),
            Metric("final_true_residual", trueResidual.last ?? .nan),
            Metric("attainable_accuracy", attainableAccuracy),
            Metric("iterations_to_tolerance", iterationsToTolerance(tolerance)),
            Metric("final_error", error.last ?? .nan),
            Metric("attainable_error", attainableError),
            Metric("storage_residual", storageResidual),
            Metric("storage_error", storageError),
            Metric("reference_residual", system.referenceResidual),
            Metric.diverged(x),
        ]
        for k in sample {
            let x = Double(k)
            m.append(Metric("residual", monitored[k], x: x))
            m.append(Metric("true_residual", trueResidual[k], x: x))
            m.append(Metric("error", error[k], x: x))
            if measuresEnergyNorm { m.append(Metric("error_a_norm", energyError[k], x: x)) }
        }
        return m
    }
}
