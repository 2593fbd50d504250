#!/usr/bin/env bash
# Installs the Debian packages (as root, skipped when present) and runs the
# whole test suite. This is the command the README and CI (.ci/run) use.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-debian-packages.sh
# Swift Testing runs tests concurrently anyway; --parallel does the same for XCTest.
swift test --parallel "$@"
