#!/usr/bin/env bash
# Installs the Debian packages (as root, skipped when present), runs the whole
# test suite, then every notebook's quick version. This is the command the
# README and CI (.ci/run) use.
#   ./test.sh            everything
#   ./test.sh ARGS...    only `swift test --parallel ARGS...` (e.g. --filter Lorenz)
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-debian-packages.sh
# Swift Testing runs tests concurrently anyway; --parallel does the same for XCTest.
swift test --parallel "$@"

if [ $# -eq 0 ]; then
    # Each notebook's quick: sweep, figures and tables, rendered into
    # results/notebooks/NAME-quick/ (the committed notebooks are left alone).
    # Fails if any notebook's sweep, block, value or figure fails.
    "$(swift build --show-bin-path)/precision-sweep" notebook Notebooks --quick --force
fi
