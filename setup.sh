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
"$bin" formats "$@"
printf '0.1\n1e-8\n70000\n' | "$bin" round --format fp16 --mode rne
