/// A sweep that cannot start or continue: a bad option, a results folder that
/// holds a different run, an unreadable journal. The description says what is
/// wrong and, where there is a choice, what is accepted.
///
/// Errors of a single cell are not `SweepError`s: they are recorded in the
/// results (see ``ResultsCSV/failureMetric``) and the sweep goes on.
public struct SweepError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, without an "Error: " prefix.
    public var description: String

    /// An error with the message `description`.
    public init(_ description: String) { self.description = description }
}
