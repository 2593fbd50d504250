#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) and runs the main job:
#   ./setup.sh [ARGS...]
# Extra arguments are passed to the main job.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-debian-packages.sh
swift build -c release

bin=.build/release/precision-sweep

# --- main job: replace these lines to change what ./setup.sh runs ----------
# The default study (harmonic, euler-decay, lorenz63 over fp64, fp32, bf16,
# fp16, fp8-e4m3 with rne and sr): results/default/{results.csv,run.json,plots/}.
"$bin" run "$@"
