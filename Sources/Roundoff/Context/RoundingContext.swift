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
    public static func with<R>(
        format: FloatFormat, mode: RoundingMode, seed: UInt64 = 0, stream: UInt64 = 0,
        _ body: () throws -> R
    ) rethrows -> R {
        let ctx = storage
        let savedKernel = ctx.pointee.kernel
        let savedHas = ctx.pointee.has_kernel
        let savedBox = RuntimeFormatBox.current
        installKernel(RoundingKernel(format: format, mode: mode))
        RuntimeFormatBox.current = RuntimeFormatBox(format)
        defer {
            ctx.pointee.kernel = savedKernel
            ctx.pointee.has_kernel = savedHas
            RuntimeFormatBox.current = savedBox
        }
        return try withStream(StochasticStream(seed: seed, stream: stream), body)
    }

    /// Runs `body` drawing stochastic-rounding bits from `stream`, starting at
    /// its position 0.
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
        return UnsafeRawPointer(ctx).load(as: RoundingKernel.self)
    }

    /// Whether a run-time format and mode are installed on this thread.
    public static var hasRuntimeChoice: Bool { storage.pointee.has_kernel != 0 }

    /// The run-time format of this thread (fp64 when none is installed).
    public static var currentFormat: FloatFormat { RuntimeFormatBox.current?.format ?? .fp64 }

    static func installKernel(_ kernel: RoundingKernel) {
        precondition(MemoryLayout<RoundingKernel>.size <= MemoryLayout.size(ofValue: storage.pointee.kernel))
        let ctx = storage
        UnsafeMutableRawPointer(ctx).storeBytes(of: kernel, as: RoundingKernel.self)
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

/// Holds the run-time `FloatFormat` (which owns a `String`, so it cannot sit
/// in the C thread-local block) for descriptions and mixed static/run-time use.
final class RuntimeFormatBox: @unchecked Sendable {
    let format: FloatFormat
    init(_ format: FloatFormat) { self.format = format }

    /// Per-thread current box, kept alive by the C block's owner (this class).
    static var current: RuntimeFormatBox? {
        get {
            guard let p = RoundingContext.storage.pointee.format_box else { return nil }
            return Unmanaged<RuntimeFormatBox>.fromOpaque(p).takeUnretainedValue()
        }
        set {
            let ctx = RoundingContext.storage
            if let old = ctx.pointee.format_box { Unmanaged<RuntimeFormatBox>.fromOpaque(old).release() }
            ctx.pointee.format_box = newValue.map { Unmanaged.passRetained($0).toOpaque() }
        }
    }
}
