import Testing
@testable import Roundoff

// Format and rounding-mode spec strings (design §1: "A spec string names
// each preset, and a custom format by its parameters; the parser's error
// lists what is accepted"). Expected parameters come from the table in
// design §1, not from the library's preset constants.

@Suite("Format and mode spec parsing")
struct SpecParserTests {
    struct Spelling: Sendable, CustomTestStringConvertible {
        let text: String
        let p: Int, emin: Int, emax: Int, xmax: Double
        let saturate: Bool
        let canonical: String
        var testDescription: String { text }
    }

    /// Every preset name and alias with its parameters (design §1 table).
    static let spellings: [Spelling] = {
        let rows: [([String], Int, Int, Int, Double, Bool)] = [
            (["fp64", "binary64", "double"], 53, -1022, 1023, .greatestFiniteMagnitude, false),
            (["fp32", "binary32", "single"], 24, -126, 127, 0x1.fffffep127, false),
            (["tf32"], 11, -126, 127, 0x1.ffcp127, false),
            (["fp16", "binary16", "half"], 11, -14, 15, 65504, false),
            (["bf16", "bfloat16"], 8, -126, 127, 0x1.fep127, false),
            (["fp8-e5m2", "e5m2"], 3, -14, 15, 57344, false),
            (["fp8-e4m3", "e4m3", "e4m3fn"], 4, -6, 8, 448, true),
            (["fp6-e3m2", "e3m2"], 3, -2, 4, 28, true),
            (["fp6-e2m3", "e2m3"], 4, 0, 2, 7.5, true),
            (["fp4-e2m1", "e2m1"], 2, 0, 2, 6, true),
        ]
        return rows.flatMap { names, p, emin, emax, xmax, sat in
            names.map { Spelling(text: $0, p: p, emin: emin, emax: emax, xmax: xmax, saturate: sat, canonical: names[0]) }
        }
    }()

    static func check(_ f: FloatFormat, p: Int, emin: Int, emax: Int, xmax: Double, subnormals: Bool = true,
                      saturate: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(f.precision == p, sourceLocation: sourceLocation)
        #expect(f.minExponent == emin, sourceLocation: sourceLocation)
        #expect(f.maxExponent == emax, sourceLocation: sourceLocation)
        #expect(f.greatestFiniteMagnitude == xmax, sourceLocation: sourceLocation)
        #expect(f.hasSubnormals == subnormals, sourceLocation: sourceLocation)
        #expect(f.overflow == (saturate ? .saturate : .ieee), sourceLocation: sourceLocation)
    }

    @Test("every preset name and alias parses to its format", arguments: spellings)
    func presetNames(s: Spelling) throws {
        let f = try FloatFormat(spec: s.text)
        Self.check(f, p: s.p, emin: s.emin, emax: s.emax, xmax: s.xmax, saturate: s.saturate)
        #expect(f == (try FloatFormat(spec: s.canonical)))
        #expect(f.spec == s.canonical)
        #expect(f.name == s.canonical)
        // Case and surrounding whitespace do not matter.
        #expect((try FloatFormat(spec: " " + s.text.uppercased() + " ")) == f)
    }

