import Testing
import Roundoff
import RoundoffWorkloads
import SolverWorkloads

/// Runs one cell of the solver workload `name` with `overrides`, computing
/// its reference first.
func runCell(
    _ name: String, _ format: FloatFormat, _ mode: RoundingMode, seed: UInt64 = 0, _ overrides: [String: String] = [:]
) throws -> [Metric] {
    let workload = try #require(SolverWorkloads.all.first { $0.name == name })
    let values = try workload.values(overrides)
    let reference = try workload.reference(values)
    return try workload.run(Precision(format: format, mode: mode, seed: seed), values, reference: reference)
}

extension [Metric] {
    /// The scalar metric `name` (NaN if absent).
    func scalar(_ name: String) -> Double {
        first { $0.name == name && $0.x == nil }?.value ?? .nan
    }

    /// The series `name` as `x → value`.
    func series(_ name: String) -> [Double: Double] {
        var out: [Double: Double] = [:]
        for m in self where m.name == name { if let x = m.x { out[x] = m.value } }
        return out
    }
}

/// Rounds a normal binary64 value to `p` significant bits, to nearest with
/// ties to even, by integer arithmetic on its bit pattern: an oracle for
/// p-bit formats with binary64's exponent range (bfloat16 has binary32's,
/// so every normal bfloat16 value below 2^127 is covered), independent of
/// Roundoff's kernel.
func roundToNearestEven(_ x: Double, bits p: Int) -> Double {
    precondition(x.isNormal && (1...52).contains(p))
    let drop = UInt64(53 - p)
    let bits = x.bitPattern
    let lastKept = (bits >> drop) & 1
    // Adding just under half an ulp, plus the kept lsb, carries exactly
    // when the dropped part exceeds half, or equals half with an odd lsb.
    let rounded = (bits &+ (UInt64(1) << (drop - 1)) &- 1 &+ lastKept) & ~((UInt64(1) << drop) - 1)
    return Double(bitPattern: rounded)
}

/// bfloat16 round-to-nearest-even of a binary64 value (normal range).
func bf16(_ x: Double) -> Double { x == 0 ? 0 : roundToNearestEven(x, bits: 8) }
