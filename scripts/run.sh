#!/usr/bin/env bash
# Installs dependencies, builds lossviz and opens the app on its default scene.
# Extra arguments are passed to the app (e.g. --scene assets/scenes/ravine_momentum.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"
if [ -x build/lossviz ]; then
  exec build/lossviz "$@"
fi
# Without the GUI (not built yet on this checkout): a CLI demo of two optimizers on Rosenbrock.
build/lossviz-cli run --function rosenbrock --optimizer sgd --set lr=1e-3 --set momentum=0.9 \
  --start -1.2,1 --steps 2000 | tail -n 3
