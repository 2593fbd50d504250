import CRoundoffContext

/// The per-thread state that emulated arithmetic reads: the run-time chosen
/// format and mode (for ``RuntimeFormat`` / ``RuntimeMode``), the current
/// stochastic stream, and the event recorder.
///
/// Every `with…` function installs its state for the duration of `body` on
/// the calling thread and restores the previous state afterwards, so they
/// nest. A run that executes on one thread with the same seed draws the same
/// random bits whatever other threads do.
public enum RoundingContext {
    @inlinable @inline(__always)
    static var storage: UnsafeMutablePointer<roundoff_context> { roundoff_current_context() }

    // MARK: Run-time format and mode

    /// Runs `body` with `format` and `mode` as the run-time choice of this
    /// thread, and with the stochastic stream `(seed, stream)`.
    @inlinable
    public static func with<R>(
        format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0,
        _ body: () throws -> R
    ) rethrows -> R {
        let ctx = storage
        let savedKernel = ctx.pointee.kernel
        let savedFormat = ctx.pointee.format
        let savedConstants = ctx.pointee.constants
        let savedAnyMode = ctx.pointee.any_mode
        let savedHas = ctx.pointee.has_kernel
        install(format: format, kernel: RoundingKernel(format: format, mode: mode))
        defer {
            ctx.pointee.kernel = savedKernel
            ctx.pointee.format = savedFormat
            ctx.pointee.constants = savedConstants
            ctx.pointee.any_mode = savedAnyMode
            ctx.pointee.has_kernel = savedHas
        }
        return try withStream(StochasticStream(seed: seed, stream: stream), body)
    }

    /// Runs `body` drawing stochastic-rounding bits from `stream`, starting at
    /// its position 0.
    @inlinable
    public static func withStream<R>(_ stream: StochasticStream, _ body: () throws -> R) rethrows -> R {
        let ctx = storage
        let savedKey = ctx.pointee.stream_key
        let savedCounter = ctx.pointee.stream_counter
        ctx.pointee.stream_key = stream.key
        ctx.pointee.stream_counter = 0
        defer {
            ctx.pointee.stream_key = savedKey
            ctx.pointee.stream_counter = savedCounter
        }
        return try body()
    }

    /// The run-time kernel of this thread. Precondition: inside ``with(format:mode:seed:stream:_:)``.
    @inlinable @inline(__always)
    public static var currentKernel: RoundingKernel {
        let ctx = storage
        assert(ctx.pointee.has_kernel != 0, "RuntimeEmulated used outside RoundingContext.with(format:mode:)")
        return (UnsafeRawPointer(ctx) + kernelOffset).load(as: RoundingKernel.self)
    }

    /// Whether a run-time format and mode are installed on this thread.
    public static var hasRuntimeChoice: Bool { storage.pointee.has_kernel != 0 }

    /// Byte offsets of the format and kernel blocks in the C struct (checked
    /// when installing; literals so the hot path needs no lookup).
    @usableFromInline static var formatOffset: Int { 0 }
    @usableFromInline static var constantsOffset: Int { 64 }
    @usableFromInline static var kernelOffset: Int { 192 }
    @usableFromInline static var anyModeOffset: Int { 448 }

    /// The constants of the run-time format (see ``currentFormat``).
    @inlinable @inline(__always)
    public static var currentConstants: FormatConstants {
        let ctx = storage
        // Checked in debug builds only: this load is on every operation.
        assert(ctx.pointee.has_kernel != 0, "RuntimeFormat used outside RoundingContext.with(format:mode:)")
        return (UnsafeRawPointer(ctx) + constantsOffset).load(as: FormatConstants.self)
    }

    /// The one-formula step of the run-time kernel's mode.
    @inlinable @inline(__always)
    public static var currentAnyModeStep: AnyModeStep {
        (UnsafeRawPointer(storage) + anyModeOffset).load(as: AnyModeStep.self)
    }

    /// The run-time format of this thread. Precondition: inside
    /// ``with(format:mode:seed:stream:_:)``.
    @inlinable @inline(__always)
    public static var currentFormat: FloatFormat {
        let ctx = storage
        assert(ctx.pointee.has_kernel != 0, "RuntimeFormat used outside RoundingContext.with(format:mode:)")
        return (UnsafeRawPointer(ctx) + formatOffset).load(as: FloatFormat.self)
    }

    @usableFromInline
    static func install(format: FloatFormat, kernel: RoundingKernel) {
        let ctx = storage
        precondition(MemoryLayout<RoundingKernel>.size <= MemoryLayout.size(ofValue: ctx.pointee.kernel))
        precondition(MemoryLayout<FloatFormat>.size <= MemoryLayout.size(ofValue: ctx.pointee.format))
        precondition(MemoryLayout<roundoff_context>.offset(of: \.format) == formatOffset
                     && MemoryLayout<roundoff_context>.offset(of: \.constants) == constantsOffset
                     && MemoryLayout<roundoff_context>.offset(of: \.kernel) == kernelOffset
                     && MemoryLayout<roundoff_context>.offset(of: \.any_mode) == anyModeOffset)
        precondition(MemoryLayout<FormatConstants>.size <= MemoryLayout.size(ofValue: ctx.pointee.constants)
                     && MemoryLayout<AnyModeStep>.size <= MemoryLayout.size(ofValue: ctx.pointee.any_mode))
        (UnsafeMutableRawPointer(ctx) + kernelOffset).storeBytes(of: kernel, as: RoundingKernel.self)
        (UnsafeMutableRawPointer(ctx) + constantsOffset).storeBytes(of: kernel.constants, as: FormatConstants.self)
        (UnsafeMutableRawPointer(ctx) + anyModeOffset).storeBytes(of: AnyModeStep(kernel), as: AnyModeStep.self)
        (UnsafeMutableRawPointer(ctx) + formatOffset).storeBytes(of: format, as: FloatFormat.self)
        ctx.pointee.has_kernel = 1
    }

    // MARK: Random bits

    /// The next 64 random bits of this thread's stream.
    @inlinable @inline(__always)
    public static func nextRandomBits() -> UInt64 {
        let ctx = storage
        let n = ctx.pointee.stream_counter
        ctx.pointee.stream_counter = n &+ 1
        return StochasticStream(key: ctx.pointee.stream_key).bits(at: n)
    }

    // MARK: Events

    /// Runs `body` counting overflow, underflow, subnormal and NaN results of
    /// every emulated operation on this thread, per format.
    public static func countingEvents<R>(_ body: () throws -> R) rethrows -> (result: R, events: [FloatFormat: RoundingEvents]) {
        let recorder = RoundingEventRecorder()
        let ctx = storage
        let saved = ctx.pointee.events
        ctx.pointee.events = Unmanaged.passUnretained(recorder).toOpaque()
        defer { ctx.pointee.events = saved }
        let r = try withExtendedLifetime(recorder) { try body() }
        return (r, recorder.counts)
    }

    /// Whether counting is on for this thread: one thread-local load, the
    /// only cost of events when they are off.
    @inlinable @inline(__always)
    public static var isCountingEvents: Bool { storage.pointee.events != nil }

    /// The recorder of this thread, or nil when counting is off.
    public static var eventRecorder: RoundingEventRecorder? {
        guard let p = storage.pointee.events else { return nil }
        return Unmanaged<RoundingEventRecorder>.fromOpaque(p).takeUnretainedValue()
    }
}
