// tanh over a 128 × 2,000 block of pre-activations (two hidden layers of 64 on 2,000 samples, the
// small landscape case's tanh work per grid point): the portable kernel vs the AVX2+FMA one.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "nn/tanh_kernel.hpp"

namespace {

std::vector<double> pre_activations() {
  std::vector<double> values(128 * 2000);
  std::mt19937_64 generator(1);
  std::normal_distribution<double> normal(0.0, 1.5);
  for (double& value : values) value = normal(generator);
  return values;
}

void run(benchmark::State& state, void (*kernel)(double*, std::ptrdiff_t)) {
  const std::vector<double> input = pre_activations();
  std::vector<double> values(input.size());
  for (auto _ : state) {
    values = input;
    kernel(values.data(), static_cast<std::ptrdiff_t>(values.size()));
    benchmark::DoNotOptimize(values.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(input.size()));
}

void BM_TanhPortable(benchmark::State& state) {
  run(state, lv::tanh_array_portable);
}
void BM_TanhAvx2(benchmark::State& state) {
  if (!lv::avx2_fma_available()) {
    state.SkipWithError("no AVX2+FMA on this CPU");
    return;
  }
  run(state, lv::tanh_array_avx2);
}

}  // namespace

BENCHMARK(BM_TanhPortable);
BENCHMARK(BM_TanhAvx2);
BENCHMARK_MAIN();
