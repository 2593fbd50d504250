import Foundation

/// What `precision-sweep slurm` asks Slurm for: the `#SBATCH` options of the
/// array job and of the merge job that follows it.
///
/// Every value is checked by ``validate()`` before a script is written, so
/// that a typo fails on the login node with a message instead of in the
/// queue. Values are written into `#SBATCH` lines in double quotes (see
/// ``SlurmJobScripts``); the extra options are written as given.
public struct SlurmJobOptions: Hashable, Sendable {
    /// `--job-name` of the array job; the merge job is `<name>-merge`.
    public var jobName: String
    /// `--partition`; nil for the cluster's default partition.
    public var partition: String?
    /// `--time`, the time limit of each array task and of the merge job, in
    /// one of Slurm's forms (``acceptedTimeForms``); nil for the partition's default.
    public var time: String?
    /// `--cpus-per-task`: CPUs of each array task, which runs that many cells
    /// at once (`run --threads $SLURM_CPUS_PER_TASK`). The merge job asks for one.
    public var cpusPerTask: Int
    /// `--mem`, memory per node of each job (`4G`, `500M`, a number of
    /// megabytes); nil for the partition's default.
    public var memory: String?
    /// `--account` to charge; nil for the user's default account.
    public var account: String?
    /// At most this many array tasks run at once (`--array=…%M`); nil for no limit.
    public var maxRunningTasks: Int?
    /// Further options, each written as its own `#SBATCH` line into both
    /// scripts exactly as given, e.g. `--qos=debug` or `--constraint=skylake`.
    public var extraOptions: [String]

    /// Slurm's `--time` forms, for messages.
    public static let acceptedTimeForms =
        "MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED (e.g. 30, 02:00:00, 1-12:00:00)"

    /// The options `precision-sweep slurm` writes itself, which an extra
    /// option must not set: the task list, the dependency and the log files
    /// are what make the array, the merge and resubmission work.
    public static let reservedOptions = ["--array", "-a", "--dependency", "-d", "--output", "-o", "--error", "-e", "--parsable", "--wrap"]

    /// Options with the given values.
    public init(
        jobName: String, partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1, memory: String? = nil,
        account: String? = nil, maxRunningTasks: Int? = nil, extraOptions: [String] = []
    ) {
        self.jobName = jobName
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.account = account
        self.maxRunningTasks = maxRunningTasks
        self.extraOptions = extraOptions
    }

    /// Checks every value.
    /// - Throws: ``SweepError`` naming the option, the bad value and what is accepted.
    public func validate() throws {
        try Self.checkName(jobName, "--job-name", allowingSpaces: true)
        if let partition { try Self.checkName(partition, "--partition", allowingSpaces: false) }
        if let account { try Self.checkName(account, "--account", allowingSpaces: false) }
        if let time, time.wholeMatch(of: Self.timePattern) == nil {
            throw SweepError("invalid --time '\(time)'; accepted: \(Self.acceptedTimeForms)")
        }
        guard cpusPerTask >= 1 else {
            throw SweepError("invalid --cpus-per-task \(cpusPerTask); accepted: 1 or more")
        }
        if let memory, memory.wholeMatch(of: /[0-9]+[KMGTkmgt]?/) == nil {
            throw SweepError("invalid --mem '\(memory)'; accepted: a whole number with an optional unit K, M, G or T (e.g. 4G; no unit means megabytes)")
        }
        if let maxRunningTasks, maxRunningTasks < 1 {
            throw SweepError("invalid --max-running \(maxRunningTasks); accepted: 1 or more")
        }
        for option in extraOptions {
            guard option.hasPrefix("-"), option.count > 1 else {
                throw SweepError("invalid --sbatch-option '\(option)'; accepted: one sbatch option as in a batch script, e.g. --qos=debug")
            }
            guard !option.contains(where: \.isNewline) else {
                throw SweepError("invalid --sbatch-option '\(option)': it holds a line break; accepted: one sbatch option on one line")
            }
            if let reserved = Self.reservedOption(in: option) {
                throw SweepError(
                    "--sbatch-option '\(option)' sets \(reserved), which precision-sweep slurm writes itself; accepted: any other sbatch option (reserved: \(Self.reservedOptions.joined(separator: ", ")))")
            }
        }
    }

    /// The reserved option `option` sets, if any: long options by name (up to
    /// `=` or a space), short ones by letter (`-a3` and `-a 3` set `-a`).
    static func reservedOption(in option: String) -> String? {
        if option.hasPrefix("--") {
            let name = String(option.prefix { $0 != "=" && $0 != " " })
            return reservedOptions.contains(name) ? name : nil
        }
        let short = String(option.prefix(2))
        return reservedOptions.contains(short) ? short : nil
    }

    /// `[-]MM[:SS]`, `HH:MM:SS`, `D-HH[:MM[:SS]]` or unlimited.
    nonisolated(unsafe) private static let timePattern =
        /[0-9]+(:[0-9]{1,2}(:[0-9]{1,2})?)?|[0-9]+-[0-9]{1,2}(:[0-9]{1,2}(:[0-9]{1,2})?)?|(?i:unlimited|infinite)/

    /// A name must be non-empty and printable; partitions and accounts are
    /// single words (Slurm splits lists of them at commas, not spaces).
    private static func checkName(_ value: String, _ option: String, allowingSpaces: Bool) throws {
        let bad = value.isEmpty
            || value.unicodeScalars.contains { $0.properties.generalCategory == .control }
            || (!allowingSpaces && value.contains(where: \.isWhitespace))
        if bad {
            throw SweepError(
                "invalid \(option) '\(value)'; accepted: a non-empty name \(allowingSpaces ? "without line breaks" : "without spaces")")
        }
    }
}
