import ArgumentParser
import Roundoff
import RoundoffWorkloads

/// Turns the sweep engine's configuration errors into `ValidationError`s, so
/// that a bad workload, format, mode, parameter, shard or output folder fails
/// in `validate()` like any bad option: exit status 64 (EX_USAGE), the
/// engine's message (which lists the accepted values), and nothing written.
enum SweepCLIErrors {
    /// Runs `body`, rethrowing configuration errors as `ValidationError`.
    static func asValidation<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SweepError {
            throw ValidationError(error.description)
        } catch let error as ParameterError {
            throw ValidationError(error.description)
        } catch let error as FormatSpecError {
            throw ValidationError(error.description)
        }
    }
}
