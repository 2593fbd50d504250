import Foundation

/// One of `N` disjoint parts of a sweep, numbered `K` = 1…N, so that `N` jobs
/// (for example a Slurm job array) can share a sweep and `merge` their folders.
///
/// Shard `K/N` keeps the cells whose canonical index `i` (0-based, see
/// ``SweepGrid/cells``) satisfies `i % N == K − 1`. The shards of one `N` are
/// therefore disjoint and together cover the grid; dealing the cells round
/// robin rather than in blocks spreads slow workloads over all shards.
///
/// Written and parsed as the text `K/N` (K is 1-based, matching
/// `$SLURM_ARRAY_TASK_ID` for `--array=1-N`).
public struct SweepShard: Hashable, Sendable, CustomStringConvertible {
    /// `K`, 1…``count``.
    public let index: Int
    /// `N`, at least 1.
    public let count: Int

    /// Shard `index` of `count`.
    /// - Throws: ``SweepError`` unless `1 ≤ index ≤ count`.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw SweepError("invalid shard \(index)/\(count); accepted: K/N with 1 <= K <= N (K is 1-based)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `2/8`.
    /// - Throws: ``SweepError`` naming the text.
    public init(spec: String) throws {
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else {
            throw SweepError("invalid shard '\(spec)'; accepted: K/N with 1 <= K <= N (K is 1-based), e.g. 2/8")
        }
        try self.init(index: k, count: n)
    }

    /// Whether the cell with canonical index `cellIndex` belongs to this shard.
    public func contains(cellIndex: Int) -> Bool { cellIndex % count == index - 1 }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}

extension SweepShard: Codable {
    /// Decodes the text `K/N`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(spec: text) } catch let error as SweepError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the text `K/N`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
