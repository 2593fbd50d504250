import Foundation
import Testing
@testable import Roundoff

/// The reference vectors of `Fixtures/oracles` (exact rational arithmetic,
/// generated independently of Roundoff): conversions and single operations.
struct OracleVectorTests {
    static let root = Bundle.module.url(forResource: "Fixtures/oracles", withExtension: nil)!

    static func files(_ kind: String) -> [String] {
        let dir = root.appendingPathComponent(kind)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func parse(_ name: String) throws -> (FloatFormat, RoundingMode) {
        let stem = name.dropLast(4)
        let dot = stem.lastIndex(of: ".")!
        return (try FloatFormat(spec: String(stem[..<dot])), try RoundingMode(spec: String(stem[stem.index(after: dot)...])))
    }

    static func lines(_ kind: String, _ name: String) throws -> [[Substring]] {
        let text = try String(contentsOf: root.appendingPathComponent(kind).appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ") }
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
    }

    /// Sign of an exact zero result under IEEE 754 §6.3.
    static func ieeeZeroSign(_ op: String, _ a: Double, _ b: Double, _ mode: RoundingMode) -> FloatingPointSign {
        switch op {
        case "mul", "div": return a.sign == b.sign ? .plus : .minus
        case "sqrt": return a.sign
        default:
            let bb = op == "sub" ? -b : b
            if a == 0 && bb == 0 && a.sign == bb.sign { return a.sign }
            if a == 0 && bb != 0 { return bb.sign }
            if bb == 0 && a != 0 { return a.sign }
            return mode == .down ? .minus : .plus
        }
    }

    @Test("oracle files are present", arguments: ["convert", "arith"])
    func present(kind: String) {
        #expect(Self.files(kind).count == 98)
    }

    @Test("conversions match the exact oracle", arguments: files("convert"))
    func conversions(file: String) throws {
        let (format, mode) = try Self.parse(file)
        let kernel = RoundingKernel(format: format, mode: mode)
        var failures: [String] = []
        for f in try Self.lines("convert", file) {
            let x = Double(String(f[0]))!, expected = Double(String(f[1]))!
            let got = kernel.round(x)
            if !Self.same(got, expected) { failures.append("\(f[0]) → \(got.hexFloat), expected \(f[1])") }
        }
        #expect(failures.isEmpty, "\(file): \(failures.count) wrong, e.g. \(failures.prefix(5))")
    }

    @Test("arithmetic matches the exact oracle", arguments: files("arith"))
    func arithmetic(file: String) throws {
        let (format, mode) = try Self.parse(file)
        var failures: [String] = []
        RoundingContext.with(format: format, mode: mode) {
            for f in try! Self.lines("arith", file) {
                let a = RuntimeEmulated(uncheckedValue: Double(String(f[1]))!)
                let b = RuntimeEmulated(uncheckedValue: Double(String(f[2]))!)
                let expected = Double(String(f[3]))!
                let got: RuntimeEmulated
                switch f[0] {
                case "add": got = a + b
                case "sub": got = a - b
                case "mul": got = a * b
                case "div": got = a / b
                case "sqrt": got = a.squareRoot()
                default: Issue.record("unknown op \(f[0])"); continue
                }
                if got.value == 0 && expected == 0 && (f[0] == "mul" || f[0] == "div" || a.value == 0 || b.value == 0) {
                    // The oracle's rational arithmetic has no signed zero: it
                    // prints +0 for these exact zeros. Check IEEE 754 §6.3.
                    let ieee = Self.ieeeZeroSign(String(f[0]), a.value, b.value, mode)
                    if got.value.sign != ieee { failures.append("\(f[0]) \(f[1]) \(f[2]): zero sign \(got.value.sign)") }
                } else if !Self.same(got.value, expected) {
                    failures.append("\(f[0]) \(f[1]) \(f[2]) → \(got.value.hexFloat), expected \(f[3])")
                }
            }
        }
        #expect(failures.isEmpty, "\(file): \(failures.count) wrong, e.g. \(failures.prefix(5))")
    }
}
