#!/usr/bin/env python3
# Generates Tests/RoundoffWorkloadsTests/Fixtures/plot-sweep/results.csv:
# small but realistic sweep results (harmonic sums actually simulated with
# emulated rounding), shaped like the real workloads' output.
# Run from this directory: python3 make-results.py > results.csv
# (deterministic: fixed random seeds). The Plot*Tests check numbers from it,
# e.g. fp16 sr rel_error at n=1000 = 0.0021, 0.0018, 0.0027 (HAND below).
import math, random, csv, sys, io

def rnd(x, p, mode, rng=None):
    if x == 0 or not math.isfinite(x): return x
    m, e = math.frexp(x)          # x = m * 2^e, 0.5 <= |m| < 1
    scale = 2.0 ** (p)
    y = m * scale                 # |y| in [2^(p-1), 2^p)
    lo = math.floor(y)
    frac = y - lo
    if mode == 'rne':
        if frac > 0.5 or (frac == 0.5 and lo % 2 == 1): lo += 1
    elif mode == 'sr':
        if rng.random() < frac: lo += 1
    return math.ldexp(lo / scale, e)

def fmt(v):
    if isinstance(v, float):
        if math.isnan(v): return 'nan'
        if math.isinf(v): return 'inf' if v > 0 else '-inf'
        r = repr(v)
        # Python's repr matches Swift's Double.description here (1e-05, 1000.0).
        return r
    return str(v)

rows = []
def add(workload, format, mode, seed, metric, value, x, params):
    rows.append([workload, format, mode, str(seed), metric, fmt(float(value)), '' if x is None else fmt(float(x)), params])

# --- harmonic -------------------------------------------------------------
N = 100000
checkpoints = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000]
formats = [('fp32', 24), ('bf16', 8), ('fp16', 11), ('custom:p=5,emax=7', 5)]
exact = []
s = 0.0
for k in range(1, N + 1):
    s += 1.0 / k
    exact.append(s)
HAND = {1: 0.0021, 2: 0.0018, 3: 0.0027}   # fp16 sr rel_error at n=1000, seeds 1..3 (checked by a test)
for name, p in formats:
    for mode, seeds in [('rne', [0]), ('sr', [1, 2, 3])]:
        for seed in seeds:
            rng = random.Random(1000 * p + seed)
            s = 0.0
            stag = None
            series = []
            for k in range(1, N + 1):
                t = rnd(1.0 / k, p, mode, rng)
                new = rnd(s + t, p, mode, rng)
                if mode == 'rne' and new == s and stag is None: stag = k
                s = new
                if k in checkpoints:
                    rel = abs(s - exact[k - 1]) / exact[k - 1]
                    if name == 'fp16' and mode == 'sr' and k == 1000: rel = HAND[seed]
                    series.append((k, rel))
            params = 'n=100000'
            add('harmonic', name, mode, seed, 'final_sum', s, None, params)
            add('harmonic', name, mode, seed, 'stagnation_n', float(stag) if stag else float('nan'), None, params)
            add('harmonic', name, mode, seed, 'rel_error', series[-1][1], None, params)
            add('harmonic', name, mode, seed, 'unit_roundoff', 2.0 ** -p, None, params)
            for k, rel in series:
                add('harmonic', name, mode, seed, 'rel_error', rel, k, params)

# --- matvec ---------------------------------------------------------------
for name, p in formats[:3]:
    u = 2.0 ** -p
    for mode, seeds in [('rne', [0]), ('sr', [1, 2, 3])]:
        for seed in seeds:
            rng = random.Random(7 * p + seed)
            for n in [10, 100, 1000, 10000]:
                if mode == 'rne':
                    be = 0.3 * n * u * (1 + 0.2 * rng.random()) if n * u < 1 else 0.5
                else:
                    be = 0.4 * math.sqrt(n) * u * (1 + 0.5 * rng.random())
                add('matvec', name, mode, seed, 'backward_error', min(be, 1.0), n, 'n_max=10000')
                add('matvec', name, mode, seed, 'n_u', n * u, n, 'n_max=10000')
                add('matvec', name, mode, seed, 'sqrt_n_u', math.sqrt(n) * u, n, 'n_max=10000')

# --- euler-decay ------------------------------------------------------------
for name, p in [('bf16', 8), ('fp16', 11)]:
    u = 2.0 ** -p
    for mode, seeds in [('rne', [0]), ('sr', [1, 2])]:
        for seed in seeds:
            rng = random.Random(31 * p + seed)
            for n in [10, 100, 1000, 10000]:
                stag = 1.0 if (mode == 'rne' and n * u > 0.4) else 0.0
                err = (0.02 / n + (n * u * 0.05 if stag else math.sqrt(n) * u * 0.01 * (1 + rng.random())))
                add('euler-decay', name, mode, seed, 'error', err, n, 'h=0.001;y0=1.0')
                add('euler-decay', name, mode, seed, 'error_vs_binary64', abs(err - 0.02 / n), n, 'h=0.001;y0=1.0')
                add('euler-decay', name, mode, seed, 'stagnated', stag, n, 'h=0.001;y0=1.0')

# --- lorenz63 -------------------------------------------------------------
lp = 'h=0.01;t_end=20.0'
for name, p in [('fp64', 53), ('fp32', 24), ('bf16', 8), ('fp8-e4m3', 4)]:
    u = 2.0 ** -p
    for mode, seeds in [('rne', [0]), ('sr', [1, 2])]:
        if name == 'fp64' and mode == 'sr': continue
        for seed in seeds:
            rng = random.Random(13 * p + seed)
            depart = None
            for i in range(0, 41):
                t = 0.5 * i
                if name == 'fp64':
                    d = 0.0
                elif name == 'fp8-e4m3' and mode == 'rne' and t >= 12:
                    d = float('nan')          # the run diverged
                else:
                    d = 0.0 if t == 0 else min(25.0 * (0.8 + 0.4 * rng.random()), 10 * u * math.exp(0.9 * t) * (1 + 0.5 * rng.random()))
                if depart is None and d > 1: depart = t
                add('lorenz63', name, mode, seed, 'distance', d, t, lp)
            dep = depart if depart is not None else float('inf')
            add('lorenz63', name, mode, seed, 'departure_time', dep, None, lp)
            wx = 0.01 if name == 'fp64' else (0.05 + 0.5 * u ** 0.25)
            if name == 'fp8-e4m3' and mode == 'rne': wx = float('nan')
            add('lorenz63', name, mode, seed, 'wasserstein_x', wx, None, lp)
            add('lorenz63', name, mode, seed, 'wasserstein_noise_floor', 0.04, None, lp)
            add('lorenz63', name, mode, seed, 'wasserstein_ratio', wx / 0.04, None, lp)

out = io.StringIO()
w = csv.writer(out, lineterminator='\n')
w.writerow(['workload', 'format', 'mode', 'seed', 'metric', 'value', 'x', 'params'])
for r in rows: w.writerow(r)
sys.stdout.write(out.getvalue())