    @Test("the presets are exactly the design's ten formats")
    func presetList() {
        #expect(FloatFormat.presets.map(\.spec) == ["fp64", "fp32", "tf32", "fp16", "bf16", "fp8-e5m2", "fp8-e4m3",
                                                    "fp6-e3m2", "fp6-e2m3", "fp4-e2m1"])
    }

    @Test("custom formats")
    func custom() throws {
        // emin defaults to 1 − emax; xmax to 2^emax·(2 − 2^(1−p)) = 2^7·(2 − 2^−4) = 248.
        let long = try FloatFormat(spec: "custom:p=5,emax=7")
        Self.check(long, p: 5, emin: -6, emax: 7, xmax: 248)
        let short = try FloatFormat(spec: "custom-p5-emax7")
        #expect(short == long)
        let withEmin = try FloatFormat(spec: "custom:p=5,emin=-5,emax=7")
        Self.check(withEmin, p: 5, emin: -5, emax: 7, xmax: 248)
        #expect(withEmin != long)
        Self.check(try FloatFormat(spec: "custom:p=30,emax=127"), p: 30, emin: -126, emax: 127,
                   xmax: pow2(127) * (2 - pow2(-29)))
        Self.check(try FloatFormat(spec: "custom:p=1,emax=1"), p: 1, emin: 0, emax: 1, xmax: 2)
        Self.check(try FloatFormat(spec: "custom:p=53,emax=1023,emin=-1022"), p: 53, emin: -1022, emax: 1023,
                   xmax: .greatestFiniteMagnitude)
        Self.check(try FloatFormat(spec: "custom:p=4,emin=-6,emax=8,xmax=448"), p: 4, emin: -6, emax: 8, xmax: 448)
        Self.check(try FloatFormat(spec: "custom:p=5,emax=7,nosub,saturate"), p: 5, emin: -6, emax: 7, xmax: 248,
                   subnormals: false, saturate: true)
        // A custom format behaves like its parameters: p = 5, emax = 7.
        #expect(RoundingKernel(format: long, mode: .nearestEven).round(1 + 0x1p-5 + 0x1p-9) == 1 + 0x1p-4)
        #expect(RoundingKernel(format: long, mode: .nearestEven).round(300) == .infinity)
    }

    @Test("options: nosub, sub, saturate, ieee after ':' or as '-' suffixes")
    func options() throws {
        #expect(try FloatFormat(spec: "fp16:nosub") == FloatFormat.fp16.subnormals(false))
        Self.check(try FloatFormat(spec: "fp16:nosub"), p: 11, emin: -14, emax: 15, xmax: 65504, subnormals: false)
        Self.check(try FloatFormat(spec: "fp16-saturate"), p: 11, emin: -14, emax: 15, xmax: 65504, saturate: true)
        Self.check(try FloatFormat(spec: "bf16:nosub,saturate"), p: 8, emin: -126, emax: 127, xmax: 0x1.fep127,
                   subnormals: false, saturate: true)
        Self.check(try FloatFormat(spec: "bf16-nosub-saturate"), p: 8, emin: -126, emax: 127, xmax: 0x1.fep127,
                   subnormals: false, saturate: true)
        Self.check(try FloatFormat(spec: "fp8-e4m3:ieee"), p: 4, emin: -6, emax: 8, xmax: 448)
        Self.check(try FloatFormat(spec: "e4m3:nosub"), p: 4, emin: -6, emax: 8, xmax: 448, subnormals: false, saturate: true)
        Self.check(try FloatFormat(spec: "fp16:nosub,sub"), p: 11, emin: -14, emax: 15, xmax: 65504)
        #expect(try FloatFormat(spec: "half-nosub") == FloatFormat(spec: "fp16:nosub"))
    }

    static let roundTripSpecs = ["fp64", "fp32:saturate", "tf32:nosub", "fp16", "fp16:nosub", "fp16-saturate",
                                 "bf16:nosub,saturate", "e5m2", "fp8-e4m3:ieee", "e4m3:nosub", "e3m2:ieee",
                                 "e2m3", "e2m1:nosub,ieee", "custom:p=5,emax=7", "custom-p5-emax7",
                                 "custom:p=5,emin=-5,emax=7", "custom:p=30,emax=127,nosub",
                                 "custom:p=4,emin=-6,emax=8,xmax=448", "custom:p=4,emin=-6,emax=8,xmax=448,saturate",
                                 "custom:p=53,emax=1023", "custom:p=1,emax=1,saturate"]

    @Test("the canonical spec string parses back to the same format", arguments: roundTripSpecs)
    func canonicalRoundTrip(text: String) throws {
        let f = try FloatFormat(spec: text)
        let again = try FloatFormat(spec: f.spec)
        #expect(again == f, "'\(text)' → '\(f.spec)' → '\(again.spec)'")
        #expect(again.spec == f.spec)
        #expect(f.description == f.spec)
    }

    // MARK: Errors

    static func message(_ spec: String) -> String? {
        do {
            _ = try FloatFormat(spec: spec)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test("unknown format names are rejected with the accepted list", arguments: ["fp17", "float16", "", "bf", "custom-x5"])
    func unknownName(text: String) {
        guard let m = Self.message(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(m.contains("'\(text)'"), "message does not quote the input: \(m)")
        #expect(m.contains("fp16"), "\(m)")
        #expect(m.contains("custom:p="), "\(m)")
        #expect(m.contains("fp8-e4m3") && m.contains("bf16"), "\(m)")
    }

    @Test("bad options are rejected naming the option", arguments: ["fp16:foo", "bf16:nosub,bogus", "fp16:saturated"])
    func badOption(text: String) {
        guard let m = Self.message(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        let option = String(text.split(separator: ",").last!.split(separator: ":").last!)
        #expect(m.contains(option), "\(m)")
        #expect(m.contains("nosub") && m.contains("saturate"), "the accepted options are not listed: \(m)")
    }

    @Test("out-of-range or missing parameters name the parameter",
          arguments: [("custom:p=0,emax=7", "p"), ("custom:p=54,emax=7", "p"), ("custom:p=5,emax=2000", "emax"),
                      ("custom:p=5,emax=0", "emax"), ("custom:p=5,emax=7,emin=3", "emin"),
                      ("custom:p=5,emax=7,emin=-1023", "emin"), ("custom:p=5,emax=7,xmax=1000", "xmax"),
                      ("custom:p=5,emax=7,xmax=247", "xmax"), ("custom:p=abc,emax=7", "p"),
                      ("custom:p=5", "emax"), ("custom:emax=7", "p")])
    func badParameter(text: String, parameter: String) {
        do {
            _ = try FloatFormat(spec: text)
            Issue.record("'\(text)' was accepted")
        } catch let error as FormatSpecError {
            switch error {
            case .parameterOutOfRange(let name, _, _), .missingParameter(let name, _):
                #expect(name == parameter, "'\(text)': \(error)")
            default:
                Issue.record("'\(text)': unexpected error \(error)")
            }
            #expect(error.description.contains(parameter), "\(error)")
        } catch {
            Issue.record("'\(text)': unexpected error type \(error)")
        }
        if text.hasPrefix("custom:p=54") {
            #expect(Self.message(text)?.contains("53") == true, "the accepted range is not given: \(Self.message(text) ?? "")")
        }
    }

    // MARK: Modes

    @Test("every rounding-mode name parses")
    func modeNames() throws {
        let table: [(String, RoundingMode)] = [
            ("rne", .nearestEven), ("rna", .nearestAway), ("rnz", .nearestTowardZero), ("ru", .up), ("rd", .down),
            ("rz", .towardZero), ("ro", .odd), ("sr", .stochastic(bits: nil)), ("sr-half", .stochasticHalf),
            ("sr:8", .stochastic(bits: 8)), ("sr8", .stochastic(bits: 8)), ("sr:1", .stochastic(bits: 1)),
            ("SR:13", .stochastic(bits: 13)), (" RNE ", .nearestEven),
        ]
        for (text, mode) in table {
            #expect(try RoundingMode(spec: text) == mode, "'\(text)'")
        }
        for mode in deterministicModes + [.stochastic, .stochastic(bits: 3), .stochastic(bits: 52), .stochasticHalf] {
            #expect(try RoundingMode(spec: mode.spec) == mode, "'\(mode.spec)'")
            #expect(mode.description == mode.spec)
        }
        #expect(RoundingMode.stochastic(bits: 8).spec == "sr:8")
        #expect(RoundingMode.stochasticHalf.spec == "sr-half")
    }

    @Test("bad mode names are rejected listing the accepted modes", arguments: ["rnx", "sr:0", "sr:99", "sr-", "round", ""])
    func badMode(text: String) {
        do {
            let m = try RoundingMode(spec: text)
            Issue.record("'\(text)' was accepted as \(m)")
        } catch {
            let m = String(describing: error)
            #expect(m.contains("'\(text)'"), "message does not quote the input: \(m)")
            for name in ["rne", "rna", "rnz", "ru", "rd", "rz", "ro", "sr", "sr-half", "sr:R"] {
                #expect(m.contains(name), "'\(name)' missing from: \(m)")
            }
        }
    }
}
