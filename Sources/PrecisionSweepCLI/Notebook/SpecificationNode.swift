import Foundation
import RoundoffWorkloads
import Yams

/// A YAML node of a notebook block's specification, read strictly: unknown
/// keys and wrong types are errors that name the notebook's line.
struct SpecificationNode {
    let node: Node
    /// The notebook file, for messages.
    let source: String
    /// The notebook line of the specification's first line.
    let firstLine: Int

    /// Parses the specification text of a block.
    /// - Returns: nil for an empty specification.
    static func parse(_ text: String, source: String, firstLine: Int, kind: String) throws(NotebookError) -> SpecificationNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return SpecificationNode(node: node, source: source, firstLine: firstLine)
        } catch {
            throw NotebookError("\(source):\(firstLine): the roundoff:\(kind) specification is not valid YAML: \(error)")
        }
    }

    /// The notebook line of this node.
    var line: Int { firstLine + (node.mark.map { $0.line - 1 } ?? 0) }

    func error(_ message: String) -> NotebookError {
        NotebookError("\(source):\(line): \(message)")
    }

    private func child(_ node: Node) -> SpecificationNode {
        SpecificationNode(node: node, source: source, firstLine: firstLine)
    }

    /// The mapping's values by key, refusing keys outside `required` and
    /// `optional` and requiring every key of `required`.
    func mapping(_ what: String, required: [String], optional: [String] = []) throws(NotebookError) -> [String: SpecificationNode] {
        guard let mapping = node.mapping else {
            throw error("\(what) must be a mapping with the keys \((required + optional).joined(separator: ", "))")
        }
        var values: [String: SpecificationNode] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard required.contains(key) || optional.contains(key) else {
                throw child(keyNode).error(
                    "unknown key '\(key)' in \(what); accepted: \((required + optional).joined(separator: ", "))")
            }
            values[key] = child(value)
        }
        for key in required where values[key] == nil {
            throw error("\(what) needs the key '\(key)' (accepted: \((required + optional).joined(separator: ", ")))")
        }
        return values
    }

    /// A scalar as text (numbers as written).
    func string(_ key: String) throws(NotebookError) -> String {
        guard let scalar = node.scalar, node.tag != Tag(.null) else {
            throw error("\(key) must be a single value")
        }
        return scalar.string
    }

    /// An integer.
    func int(_ key: String) throws(NotebookError) -> Int {
        guard let value = Int(try string(key)) else { throw error("\(key) must be an integer") }
        return value
    }

    /// A sequence of nodes; a single node counts as a sequence of one.
    func list() -> [SpecificationNode] {
        if let sequence = node.sequence { return sequence.map(child) }
        return [self]
    }

    /// A sequence of scalars, or one comma-separated scalar.
    func strings(_ key: String) throws(NotebookError) -> [String] {
        if let sequence = node.sequence {
            var result: [String] = []
            for item in sequence { result.append(try child(item).string(key)) }
            return result
        }
        return try string(key).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
