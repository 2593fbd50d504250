/// Quoting of words for POSIX shells (`sh`, `bash`), for the commands that
/// `precision-sweep slurm` writes into batch scripts and prints.
public enum ShellWord {
    /// `text` as one shell word that the shell turns back into exactly `text`:
    /// unchanged when it is non-empty and holds only characters no shell
    /// treats specially (letters, digits and `_ . / : = % + , @ -`), else in
    /// single quotes, with each `'` written as `'\''`.
    ///
    /// Inside single quotes nothing is special (no `$`, backslash or glob
    /// expansion), so any path — spaces, quotes, newlines — survives.
    public static func quoted(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isPlain) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `arguments` as a command line: each word quoted, separated by spaces.
    public static func commandLine(_ arguments: [String]) -> String {
        arguments.map(quoted).joined(separator: " ")
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "/", ":", "=", "%", "+", ",", "@", "-": true
        default: false
        }
    }
}
