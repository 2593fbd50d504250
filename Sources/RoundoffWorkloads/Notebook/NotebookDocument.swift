import Foundation

/// A Markdown notebook split into prose and generated blocks.
///
/// A generated block is an opening HTML comment that names its kind and
/// holds its specification, the generated Markdown, and a closing comment:
///
/// ```markdown
/// <!-- roundoff:figure
/// name: harmonic-rel_error
/// caption: Relative error against n
/// -->
/// ![Relative error against n](figures/harmonic-rel_error.png)
/// <!-- /roundoff:figure -->
/// ```
///
/// Both comments must start a line (after optional spaces). Markers inside
/// fenced code blocks (```` ``` ```` or `~~~`) are text, so a notebook can
/// show the syntax. ``rewriting(bodies:)`` replaces only what lies between a
/// block's `-->` line and its closing comment; every other byte of the file,
/// the specifications included, is kept as it is.
public struct NotebookDocument: Sendable {
    /// One generated block.
    public struct Block: Sendable {
        /// What the block generates: the word after `roundoff:` (`table`, `grid`, `figure`, `run`).
        public var kind: String
        /// The specification between the kind and `-->`, without the comment markers.
        public var specification: String
        /// The 1-based line of the opening comment, for messages.
        public var line: Int
        /// The 1-based line where the specification starts (the opening line for a one-line block).
        public var specificationLine: Int
        /// The generated text now in the file (between the spec's line and the closing comment).
        public var body: String
        /// Where ``body`` lies in the document's text.
        var bodyRange: Range<String.Index>
    }

    /// The whole text.
    public let text: String
    /// The generated blocks, in document order.
    public let blocks: [Block]

    /// The marker that opens a block: `<!-- roundoff:KIND`.
    static let opening = "<!-- roundoff:"
    /// The marker that closes a block: `<!-- /roundoff:KIND -->`.
    static let closing = "<!-- /roundoff:"

    /// Parses `text`; `source` names it in messages.
    /// - Throws: ``NotebookError`` naming the line of an unclosed comment, a
    ///   block without its closing comment, a closing comment without a block,
    ///   or a block opened inside another.
    public init(text: String, source: String) throws(NotebookError) {
        self.text = text
        var blocks: [Block] = []
        var fence: Substring?
        var lines = Self.lines(of: text)[...]
        while let line = lines.popFirst() {
            let trimmed = line.text.drop { $0 == " " || $0 == "\t" }
            if let marker = fence {
                if trimmed.hasPrefix(marker) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if trimmed.hasPrefix(Self.closing) {
                throw NotebookError("\(source):\(line.number): \(trimmed.trimmingCharacters(in: .whitespaces)) closes no open block")
            }
            guard trimmed.hasPrefix(Self.opening) else { continue }
            let afterMarker = trimmed.dropFirst(Self.opening.count)
            let kind = String(afterMarker.prefix { !$0.isWhitespace && $0 != "-" })
            guard !kind.isEmpty else {
                throw NotebookError("\(source):\(line.number): a block needs a kind after 'roundoff:' (table, grid, figure, run)")
            }
            // The specification: the rest of this line and the lines up to `-->`.
            var specification = String(afterMarker.dropFirst(kind.count))
            var specificationLine = line.number
            var bodyStart: String.Index
            if let end = specification.range(of: "-->") {
                specification = String(specification[..<end.lowerBound])
                bodyStart = line.end
            } else {
                var collected: [String] = specification.allSatisfy(\.isWhitespace) ? [] : [specification]
                if collected.isEmpty { specificationLine += 1 }
                var closed = false
                bodyStart = line.end
                while let next = lines.popFirst() {
                    if let end = next.text.range(of: "-->") {
                        let head = next.text[..<end.lowerBound]
                        if !head.allSatisfy(\.isWhitespace) { collected.append(String(head)) }
                        bodyStart = next.end
                        closed = true
                        break
                    }
                    collected.append(String(next.text))
                }
                guard closed else {
                    throw NotebookError("\(source):\(line.number): the comment opening roundoff:\(kind) is never closed with -->")
                }
                specification = collected.joined(separator: "\n")
            }
            // The body: up to this kind's closing comment.
            let closingMarker = "\(Self.closing)\(kind) -->"
            var bodyEnd: String.Index?
            while let next = lines.popFirst() {
                let inner = next.text.drop { $0 == " " || $0 == "\t" }
                if inner.hasPrefix(closingMarker) {
                    bodyEnd = next.start
                    break
                }
                if inner.hasPrefix(Self.opening) || inner.hasPrefix(Self.closing) {
                    throw NotebookError(
                        "\(source):\(next.number): \(inner.trimmingCharacters(in: .whitespaces)) inside the roundoff:\(kind) block opened on line \(line.number); close that block first with \(closingMarker)")
                }
            }
            guard let bodyEnd else {
                throw NotebookError("\(source):\(line.number): the roundoff:\(kind) block has no closing \(closingMarker)")
            }
            blocks.append(Block(
                kind: kind, specification: specification, line: line.number, specificationLine: specificationLine,
                body: String(text[bodyStart..<bodyEnd]), bodyRange: bodyStart..<bodyEnd))
        }
        self.blocks = blocks
    }

    /// The text with each block's body replaced by the corresponding entry of
    /// `bodies` (one per block, in order). A body is written between a line
    /// break after the specification and one before the closing comment.
    public func rewriting(bodies: [String]) -> String {
        precondition(bodies.count == blocks.count, "one body per block")
        var result = ""
        var position = text.startIndex
        for (block, body) in zip(blocks, bodies) {
            result += text[position..<block.bodyRange.lowerBound]
            // A block opened on the file's last line without a newline still
            // needs one before its body.
            if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
            result += body
            if !body.isEmpty && !body.hasSuffix("\n") { result += "\n" }
            position = block.bodyRange.upperBound
        }
        result += text[position...]
        return result
    }

    /// A line of the text: its content (without the line break), its 1-based
    /// number, where it starts and where the next line starts.
    private struct Line {
        var text: Substring
        var number: Int
        var start: String.Index
        var end: String.Index
    }

    private static func lines(of text: String) -> [Line] {
        var lines: [Line] = []
        var start = text.startIndex
        var number = 1
        while start < text.endIndex {
            let breakIndex = text[start...].firstIndex(of: "\n") ?? text.endIndex
            let end = breakIndex < text.endIndex ? text.index(after: breakIndex) : text.endIndex
            var content = text[start..<breakIndex]
            if content.hasSuffix("\r") { content = content.dropLast() }
            lines.append(Line(text: content, number: number, start: start, end: end))
            start = end
            number += 1
        }
        return lines
    }
}

/// A notebook that cannot be read or rendered; the message names the file,
/// the line and what is accepted.
public struct NotebookError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String

    /// An error with `description`.
    public init(_ description: String) {
        self.description = description
    }
}
