import Foundation
import RoundoffWorkloads

/// Where a notebook's files are: `NAME.md` and `sweep.yaml` in one folder,
/// the figures in its `figures/`.
struct NotebookFolder {
    /// The notebook's folder.
    let directory: URL
    /// The Markdown notebook.
    let markdown: URL
    /// The sweep file beside it.
    let sweepFile: URL
    /// The folder as the user named it (no `./`, no trailing `/`), for the
    /// commands the notebook prints.
    let displayPath: String

    /// The sweep file's name in every notebook folder.
    static let sweepFileName = "sweep.yaml"

    /// The notebooks `path` names: a notebook's `.md` file, its folder, or a
    /// folder of notebook folders (every subfolder holding a `sweep.yaml`,
    /// in name order).
    /// - Throws: ``NotebookError`` saying what was expected.
    static func locate(_ path: String) throws(NotebookError) -> [NotebookFolder] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotebookError("no such file or folder: \(path); expected a notebook folder (NAME.md and \(sweepFileName)), its .md file, or a folder of notebook folders")
        }
        let display = normalized(path)
        if !isDirectory.boolValue {
            guard path.hasSuffix(".md") else {
                throw NotebookError("\(path) is not a notebook: expected a .md file, a notebook folder or a folder of notebook folders")
            }
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent()
            let parent = (display as NSString).deletingLastPathComponent
            return [try folder(directory, markdown: url, display: parent.isEmpty ? "." : parent)]
        }
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        if fileManager.fileExists(atPath: directory.appendingPathComponent(sweepFileName).path) {
            return [try folder(directory, markdown: nil, display: display)]
        }
        let children = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        let notebooks = children.filter {
            fileManager.fileExists(atPath: directory.appendingPathComponent($0).appendingPathComponent(sweepFileName).path)
        }
        guard !notebooks.isEmpty else {
            throw NotebookError("\(path) holds no notebook: expected NAME.md and \(sweepFileName) in it, or in its subfolders")
        }
        var folders: [NotebookFolder] = []
        for name in notebooks {
            folders.append(try folder(
                directory.appendingPathComponent(name, isDirectory: true), markdown: nil,
                display: display == "." ? name : "\(display)/\(name)"))
        }
        return folders
    }

    private static func folder(_ directory: URL, markdown: URL?, display: String) throws(NotebookError) -> NotebookFolder {
        let sweep = directory.appendingPathComponent(sweepFileName)
        guard FileManager.default.fileExists(atPath: sweep.path) else {
            throw NotebookError("\(display) has no \(sweepFileName) beside the notebook")
        }
        if let markdown {
            return NotebookFolder(directory: directory, markdown: markdown, sweepFile: sweep, displayPath: display)
        }
        let name = directory.lastPathComponent
        let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        let chosen: String
        if candidates.contains("\(name).md") {
            chosen = "\(name).md"
        } else if candidates.count == 1 {
            chosen = candidates[0]
        } else {
            throw NotebookError(
                "\(display) needs its notebook as \(name).md (found: \(candidates.isEmpty ? "no .md file" : candidates.joined(separator: ", ")))")
        }
        return NotebookFolder(
            directory: directory, markdown: directory.appendingPathComponent(chosen), sweepFile: sweep, displayPath: display)
    }

    private static func normalized(_ path: String) -> String {
        var text = path
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text.isEmpty ? "." : text
    }
}
