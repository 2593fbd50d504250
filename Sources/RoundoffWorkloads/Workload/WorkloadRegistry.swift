import Foundation

/// The workloads the CLI can run, by name. Each module that defines
/// workloads offers them as a list (`SolverWorkloads.all`); the CLI
/// registers those, and a user package can register its own before handing
/// control to the CLI, without changing Roundoff.
public final class WorkloadRegistry: @unchecked Sendable {
    /// The registry the CLI reads.
    public static let shared = WorkloadRegistry()

    private let lock = NSLock()
    private var byName: [String: AnyWorkload] = [:]

    /// An empty registry (the CLI uses ``shared``).
    public init() {}

    /// Adds `workload`, replacing one of the same name.
    public func register<W: Workload>(_ workload: W) { register(AnyWorkload(workload)) }

    /// Adds a type-erased workload, replacing one of the same name.
    public func register(_ workload: AnyWorkload) {
        lock.lock(); defer { lock.unlock() }
        byName[workload.name] = workload
    }

    /// All registered workloads, sorted by name.
    public var all: [AnyWorkload] {
        lock.lock(); defer { lock.unlock() }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// The workload called `name`.
    /// - Throws: ``ParameterError`` naming `name` and listing the registered names.
    public func workload(named name: String) throws -> AnyWorkload {
        lock.lock(); defer { lock.unlock() }
        guard let w = byName[name] else {
            let names = byName.keys.sorted().joined(separator: ", ")
            throw ParameterError("unknown workload '\(name)'; accepted: \(names)")
        }
        return w
    }
}
