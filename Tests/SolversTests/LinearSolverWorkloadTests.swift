import Foundation
import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// The `cg` and `sor` workloads: binary64 cells against theory, the
/// low-precision findings, representations and parameter errors.
struct LinearSolverWorkloadTests {
    /// The LAPACKE solution the workload's reference holds.
    static func reference(_ name: String, _ overrides: [String: String]) throws -> LinearSystem {
        let w = try #require(SolverWorkloads.all.first { $0.name == name })
        return try #require(try w.reference(w.values(overrides)) as? LinearSystem)
    }

    /// `‖b − A·v‖/‖b‖` for the model problem with b = 1, with the test's dense matrix.
    static func poissonResidual(_ v: [Double], gridSize n: Int) -> Double {
        let dense = SparseOperatorTests.poissonDense(n)
        var rr = 0.0
        for i in 0..<(n * n) {
            let r = 1 - (0..<(n * n)).reduce(0.0) { $0 + dense[i][$1] * v[$1] }
            rr += r * r
        }
        return rr.squareRoot() / Double(n)
    }

    /// Equal metric lists, NaN equal to NaN.
    static func same(_ a: [Metric], _ b: [Metric]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy {
            $0.name == $1.name && $0.x == $1.x && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN))
        }
    }

    @Test func cgBinary64Cell() throws {
        let n = 16
        let m = try runCell("cg", .fp64, .nearestEven, ["n": "\(n)", "tol": "1e-10"])
        let h = 1 / Double(n + 1)
        let kappa = 1 / pow(tan(.pi * h / 2), 2)
        let rate = (kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)
        #expect(abs(m.scalar("condition_number") / kappa - 1) < 1e-12)
        #expect(m.scalar("bound_iterations") == (log(1e-10 / 2) / log(rate)).rounded(.up))
        #expect(m.scalar("converged") == 1 && m.scalar("stagnated") == 0 && m.scalar("stop_reason") == 0)
        #expect(m.scalar("iterations") <= m.scalar("bound_iterations"))
        #expect(m.scalar("final_residual") <= 1e-10)
        #expect(m.scalar("final_true_residual") < 2e-10)
        #expect(m.scalar("final_error") < 1e-8)
        #expect(m.scalar("reference_residual") < 1e-14)
        #expect(m.scalar("storage_error") == 0 && m.scalar("storage_residual") < 1e-14)
        #expect(m.scalar("diverged") == 0)
        // Series on the common grid: every 5th iteration (1000/200) and the last.
        let k = m.scalar("iterations")
        let xs = m.series("true_residual").keys.sorted()
        #expect(xs.first == 0 && xs.last == k)
        #expect(xs.dropLast().allSatisfy { $0.truncatingRemainder(dividingBy: 5) == 0 })
        for name in ["residual", "error", "error_a_norm", "cg_bound"] { #expect(m.series(name).count == xs.count, "\(name)") }
        for x in xs { #expect(m.series("error_a_norm")[x]! <= m.series("cg_bound")[x]! * (1 + 1e-9)) }
    }

    @Test func sorBinary64CellFollowsTheory() throws {
        let n = 24
        let m = try runCell("sor", .fp64, .nearestEven, ["n": "\(n)", "tol": "1e-8"])
        let h = 1 / Double(n + 1)
        let rho = 2 / (1 + sin(.pi * h)) - 1
        #expect(abs(m.scalar("spectral_radius") - rho) < 1e-15)
        #expect(abs(m.scalar("omega") - (rho + 1)) < 1e-15)
        #expect(abs(m.scalar("iterations") / m.scalar("theory_iterations") - 1) < 0.05)
        #expect(abs(m.scalar("convergence_factor") / rho - 1) < 0.02)
        #expect(m.scalar("iterations_to_tolerance") == m.scalar("iterations"))
        #expect(m.series("spectral_bound").count == m.series("residual").count)
        let gs = try runCell("sor", .fp64, .nearestEven, ["n": "\(n)", "tol": "1e-8", "method": "gauss-seidel"])
        #expect(abs(gs.scalar("spectral_radius") - cos(.pi * h) * cos(.pi * h)) < 1e-15)
        #expect(abs(gs.scalar("iterations") / gs.scalar("theory_iterations") - 1) < 0.03)
    }

    /// bf16 CG on the model problem (N = 8, all arithmetic in bf16): both
    /// modes stagnate at the floor that storing x* in bf16 sets — computed
    /// here by rounding LAPACKE's x* with the test's own bf16 rounding —
    /// and stochastic rounding stagnates *higher* than round-to-nearest:
    /// its storage noise has twice the variance (ulp²/6 against ulp²/12 for
    /// uniformly spread values), and the residual sees that rough noise.
    @Test func cgBF16StagnationRoundToNearestVersusStochastic() throws {
        let n = 8
        let values = ["n": "\(n)"]
        let xStar = try Self.reference("cg", values).solution
        let floor = Self.poissonResidual(xStar.map(bf16), gridSize: n)
        let rn = try runCell("cg", .bf16, .nearestEven, values)
        #expect(abs(rn.scalar("storage_residual") / floor - 1) < 1e-12)
        let rnLevel = rn.scalar("attainable_accuracy")
        #expect(rnLevel > 0.5 * floor && rnLevel < 4 * floor, "rne stagnates at \(rnLevel), floor \(floor)")
        var srLevels: [Double] = []
        for seed in 1...4 {
            let sr = try runCell("cg", .bf16, .stochastic, seed: UInt64(seed), values)
            srLevels.append(sr.scalar("attainable_accuracy"))
        }
        let srMean = srLevels.reduce(0, +) / 4
        #expect(srMean > 0.5 * floor && srMean < 6 * floor, "sr stagnates at \(srLevels), floor \(floor)")
        #expect(srMean > rnLevel, "sr \(srLevels) vs rne \(rnLevel)")
    }

    /// Gauss–Seidel in bf16: round-to-nearest stagnates where the sweep's
    /// corrections fall below half a spacing of x, leaving a smooth error
    /// that stochastic rounding (unbiased) keeps reducing.
    @Test func gaussSeidelBF16RoundToNearestStagnatesWithALargerError() throws {
        let values = ["n": "16", "method": "gauss-seidel"]
        let rn = try runCell("sor", .bf16, .nearestEven, values)
        #expect(rn.scalar("stagnated") == 1)
        var errors: [Double] = []
        for seed in 1...3 { errors.append(try runCell("sor", .bf16, .stochastic, seed: UInt64(seed), values).scalar("final_error")) }
        let srMean = errors.reduce(0, +) / 3
        #expect(rn.scalar("final_error") > 2 * srMean, "rne \(rn.scalar("final_error")), sr \(errors)")
    }

    /// The stored model-problem matrix and the stencil give identical cells
    /// in a deterministic mode, and so does the same matrix read from a
    /// Matrix Market file.
    @Test func representationsAgree() throws {
        let n = 6
        let base = ["n": "\(n)", "max_iterations": "60"]
        let free = try runCell("cg", .bf16, .nearestEven, base)
        var csrValues = base
        csrValues["operator"] = "csr"
        let csr = try runCell("cg", .bf16, .nearestEven, csrValues)
        #expect(Self.same(free, csr))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roundoff-poisson-\(ProcessInfo.processInfo.processIdentifier).mtx")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = ["%%MatrixMarket matrix coordinate real symmetric", "% 5-point Laplacian, lower triangle", ""]
        var entries: [String] = []
        for j in 0..<n {
            for i in 0..<n {
                let k = i + n * j + 1
                entries.append("\(k) \(k) 4")
                if i > 0 { entries.append("\(k) \(k - 1) -1") }
                if j > 0 { entries.append("\(k) \(k - n) -1") }
            }
        }
        lines[2] = "\(n * n) \(n * n) \(entries.count)"
        try (lines + entries.reversed()).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try runCell("cg", .bf16, .nearestEven, ["matrix": file.path, "max_iterations": "60"])
        // κ comes from LAPACKE's eigenvalues for a file: equal to rounding.
        let drop: (Metric) -> Bool = { ["condition_number", "bound_iterations", "cg_bound"].contains($0.name) }
        #expect(Self.same(fromFile.filter { !drop($0) }, csr.filter { !drop($0) }))
        #expect(abs(fromFile.scalar("condition_number") / csr.scalar("condition_number") - 1) < 1e-10)
        let sorFile = try runCell("sor", .fp64, .nearestEven, ["matrix": file.path, "omega": "1.5"])
        #expect(sorFile.scalar("converged") == 1 && sorFile.scalar("spectral_radius").isNaN)
    }

    @Test func mixedAccumulation() throws {
        let values = ["n": "16", "accumulation": "fp32"]
        let mixed = try runCell("cg", .bf16, .nearestEven, values)
        #expect(mixed.scalar("diverged") == 0)
        let mixedSR = try runCell("cg", .bf16, .stochastic, seed: 1, values)
        #expect(mixedSR.scalar("diverged") == 0)
        // fp64 accumulation over fp64 storage is plain binary64 CG.
        let same = try runCell("cg", .fp64, .nearestEven, ["n": "16"])
        let wide = try runCell("cg", .fp64, .nearestEven, ["n": "16", "accumulation": "fp64"])
        #expect(Self.same(same, wide))
        #expect(throws: ParameterError.self) { try runCell("cg", .bf16, .towardZero, values) }
    }

    @Test func badParametersAreNamed() throws {
        func message(_ name: String, _ overrides: [String: String]) -> String {
            do { _ = try runCell(name, .fp32, .nearestEven, overrides); return "" } catch { return "\(error)" }
        }
        #expect(message("cg", ["matrix": "laplace"]).contains("matrix=laplace"))
        #expect(message("cg", ["matrix": "laplace"]).contains("poisson, spd"))
        #expect(message("cg", ["preconditioner": "ilu"]).contains("none, jacobi"))
        #expect(message("cg", ["residual": "true"]).contains("updated, computed"))
        #expect(message("cg", ["accumulation": "fp8"]).contains("same, fp64, fp32, bf16, fp16"))
        #expect(message("cg", ["operator": "dense"]).contains("matrix-free, csr"))
        #expect(message("cg", ["rhs": "zeros"]).contains("ones, random"))
        #expect(message("cg", ["n": "100000"]).contains("out of range"))
        #expect(message("cg", ["stagnation_window": "-3"]).contains("auto or an integer"))
        #expect(message("sor", ["method": "ssor"]).contains("jacobi, gauss-seidel, sor"))
        #expect(message("sor", ["omega": "2.5"]).contains("(0, 2)"))
        #expect(message("sor", ["matrix": "spd", "n": "10"]).contains("omega=opt is defined for matrix=poisson only"))
        #expect(message("cg", ["matrix": "/nonexistent/a.mtx"]).contains("cannot read"))
    }

    @Test func randomSPDAndRandomRightHandSide() throws {
        let values = ["matrix": "spd", "n": "30", "kappa": "100", "rhs": "random", "tol": "1e-10"]
        let m = try runCell("cg", .fp64, .nearestEven, values)
        #expect(m.scalar("condition_number") == 100)
        #expect(m.scalar("converged") == 1 && m.scalar("final_error") < 1e-8)
        let jacobi = try runCell("cg", .fp64, .nearestEven, values.merging(["preconditioner": "jacobi"]) { $1 })
        #expect(jacobi.scalar("converged") == 1 && jacobi.scalar("condition_number").isNaN)
        let sor = try runCell("sor", .fp64, .nearestEven, values.merging(["omega": "1.2", "max_iterations": "20000"]) { $1 })
        #expect(sor.scalar("converged") == 1)
    }
}
