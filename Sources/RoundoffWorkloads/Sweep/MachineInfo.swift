import Foundation

/// The machine a sweep ran on, recorded in `run.json` so that timings and
/// any platform-dependent result can be traced.
public struct MachineInfo: Hashable, Sendable, Codable {
    /// The host name.
    public var hostname: String
    /// The operating system's version string, as Foundation reports it.
    public var operatingSystem: String
    /// Logical processors.
    public var processorCount: Int
    /// Logical processors available to this process.
    public var activeProcessorCount: Int
    /// Physical memory in bytes.
    public var physicalMemory: UInt64

    /// A record with the given values.
    public init(hostname: String, operatingSystem: String, processorCount: Int, activeProcessorCount: Int, physicalMemory: UInt64) {
        self.hostname = hostname
        self.operatingSystem = operatingSystem
        self.processorCount = processorCount
        self.activeProcessorCount = activeProcessorCount
        self.physicalMemory = physicalMemory
    }

    /// The machine this process runs on.
    public static var current: MachineInfo {
        let info = ProcessInfo.processInfo
        return MachineInfo(
            hostname: info.hostName, operatingSystem: info.operatingSystemVersionString,
            processorCount: info.processorCount, activeProcessorCount: info.activeProcessorCount,
            physicalMemory: info.physicalMemory)
    }
}
