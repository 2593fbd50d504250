#!/usr/bin/env bash
# Installs the Debian packages Roundoff needs (BLAS/LAPACK, FFTW, gnuplot),
# shared by ./setup.sh and ./test.sh so both install the same set. Skips apt
# entirely when all are installed already, so a re-run is fast and works
# offline. Run as root on Debian.
set -euo pipefail

packages=(libopenblas-dev liblapacke-dev libfftw3-dev gnuplot-nox)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "Installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y "${packages[@]}"
fi
