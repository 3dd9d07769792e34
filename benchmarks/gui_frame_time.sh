#!/usr/bin/env bash
# Frame time of the lossviz window at 1920x1080 under Xvfb (Mesa llvmpipe unless a GPU is present)
# with 8 optimizers x 5,000 steps on Rosenbrock, for the 2D and 3D views, plus the
# slider-to-picture latency (parameter change -> re-run of all trajectories -> finished frame).
# Usage: benchmarks/gui_frame_time.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for view in 2d 3d; do
  xvfb-run -a -s "-screen 0 1920x1080x24" "$build/lossviz" --benchmark --size 1920x1080 \
    --frames 120 --view "$view"
done
