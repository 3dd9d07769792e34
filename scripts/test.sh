#!/usr/bin/env bash
# Installs dependencies, builds lossviz and runs every test: first the normal (Release) build,
# then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, then every
# fuzz target for a bounded time (LOSSVIZ_FUZZ_SECONDS per target, default 15; 0 skips them).
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

fuzz_seconds=${LOSSVIZ_FUZZ_SECONDS:-15}
if [ "$fuzz_seconds" -gt 0 ]; then
  scripts/fuzz.sh "$fuzz_seconds"
fi
