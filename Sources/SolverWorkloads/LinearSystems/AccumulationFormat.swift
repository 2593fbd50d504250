import Roundoff
import RoundoffWorkloads

/// The `accumulation` parameter of the conjugate-gradient workload: the
/// type of the arithmetic when it differs from the cell's storage type.
///
/// A second run-time format cannot be read at once with the cell's, so the
/// accepted formats are presets dispatched to compile-time types rounded
/// with the cell's mode: `Double` / `Float` for `rne` at fp64 / fp32,
/// `Emulated<FP64|FP32|BF16|FP16, RNE|SR>` otherwise. Modes other than
/// `rne` and `sr` are accepted only with `same`.
enum AccumulationFormat: Equatable {
    /// The cell's own type.
    case same
    /// One of fp64, fp32, bf16, fp16.
    case preset(FloatFormat)

    init(_ values: ParameterValues) throws {
        let spec = values.string("accumulation").lowercased()
        switch spec {
        case "same", "": self = .same
        case "fp64", "binary64": self = .preset(.fp64)
        case "fp32", "binary32": self = .preset(.fp32)
        case "bf16", "bfloat16": self = .preset(.bf16)
        case "fp16", "binary16": self = .preset(.fp16)
        default:
            throw ParameterError("parameter accumulation=\(spec) is not accepted; accepted: same, fp64, fp32, bf16, fp16")
        }
    }

    /// Throws unless `mode` can round the preset type.
    func check(mode: RoundingMode, given text: String) throws {
        if self != .same && mode != .nearestEven && mode != .stochastic {
            throw ParameterError("parameter accumulation=\(text) needs mode rne or sr (got \(mode.spec)); use accumulation=same")
        }
    }
}

/// A computation over a storage type and an accumulation type.
protocol MixedPrecisionComputation {
    associatedtype Output
    func run<Storage: RealScalar, Accumulator: RealScalar>(storage: Storage.Type, accumulator: Accumulator.Type) -> Output
}

extension AccumulationFormat {
    /// Runs `computation` with storage `Storage` and the accumulation type
    /// this names, rounded with `mode` (`rne` or `sr`; see the type).
    ///
    /// The cell's storage type is one of the types
    /// ``RoundoffWorkloads/Precision/run(_:stream:)`` dispatches to; a preset
    /// is only accepted with the three of them that round to nearest or
    /// stochastically (`Double`, `Emulated<RuntimeFormat, RNE|SR>`), so the
    /// presets are instantiated for those alone rather than for every mode.
    func dispatch<Storage: RealScalar, C: MixedPrecisionComputation>(_: Storage.Type, mode: RoundingMode, _ c: C) -> C.Output {
        guard case .preset(let f) = self else { return c.run(storage: Storage.self, accumulator: Storage.self) }
        if Storage.self == Double.self { return Self.nearest(Double.self, f, c) }
        if Storage.self == Emulated<RuntimeFormat, RNE>.self { return Self.nearest(Emulated<RuntimeFormat, RNE>.self, f, c) }
        if Storage.self == Emulated<RuntimeFormat, SR>.self { return Self.stochastic(Emulated<RuntimeFormat, SR>.self, f, c) }
        preconditionFailure("accumulation=\(f.spec) with storage \(Storage.self) in mode \(mode.spec): check(mode:given:) admits rne and sr only")
    }

    private static func nearest<S: RealScalar, C: MixedPrecisionComputation>(_: S.Type, _ f: FloatFormat, _ c: C) -> C.Output {
        switch f {
        case .fp64: c.run(storage: S.self, accumulator: Double.self)
        case .fp32: c.run(storage: S.self, accumulator: Float.self)
        case .bf16: c.run(storage: S.self, accumulator: Emulated<BF16, RNE>.self)
        default: c.run(storage: S.self, accumulator: Emulated<FP16, RNE>.self)
        }
    }

    private static func stochastic<S: RealScalar, C: MixedPrecisionComputation>(_: S.Type, _ f: FloatFormat, _ c: C) -> C.Output {
        switch f {
        case .fp64: c.run(storage: S.self, accumulator: Emulated<FP64, SR>.self)
        case .fp32: c.run(storage: S.self, accumulator: Emulated<FP32, SR>.self)
        case .bf16: c.run(storage: S.self, accumulator: Emulated<BF16, SR>.self)
        default: c.run(storage: S.self, accumulator: Emulated<FP16, SR>.self)
        }
    }
}
