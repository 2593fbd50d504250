import Solvers
import Roundoff

extension PrecisionPolicy {
    /// The preset names accepted by ``preset(named:)``.
    public static let presetNames = ["pure", "pure-sr", "pure-kahan", "collage", "mixed", "fp8", "mxfp8", "mxfp6", "mxfp4", "nvfp4"]

    /// A published recipe by name (`*` is the cell's format or mode):
    ///
    /// | name | weights, activations | errors | gradients | optimizer, master | accumulate | update | loss scale |
    /// |---|---|---|---|---|---|---|---|
    /// | `pure` | `*` | `*` | `*` | `*` | `*` | round | none |
    /// | `pure-sr` | `*` | `*` | `*` | `*` | `*` | sr | none |
    /// | `pure-kahan` | `*` | `*` | `*` | `*` | `*` | kahan | none |
    /// | `collage` | `*` | `*` | `*` | `*` | `*` | collage | none |
    /// | `mixed` (Micikevicius et al. 2018) | `*` | `*` | `*` | fp32 | fp32 | master | dynamic 2^15, 2000 |
    /// | `fp8` (per-tensor scaled) | e4m3, tensor | e5m2, tensor | `*` | `*` | fp32 | master | dynamic 2^15, 2000 |
    /// | `mxfp8` (OCP MX) | e4m3, mx-floor | e5m2, mx-floor | `*` | `*` | fp32 | master | none |
    /// | `mxfp6` | e2m3, mx-floor | e3m2, mx-floor | `*` | `*` | fp32 | master | none |
    /// | `mxfp4` | e2m1, mx-floor | e2m1/sr, mx-floor | `*` | `*` | fp32 | master | none |
    /// | `nvfp4` | e2m1, nvfp4 | e2m1/sr, nvfp4 | `*` | `*` | fp32 | master | none |
    ///
    /// Fixed element formats round with `rne` unless marked `/sr`. The
    /// `mixed` preset in an fp16 cell is fp16 mixed precision with loss
    /// scaling; `pure`, `pure-sr` and `pure-kahan` in a bf16 cell are pure
    /// bf16 training with round-to-nearest, stochastic and compensated updates.
    public static func preset(named name: String) -> PrecisionPolicy? {
        let fp32 = PrecisionChoice.binary32
        func fixed(_ f: FloatFormat, _ m: RoundingMode = .nearestEven, _ s: TensorScaling) -> RolePrecision {
            RolePrecision(PrecisionChoice(format: f, mode: m), scaling: s)
        }
        func lowPrecision(_ forward: FloatFormat, _ backward: FloatFormat, backwardMode: RoundingMode = .nearestEven,
                          _ scaling: TensorScaling, loss: LossScaling) -> PrecisionPolicy {
            PrecisionPolicy(name: name, roles: [
                .weights: fixed(forward, .nearestEven, scaling),
                .activations: fixed(forward, .nearestEven, scaling),
                .errors: fixed(backward, backwardMode, scaling),
            ], accumulation: fp32, update: .master, lossScaling: loss)
        }
        let mx = TensorScaling.mx(blockSize: 32, rule: .floor)
        switch name {
        case "pure": return PrecisionPolicy(name: name)
        case "pure-sr": return PrecisionPolicy(name: name, update: .stochastic)
        case "pure-kahan": return PrecisionPolicy(name: name, update: .kahan)
        case "collage": return PrecisionPolicy(name: name, update: .collage)
        case "mixed":
            return PrecisionPolicy(name: name, roles: [.optimizer: RolePrecision(fp32), .master: RolePrecision(fp32)],
                                   accumulation: fp32, update: .master, lossScaling: .standardDynamic)
        case "fp8": return lowPrecision(.e4m3, .e5m2, .perTensor, loss: .standardDynamic)
        case "mxfp8": return lowPrecision(.e4m3, .e5m2, mx, loss: .none)
        case "mxfp6": return lowPrecision(.e2m3, .e3m2, mx, loss: .none)
        case "mxfp4": return lowPrecision(.e2m1, .e2m1, backwardMode: .stochastic, mx, loss: .none)
        case "nvfp4": return lowPrecision(.e2m1, .e2m1, backwardMode: .stochastic, .nvfp4, loss: .none)
        default: return nil
        }
    }
}
