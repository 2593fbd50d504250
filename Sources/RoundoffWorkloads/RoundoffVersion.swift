/// The version of Roundoff. Every sweep writes it to `run.json`, so a
/// results folder can be traced to the code that produced it.
public enum RoundoffVersion {
    /// The release this source tree is, as `major.minor.patch`.
    public static let version = "0.1.0"
}
