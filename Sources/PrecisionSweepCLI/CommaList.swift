import Foundation

/// Splits the comma-separated lists of `run --workloads/--formats/--modes`.
///
/// Format specs need care: a custom format has commas of its own
/// (`custom:p=5,emax=7,nosub`), so a piece that can only continue a spec — a
/// `key=value` of a custom format or an option such as `nosub` — is joined
/// back to the spec before it when that spec has options (a `:`).
/// `fp16,custom:p=5,emax=7,bf16` is therefore `fp16`, `custom:p=5,emax=7`
/// and `bf16`.
enum CommaList {
    /// `text` split at commas, pieces trimmed, empty pieces dropped.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `text` split into format specs, keeping the commas inside custom specs.
    static func splitFormats(_ text: String) -> [String] {
        var specs: [String] = []
        for piece in split(text) {
            if let last = specs.last, last.contains(":"), continuesSpec(piece) {
                specs[specs.count - 1] = last + "," + piece
            } else {
                specs.append(piece)
            }
        }
        return specs
    }

    /// Whether `piece` is a parameter or option of a format spec rather than a
    /// format name (format names never contain `=` and are never option words).
    private static func continuesSpec(_ piece: String) -> Bool {
        let lower = piece.lowercased()
        if ["nosub", "sub", "saturate", "ieee"].contains(lower) { return true }
        guard let equals = lower.firstIndex(of: "=") else { return false }
        return ["p", "emax", "emin", "xmax", "subnormals", "overflow"].contains(String(lower[..<equals]))
    }
}
