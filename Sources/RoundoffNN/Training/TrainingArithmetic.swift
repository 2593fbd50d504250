import Roundoff
import RoundoffReference

/// The arithmetic of one training run under a ``ResolvedPolicy``: quantizing
/// tensors into their roles, matrix products with rounded accumulation, and
/// running elementwise code on the emulated scalar of a role.
///
/// Every rounding draws its random bits from its own stream of the run's
/// seed (one stream per operation, numbered in program order), so a run is
/// reproducible bit for bit.
public final class TrainingArithmetic {
    /// The policy with the cell's format and mode filled in.
    public let policy: ResolvedPolicy
    /// The run's seed (stochastic rounding).
    public let seed: UInt64
    /// Counts of what rounding did, for the metrics.
    public var statistics = RoundingStatistics()
    private var nextStream: UInt64 = 1

    /// Arithmetic for `policy` with stochastic streams from `seed`.
    public init(policy: ResolvedPolicy, seed: UInt64) {
        self.policy = policy
        self.seed = seed
    }

    /// A fresh stream for the next operation.
    public func stream() -> StochasticStream {
        defer { nextStream &+= 1 }
        return StochasticStream(seed: seed, stream: nextStream)
    }

    /// Format and mode in which elementwise results of `role` are stored:
    /// the role's own when it is unscaled; the accumulators' when the role
    /// is block- or tensor-scaled (such tensors are quantized when a matrix
    /// product reads them, as block-scaled hardware does).
    public func elementwisePrecision(_ role: TensorRole) -> (format: FloatFormat, mode: RoundingMode) {
        let q = policy.quantizer(role)
        return q.scaling == .none ? (q.format, q.mode) : policy.accumulation
    }

    /// `t` quantized into `role` (its format, mode and scaling), blocks laid
    /// along the matrix product's reduction dimension as `layout` says.
    public func quantized(_ t: Tensor, _ role: TensorRole, blocks layout: BlockLayout) -> Tensor {
        if policy.isExact(role) { return t }
        var out = t
        let s = policy.quantizer(role).quantize(&out.values, rows: t.rows, columns: t.columns, blocks: layout,
                                                 stream: stream(), firstIndex: 0)
        statistics.record(s, role: role)
        return out
    }

    /// Weight gradients computed in the accumulation precision, rounded into
    /// the gradients role's elementwise precision; counts the nonzero ones
    /// that underflow to zero.
    public func roundGradients(_ values: inout [Double]) {
        let (nonzero, lost) = roundedCounting(&values, elementwisePrecision(.gradients))
        statistics.gradientsNonzero += nonzero
        statistics.gradientsUnderflowed += lost
    }

    /// The loss gradient at the output (binary64), rounded into the errors
    /// role's elementwise precision; counts the nonzero values that underflow.
    public func roundOutputErrors(_ values: inout [Double]) {
        let (nonzero, lost) = roundedCounting(&values, elementwisePrecision(.errors))
        statistics.errorsNonzero += nonzero
        statistics.errorsUnderflowed += lost
    }

    private func roundedCounting(_ values: inout [Double], _ precision: (format: FloatFormat, mode: RoundingMode)) -> (nonzero: Int, lost: Int) {
        let nonzero = values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        rounded(&values, precision)
        return (nonzero, nonzero - values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) })
    }

    /// `t` quantized into `role` for a product that reduces along `layout`,
    /// given `earlier`, the same tensor already quantized into `role` for
    /// another product: without scaling the layout does not matter and
    /// rounding is idempotent, so `earlier` is returned as it is; with block
    /// or tensor scaling `t` is quantized afresh for the new layout.
    public func quantized(_ t: Tensor, _ role: TensorRole, blocks layout: BlockLayout, reusing earlier: Tensor) -> Tensor {
        policy.quantizer(role).scaling == .none ? earlier : quantized(t, role, blocks: layout)
    }

    /// `values` rounded elementwise into `format` and `mode` (no scaling).
    public func rounded(_ values: inout [Double], _ precision: (format: FloatFormat, mode: RoundingMode)) {
        if precision.format == .fp64 && precision.mode == .nearestEven { return }
        let kernel = RoundingKernel(format: precision.format, mode: precision.mode)
        let s = stream()
        values.withUnsafeMutableBufferPointer { b in
            kernel.round(UnsafePointer(b.baseAddress!), into: b.baseAddress!, count: b.count, stream: s)
        }
    }

    /// `op(a) · op(b)` with every partial sum rounded into the policy's
    /// accumulation format, then rounded into `output`'s elementwise
    /// precision. Operands must already be quantized (their products are
    /// taken as exact when both have at most 26 significand bits).
    ///
    /// With binary64 accumulation and output the product is OpenBLAS's `dgemm`.
    /// With `output` nil the result stays in the accumulation precision.
    public func product(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                        output: TensorRole?) -> Tensor {
        let m = transposeA ? a.columns : a.rows, k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition(k == (transposeB ? b.columns : b.rows), "product: inner dimensions differ")
        let acc = policy.accumulation
        let out = output.map(elementwisePrecision) ?? acc
        if acc.format == .fp64 && acc.mode == .nearestEven {
            var c = Tensor(rows: m, columns: n, values: BLASMatrixProduct.product(
                a.values, b.values, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB))
            rounded(&c.values, out)
            return c
        }
        let lhs = transposeA ? a.transposed : a
        let rhs = transposeB ? b.transposed : b
        var c = Tensor(rows: m, columns: n)
        let kernel = RoundingKernel(format: acc.format, mode: acc.mode)
        let exact = a.significandBits + b.significandBits <= 53
        let s = stream()
        lhs.values.withUnsafeBufferPointer { av in
            rhs.values.withUnsafeBufferPointer { bv in
                c.values.withUnsafeMutableBufferPointer { cv in
                    for i in 0..<m {
                        let row = cv.baseAddress! + i * n
                        for p in 0..<k {
                            kernel.accumulate(av[i * k + p], bv.baseAddress! + p * n, into: row, count: n,
                                              productsExact: exact, stream: s, firstIndex: UInt64((i * k + p) * n))
                        }
                    }
                }
            }
        }
        if out != acc { rounded(&c.values, out) }
        return c
    }

    /// Runs `computation` on the emulated scalar of `precision` (binary64
    /// with `rne` runs in `Double`).
    public func run<C: ScalarComputation>(_ computation: C, in precision: (format: FloatFormat, mode: RoundingMode)) -> C.Output {
        if precision.format == .fp64 && precision.mode == .nearestEven { return computation.run(Double.self) }
        let s = nextStream
        nextStream &+= 1
        return RoundingContext.run(computation, format: precision.format, mode: precision.mode, seed: seed, stream: s)
    }
}

extension Tensor {
    /// An upper bound on the significand bits of the values (53 unless
    /// every value fits fewer), used to decide whether products are exact.
    var significandBits: Int {
        var trailing = 52
        for v in values where v != 0 && v.isFinite {
            trailing = Swift.min(trailing, v.significandBitPattern.trailingZeroBitCount)
            if trailing == 0 { break }
        }
        return 53 - Swift.min(trailing, 52)
    }
}
