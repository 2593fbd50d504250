#!/usr/bin/env bash
# Builds the DocC documentation of Roundoff's public modules as static web
# sites, failing on any documentation warning:
#   scripts/build-documentation.sh [OUT]
# OUT defaults to .build/documentation (inside .build/, so it stays out of
# git). Each module gets OUT/MODULE/, a site that works from any static web
# server (or `python3 -m http.server -d OUT/MODULE`); open
# http://localhost:8000/documentation/MODULE-LOWERCASE/ in a browser.
#
# Needs the Debian packages of scripts/install-debian-packages.sh (the build
# links BLAS/LAPACK/FFTW) and the swift-docc-plugin dependency of
# Package.swift; docc itself ships with the Swift toolchain. Extra arguments
# after OUT go to `swift package` (e.g. --scratch-path .build-docs).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/documentation}"
shift || true
mkdir -p "$out"
out="$(cd "$out" && pwd)"

targets=(Roundoff Solvers RoundoffNN RoundoffWorkloads)

for target in "${targets[@]}"; do
    echo "Building the documentation of $target" >&2
    rm -rf "${out:?}/$target"
    swift package "$@" --allow-writing-to-directory "$out" \
        generate-documentation --target "$target" \
        --output-path "$out/$target" \
        --transform-for-static-hosting \
        --warnings-as-errors
done

echo
echo "Static documentation sites (serve a folder over HTTP, e.g."
echo "python3 -m http.server -d $out/Roundoff, and open /documentation/roundoff/):"
for target in "${targets[@]}"; do
    lower="$(printf '%s' "$target" | tr '[:upper:]' '[:lower:]')"
    echo "  $target: $out/$target/index.html  (page: $out/$target/documentation/$lower/index.html)"
done
