#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in build-fuzz and runs
# each one for a bounded time on a copy of its seed corpus plus the kept crash inputs.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 20 s, every target)
#   scripts/fuzz.sh runs=N [TARGET...]                    (N inputs each, fixed seed: the same
#                                                         inputs on every machine, as CI wants)
# A crash, leak, sanitizer report or timeout fails the script; the input that caused it is left
# in build-fuzz/findings/<target>/ (copy it to tests/fuzz/regressions/<target>/ once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-20}
shift || true
if [[ "$budget" == runs=* ]]; then
  limit=(-runs="${budget#runs=}" -seed=1)
  what="fixed seed 1"
else
  limit=(-max_total_time="$budget")
  what="${budget} s"
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(formula safetensors surface_h5 scene model_spec csv_data trajectory_csv arguments)
fi

# -O1 with line tables: stack traces name the line, and the Eigen-heavy core compiles in about
# half the time of -O2 -g.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCMAKE_C_FLAGS="-O1" -DLOSSVIZ_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

status=0
for target in "${targets[@]}"; do
  work=build-fuzz/corpus/$target
  findings=build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  cp -r tests/fuzz/corpus/"$target"/. "$work"/ 2>/dev/null || true
  seeds=("$work")
  [ -d tests/fuzz/regressions/"$target" ] && seeds+=(tests/fuzz/regressions/"$target")
  log=build-fuzz/findings/$target.log
  if ASAN_OPTIONS=detect_leaks=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     build-fuzz/tests/fuzz/fuzz_"$target" "${limit[@]}" -timeout=10 -rss_limit_mb=2560 \
       -max_len=200000 -print_final_stats=1 -artifact_prefix="$findings"/ "${seeds[@]}" \
       >"$log" 2>&1; then
    runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $target: ${runs} executions (${what}), no crash"
  else
    echo "fuzz $target: FAILED (log: $log)"
    tail -n 40 "$log"
    status=1
  fi
done
exit $status
