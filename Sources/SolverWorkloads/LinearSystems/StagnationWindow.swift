import Foundation
import RoundoffWorkloads

/// Parses the `stagnation_window` parameter of the linear-solver
/// workloads: a number of iterations (0 turns the test off) or `auto`.
///
/// `auto` is five times the iterations that a theoretical convergence
/// factor `ρ` per iteration needs to halve the error, `⌈5·ln 2/(−ln ρ)⌉`,
/// and at least 50 — so a run converging even several times slower than
/// theory is never called stagnated — or 500 when `ρ` is unknown.
enum StagnationWindow: Equatable {
    case auto
    case iterations(Int)

    init(_ values: ParameterValues) throws {
        let text = values.string("stagnation_window").lowercased()
        if text == "auto" { self = .auto; return }
        guard let w = Int(text), w >= 0 else {
            throw ParameterError("parameter stagnation_window=\(text) is not accepted; accepted: auto or an integer ≥ 0 (0 = off)")
        }
        self = .iterations(w)
    }

    /// The window in iterations for a theoretical factor `rate` (NaN when unknown).
    func resolved(rate: Double) -> Int {
        switch self {
        case .iterations(let w): return w
        case .auto:
            guard rate > 0 && rate < 1 else { return 500 }
            let halving = log(2) / -log(rate)
            return Swift.max(50, Int((5 * halving).rounded(.up)))
        }
    }
}
