import Benchmark
import Foundation
import Roundoff

/// Bench cases for rounding a buffer of doubles, against a plain copy.
enum ArrayRoundingBench {
    static func cases(elements n: Int) -> [BenchCase] {
        let source = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let destination = UnsafeMutablePointer<Double>.allocate(capacity: n)
        // Standard normal values (Box–Muller), the typical content of a
        // weight or activation buffer; `wide` spreads values over 32 binades
        // so that many land in fp8's subnormal and overflow ranges, where
        // the kernel takes its general path.
        let wide = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let stream = StochasticStream(seed: 42)
        for i in 0..<n {
            let u1 = 1 - stream.unitInterval(at: UInt64(2 * i)), u2 = stream.unitInterval(at: UInt64(2 * i + 1))
            source[i] = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            let bits = stream.bits(at: UInt64(2 * n + i))
            wide[i] = (bits & 1 == 0 ? 1 : -1)
                * Double(sign: .plus, exponent: Int(bits >> 1 & 31) - 16, significand: 1 + Double(bits >> 11) * 0x1p-53)
        }
        var cases = [BenchCase(name: "array/copy", unit: "ns/elem", work: n, baseline: "array/copy") {
            destination.update(from: source, count: n)
            blackHole(destination[n / 2])
        }]
        let formats: [FloatFormat] = [.fp16, .bf16, .e4m3]
        let modes: [RoundingMode] = [.nearestEven, .towardZero, .odd, .stochastic]
        for f in formats {
            for m in modes {
                let kernel = RoundingKernel(format: f, mode: m)
                let stream = StochasticStream(seed: 1)
                cases.append(BenchCase(name: "array/\(f.name)/\(m.spec)", unit: "ns/elem", work: n, baseline: "array/copy") {
                    kernel.round(source, into: destination, count: n, stream: stream)
                    blackHole(destination[n / 2])
                })
            }
        }
        for f in formats {
            let kernel = RoundingKernel(format: f, mode: .nearestEven)
            cases.append(BenchCase(name: "array-wide/\(f.name)/rne", unit: "ns/elem", work: n, baseline: "array/copy") {
                kernel.round(wide, into: destination, count: n)
                blackHole(destination[n / 2])
            })
        }
        return cases
    }
}
