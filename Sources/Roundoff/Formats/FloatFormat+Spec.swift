extension FloatFormat {
    /// Preset names and their aliases, as accepted by ``init(spec:)``, in
    /// ``presets`` order (the first name is the canonical one).
    public static let presetNames: [(names: [String], format: FloatFormat)] = [
        (["fp64", "binary64", "double"], .fp64),
        (["fp32", "binary32", "single"], .fp32),
        (["tf32"], .tf32),
        (["fp16", "binary16", "half"], .fp16),
        (["bf16", "bfloat16"], .bf16),
        (["fp8-e5m2", "e5m2"], .e5m2),
        (["fp8-e4m3", "e4m3", "e4m3fn"], .e4m3),
        (["fp6-e3m2", "e3m2"], .e3m2),
        (["fp6-e2m3", "e2m3"], .e2m3),
        (["fp4-e2m1", "e2m1"], .e2m1),
    ]

    /// The grammar of a custom format.
    public static let customSyntax = "custom:p=P,emax=E[,emin=M][,xmax=X] (or custom-pP-emaxE)"
    /// Options that may follow any format after ':' (or as a '-' suffix).
    public static let acceptedOptions = "nosub (subnormals off), sub (on), saturate, ieee"
    /// Everything ``init(spec:)`` accepts, for error messages and help text.
    public static var acceptedSpecs: String {
        presetNames.map { $0.names.joined(separator: "|") }.joined(separator: ", ")
            + "; " + customSyntax + "; options after ':' or '-': " + acceptedOptions
            + " (e.g. fp16:nosub, bf16-saturate, custom:p=5,emax=7,nosub)"
    }

    /// Parses a format spec string.
    ///
    /// Grammar (case-insensitive):
    /// - a preset or alias: `fp64 fp32 tf32 fp16 bf16 fp8-e5m2 fp8-e4m3 fp6-e3m2
    ///   fp6-e2m3 fp4-e2m1` (`binary32`, `half`, `e4m3`, `e4m3fn`, …);
    /// - a custom format: `custom:p=P,emax=E[,emin=M][,xmax=X]` where `emin`
    ///   defaults to `1 − emax` and `xmax` to `2^emax·(2 − 2^(1−p))`; the
    ///   short form `custom-pP-emaxE[-eminM]` is the same;
    /// - options after `:` (comma-separated) or as `-` suffixes:
    ///   `nosub` / `sub` switch subnormals, `saturate` / `ieee` set overflow.
    ///
    /// - Throws: ``FormatSpecError`` naming the bad token and listing the
    ///   accepted forms.
    public init(spec raw: String) throws {
        let spec = raw.trimmingWhitespace().lowercased()
        guard !spec.isEmpty else { throw FormatSpecError.unknownFormat(raw) }
        var head = spec
        var options: [String] = []
        if let colon = spec.firstIndex(of: ":") {
            head = String(spec[..<colon])
            options = spec[spec.index(after: colon)...].split(separator: ",").map { String($0) }
        }
        // Peel '-option' suffixes (fp16-nosub, bf16-saturate) off the name.
        let suffixes = ["nosub", "sub", "saturate", "ieee"]
        var peeled = true
        while peeled {
            peeled = false
            for s in suffixes where head.hasSuffix("-" + s) {
                head.removeLast(s.count + 1)
                options.insert(s, at: 0)
                peeled = true
                break
            }
        }
        var format: FloatFormat
        if let preset = FloatFormat.presetNames.first(where: { $0.names.contains(head) }) {
            format = preset.format
        } else if head == "custom" || head.hasPrefix("custom-") {
            var params: [String: String] = [:]
            if head.hasPrefix("custom-") {
                // custom-p5-emax7[-emin-6]: the letters name the parameter.
                var rest = head.dropFirst("custom-".count)
                for key in ["p", "emax", "emin", "xmax"] where rest.hasPrefix(key) {
                    rest = rest.dropFirst(key.count)
                    var value = ""
                    if rest.first == "-" { value.append("-"); rest = rest.dropFirst() }
                    while let c = rest.first, c != "-" { value.append(c); rest = rest.dropFirst() }
                    params[key] = value
                    if rest.first == "-" { rest = rest.dropFirst() }
                }
                guard rest.isEmpty else { throw FormatSpecError.unknownFormat(raw) }
            }
            var remaining: [String] = []
            for option in options {
                let kv = option.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
                if kv.count == 2, ["p", "emax", "emin", "xmax"].contains(kv[0]) {
                    params[kv[0]] = kv[1]
                } else {
                    remaining.append(option)
                }
            }
            options = remaining
            func int(_ key: String) throws -> Int? {
                guard let text = params[key] else { return nil }
                guard let v = Int(text) else {
                    throw FormatSpecError.parameterOutOfRange(name: key, value: text, accepted: "an integer")
                }
                return v
            }
            guard let p = try int("p") else { throw FormatSpecError.missingParameter(name: "p", spec: raw) }
            guard let emax = try int("emax") else { throw FormatSpecError.missingParameter(name: "emax", spec: raw) }
            var xmax: Double?
            if let text = params["xmax"] {
                guard let v = Double(text) else {
                    throw FormatSpecError.parameterOutOfRange(name: "xmax", value: text, accepted: "a number")
                }
                xmax = v
            }
            format = try FloatFormat(precision: p, minExponent: try int("emin"), maxExponent: emax,
                                     greatestFinite: xmax)
        } else {
            throw FormatSpecError.unknownFormat(raw)
        }
        for option in options.map({ $0.trimmingWhitespace() }) where !option.isEmpty {
            switch option {
            case "nosub", "subnormals=off", "subnormals=false": format = format.subnormals(false)
            case "sub", "subnormals=on", "subnormals=true": format = format.subnormals(true)
            case "saturate", "overflow=saturate": format = format.overflow(.saturate)
            case "ieee", "overflow=ieee": format = format.overflow(.ieee)
            default: throw FormatSpecError.unknownOption(option: option, spec: raw)
            }
        }
        self = format
    }

    /// The canonical spec string: the name plus the options that differ from
    /// the base format's defaults, parseable by ``init(spec:)``.
    public var spec: String {
        guard presetIndex >= 0 else {
            var s = "custom:p=\(precision),emax=\(maxExponent)"
            if minExponent != 1 - maxExponent { s += ",emin=\(minExponent)" }
            if greatestFiniteMagnitude != FloatFormat.defaultGreatestFinite(precision: precision, maxExponent: maxExponent) {
                s += ",xmax=\(greatestFiniteMagnitude)"
            }
            if !hasSubnormals { s += ",nosub" }
            if overflow == .saturate { s += ",saturate" }
            return s
        }
        let base = FloatFormat.presets[Int(presetIndex)]
        var options: [String] = []
        if hasSubnormals != base.hasSubnormals { options.append(hasSubnormals ? "sub" : "nosub") }
        if overflow != base.overflow { options.append(overflow.rawValue) }
        return options.isEmpty ? name : name + ":" + options.joined(separator: ",")
    }
}

extension String {
    @usableFromInline
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension FloatFormat: CustomStringConvertible {
    /// The canonical spec string (see ``spec``).
    public var description: String { spec }
}
