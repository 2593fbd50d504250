#!/usr/bin/env python3
"""Reference table of log I_v(x) and log K_v(x) at 40 significant digits.

Writes a CSV (default Tests/SolversTests/Fixtures/bessel-reference.csv) with one
row per grid point (v, x):

    v, x, log_i, log_k, method_i, method_k, wronskian_residual

`log_i` / `log_k` are printed with 25 significant digits (far beyond binary64)
and rounded to binary64 when read. `method_*` names what produced the value:

- `mpmath`  mpmath.besseli / besselk (hypergeometric series or asymptotic
            expansions inside mpmath.hypercomb) at mp.dps = 40.
- `series`  (I only) the ascending series I_v(x) = (x/2)^v sum_k (x^2/4)^k /
            (k! Gamma(v+k+1)) summed directly at mp.dps = 40. Every term is
            positive, so the sum has no cancellation and converges for every x;
            it is the fallback where mpmath.besseli gives up ("series converges
            too slowly") or takes longer than MPMATH_SECONDS (e.g. v = 1e4, x = 3e4).
- `integral` (K only) K_v(x) = int_0^inf exp(-x cosh t) cosh(v t) dt by
            mpmath.quad with the integrand's maximum factored out (split at the
            saddle t* = asinh(v/x) and at multiples of the peak width), the
            fallback where mpmath.besselk fails ("hypercomb() failed to
            converge", e.g. v = 1000, x = 1e4) or takes longer than MPMATH_SECONDS.

Where the Wronskian check below fails with the mpmath values, all four values
at that point are recomputed by the fallbacks (mpmath.besselk is silently wrong
at v = 263.4, x = 177.8) and checked again.

Cross-checks (printed at the end; the script exits 1 if one fails):
- where both work, fallback and mpmath agree to 1e-30 relative in log f,
  checked on a subset of points (`--check-every`);
- the Wronskian I_v K_{v+1} + I_{v+1} K_v = 1/x, evaluated in log space
  from the four logs: `wronskian_residual` = |log(I_v K_{v+1} + I_{v+1} K_v) + log x|,
  must be below 1e-30 at every point.

The grid: v in ORDERS (half-integers, integers and a few non-half-integers up
to 1e4, plus 1023, 4095 and 16383 = d/2 - 1 for the von Mises-Fisher
normaliser at d = 2048, 8192, 32768), x log-spaced from 1e-6 to 1e5 with POINTS_PER_DECADE points per decade.
"""
import argparse
import signal
import sys
import time

import mpmath
from mpmath import mp, mpf

mp.dps = 40

ORDERS = ["0", "0.5", "1", "2.5", "3.7", "10", "17.3", "50", "100", "263.4", "500",
          "1000", "1023", "4095", "5000", "10000", "16383"]
POINTS_PER_DECADE = 4
X_MIN_EXP, X_MAX_EXP = -6, 5


def grid_x():
    n = (X_MAX_EXP - X_MIN_EXP) * POINTS_PER_DECADE
    # Round to 17 significant digits so the printed x is exactly the binary64 x.
    return [float(mpf(10) ** (X_MIN_EXP + mpf(k) / POINTS_PER_DECADE)) for k in range(n + 1)]


def log_i_series(v, x):
    """log I_v(x) from the ascending series, all terms positive, rescaled in log space."""
    v, x = mpf(v), mpf(x)
    q = x * x / 4
    term = mpf(1)
    total = mpf(1)
    k = 0
    while True:
        k += 1
        term *= q / (k * (v + k))
        total += term
        if k * (v + k) > q and term < total * mpf(10) ** (-mp.dps - 5):
            break
    return v * mpmath.log(x / 2) - mpmath.loggamma(v + 1) + mpmath.log(total)


