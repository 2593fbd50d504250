import Benchmark
import Roundoff
import Solvers

/// Bench cases for `log I_v(x)` / `log K_v(x)` in log space (``LogBessel``)
/// against the textbook power series `I_v(x) = (x/2)^v/Γ(v+1) Σ …` in
/// binary64 (``BesselPowerSeries/valueI(order:_:)``), timed per evaluation.
///
/// The shared points are where the naive series works in binary64
/// (`v ∈ {0, 0.5, 2.5, 10, 50, 100}`, 24 arguments `x` from `10⁻³` to
/// `100`), so both sides compute the same values; `bessel/log-i-wide-double`
/// runs log space over the whole study range (`v` to `10⁴`, `x` to `10⁵`),
/// where the series overflows.
enum BesselBench {
    static let baseline = "bessel/naive-series-double"

    static func points(orders: [Double], exponents: ClosedRange<Double>, perDecade: Double) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for v in orders {
            for e in stride(from: exponents.lowerBound, through: exponents.upperBound, by: 1 / perDecade) {
                out.append((v, Double.pow(10, e)))
            }
        }
        return out
    }

    static func cases(repeats: Int) -> [BenchCase] {
        let shared = points(orders: [0, 0.5, 2.5, 10, 50, 100], exponents: -3...2, perDecade: 4.6)
        let wide = points(orders: [0, 2.5, 10, 100, 1000, 10000], exponents: -6...5, perDecade: 2.2)
        return [
            make(baseline, shared, repeats) { v, x in BesselPowerSeries.valueI(order: v, x) },
            make("bessel/log-i-double", shared, repeats) { v, x in LogBessel.logI(order: v, x) },
            make("bessel/log-k-double", shared, repeats) { v, x in LogBessel.logK(order: v, x) },
            make("bessel/naive-i-double", shared, repeats) { v, x in NaiveBessel.logI(order: v, x) },
            make("bessel/log-i-wide-double", wide, repeats) { v, x in LogBessel.logI(order: v, x) },
            make("bessel/log-k-wide-double", wide, repeats) { v, x in LogBessel.logK(order: v, x) },
            emulated(Emulated<BF16, SR>.self, "bessel/log-i-bf16-sr-static", shared, repeats),
        ]
    }

    static func make(_ name: String, _ points: [(Double, Double)], _ repeats: Int,
                     _ f: @escaping (Double, Double) -> Double) -> BenchCase {
        BenchCase(name: name, unit: "ns/eval", work: points.count * repeats, baseline: baseline) {
            var sum = 0.0
            for _ in 0..<repeats { for (v, x) in points { sum += f(v, x) } }
            blackHole(sum)
        }
    }

    static func emulated<T: RealScalar>(_: T.Type, _ name: String, _ points: [(Double, Double)], _ repeats: Int) -> BenchCase {
        let typed = points.map { (T($0.0), T($0.1)) }
        return BenchCase(name: name, unit: "ns/eval", work: points.count * repeats, baseline: baseline) {
            RoundingContext.withStream(StochasticStream(seed: 1)) {
                var sum = T.zero
                for _ in 0..<repeats { for (v, x) in typed { sum += LogBessel.logI(order: v, x) } }
                blackHole(sum)
            }
        }
    }
}
