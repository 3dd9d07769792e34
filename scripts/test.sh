#!/usr/bin/env bash
# Installs dependencies, builds lossviz and runs every test: first the normal (Release) build,
# then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, then every
# fuzz target on a fixed budget of inputs with a fixed seed, so that every machine tries the same
# inputs and a red run can be reproduced (LOSSVIZ_FUZZ_RUNS per target, default 50000; 0 skips
# them). Open-ended fuzzing for new bugs: scripts/fuzz.sh SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLOSSVIZ_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

fuzz_runs=${LOSSVIZ_FUZZ_RUNS:-50000}
if [ "$fuzz_runs" -gt 0 ]; then
  scripts/fuzz.sh "runs=$fuzz_runs"
fi
