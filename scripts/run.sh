#!/usr/bin/env bash
# Installs dependencies, builds lossviz and opens the app on its default scene.
# Extra arguments are passed to the app (e.g. --scene assets/scenes/01_ravine_momentum.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"
exec build/lossviz "$@"