def log_k_integral(v, x):
    """log K_v(x) = log int_0^inf exp(-x cosh t) cosh(v t) dt, maximum factored out."""
    v, x = mpf(v), mpf(x)

    def g(t):
        # log of the integrand; log cosh(vt) = vt + log1p(exp(-2vt)) - log 2.
        return -x * mpmath.cosh(t) + v * t + mpmath.log1p(mpmath.exp(-2 * v * t)) - mpmath.log(2)

    tstar = mpmath.asinh(v / x) if v > 0 else mpf(0)
    gmax = g(tstar)
    # Width of the peak from the second derivative of g at the saddle.
    curvature = x * mpmath.cosh(tstar) - (v * v / mpmath.cosh(v * tstar) ** 2 if v > 0 else 0)
    width = 1 / mpmath.sqrt(max(curvature, mpf(1) / 4)) if curvature > 0 else mpf(1)
    points = [mpf(0)]
    for m in [-20, -8, -3, -1, 0, 1, 3, 8, 20, 60]:
        t = tstar + m * width
        if t > points[-1]:
            points.append(t)
    # Beyond, exp(-x cosh t) decays double-exponentially; cap where g < gmax - 200.
    t_end = points[-1]
    while g(t_end) > gmax - 200:
        t_end = t_end * 2 + 1
    points.append(t_end)
    val = mpmath.quad(lambda t: mpmath.exp(g(t) - gmax), points, maxdegree=10)
    return gmax + mpmath.log(val)


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def with_time_limit(seconds, f):
    """f() or Timeout after `seconds` (mpmath can take minutes where it then gives up)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return f()
    finally:
        signal.alarm(0)


MPMATH_SECONDS = 5


def wronskian_residual(li, lk, li1, lk1, x):
    """|log(I_v K_{v+1} + I_{v+1} K_v) + log x|, summed in log space."""
    a, b = li + lk1, li1 + lk
    m = max(a, b)
    return abs(m + mpmath.log(mpmath.exp(a - m) + mpmath.exp(b - m)) + mpmath.log(x))


def log_i(v, x):
    try:
        return mpmath.log(with_time_limit(MPMATH_SECONDS, lambda: mpmath.besseli(mpf(v), mpf(x)))), "mpmath"
    except Exception:
        return log_i_series(v, x), "series"


def log_k(v, x):
    try:
        val = with_time_limit(MPMATH_SECONDS, lambda: mpmath.besselk(mpf(v), mpf(x)))
        if not val > 0:
            raise ValueError("non-positive K")
        return mpmath.log(val), "mpmath"
    except Exception:
        return log_k_integral(v, x), "integral"


def write_swift(csv_path, swift_path):
    """Embeds the CSV text in a Swift string literal (compiles in no time,
    unlike an array literal of numbers, and needs no resource bundle)."""
    with open(csv_path) as f:
        text = f.read()
    with open(swift_path, "w") as f:
        f.write("// Generated by scripts/bessel-reference.py from "
                "Tests/SolversTests/Fixtures/bessel-reference.csv; do not edit.\n\n")
        f.write("extension BesselReferenceTable {\n")
        f.write("    /// The text of `bessel-reference.csv` (40-digit mpmath values; see the script).\n")
        f.write('    static let csvText = #"""\n')
        f.write(text)
        f.write('"""#\n}\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="Tests/SolversTests/Fixtures/bessel-reference.csv")
    parser.add_argument("--swift-out", default="Sources/SolverWorkloads/Bessel/BesselReferenceData.swift",
                        help="the Swift source embedding the CSV for the bessel workload")
    parser.add_argument("--swift-only", action="store_true",
                        help="only regenerate --swift-out from the existing --out CSV")
    parser.add_argument("--check-every", type=int, default=7,
                        help="cross-check fallback against mpmath at every n-th point")
    args = parser.parse_args()
    if args.swift_only:
        write_swift(args.out, args.swift_out)
        return
    failures = []
    rows = []
    max_wronskian = mpf(0)
    max_cross = mpf(0)
    start = time.time()
    xs = grid_x()
    count = 0
    for vs in ORDERS:
        v = mpf(vs)
        for x in xs:
            li, mi = log_i(v, x)
            lk, mk = log_k(v, x)
            li1, _ = log_i(v + 1, x)
            lk1, _ = log_k(v + 1, x)
            w = wronskian_residual(li, lk, li1, lk1, x)
            if w > mpf(10) ** -30:
                # mpmath can be silently wrong (besselk at v=263.4, x=177.8
                # returns log K = +2.57 instead of about -8.5): redo all four
                # values by the fallbacks, which the Wronskian then checks.
                print(f"  Wronskian residual {mpmath.nstr(w, 3)} at v={vs} x={x!r} with mpmath; "
                      "using the fallbacks", file=sys.stderr)
                li, mi = log_i_series(v, x), "series"
                lk, mk = log_k_integral(v, x), "integral"
                li1, lk1 = log_i_series(v + 1, x), log_k_integral(v + 1, x)
                w = wronskian_residual(li, lk, li1, lk1, x)
            max_wronskian = max(max_wronskian, w)
            if w > mpf(10) ** -30:
                failures.append(f"Wronskian residual {mpmath.nstr(w, 5)} at v={vs} x={x!r}")
            if count % args.check_every == 0:
                # Independent path against the primary where the primary works.
                if mi == "mpmath" and x <= 3e4:
                    d = abs(log_i_series(v, x) - li) / max(abs(li), 1)
                    max_cross = max(max_cross, d)
                    if d > mpf(10) ** -30:
                        failures.append(f"series vs mpmath I differ by {mpmath.nstr(d, 5)} at v={vs} x={x!r}")
                if mk == "mpmath":
                    d = abs(log_k_integral(v, x) - lk) / max(abs(lk), 1)
                    max_cross = max(max_cross, d)
                    if d > mpf(10) ** -30:
                        failures.append(f"integral vs mpmath K differ by {mpmath.nstr(d, 5)} at v={vs} x={x!r}")
            count += 1
            rows.append(f"{vs},{x!r},{mpmath.nstr(li, 25, strip_zeros=False)},"
                        f"{mpmath.nstr(lk, 25, strip_zeros=False)},{mi},{mk},{mpmath.nstr(w, 3)}")
        print(f"v={vs} done ({time.time() - start:.0f} s)", file=sys.stderr)
    with open(args.out, "w") as f:
        f.write("# log I_v(x) and log K_v(x) at mp.dps=40 (scripts/bessel-reference.py, mpmath "
                f"{mpmath.__version__})\n")
        f.write("v,x,log_i,log_k,method_i,method_k,wronskian_residual\n")
        f.write("\n".join(rows) + "\n")
    write_swift(args.out, args.swift_out)
    print(f"{len(rows)} points; max Wronskian residual {mpmath.nstr(max_wronskian, 3)}; "
          f"max fallback-vs-mpmath difference {mpmath.nstr(max_cross, 3)}", file=sys.stderr)
    for line in failures:
        print("FAIL: " + line, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
