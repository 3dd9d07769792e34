// Loss-landscape throughput: 51×51 surfaces of a 2-64-64-3 tanh MLP and of a 784-256-256-10 ReLU
// MLP on 2,000 synthetic samples, against this machine's Eigen GEMM peak measured in the same run
// with the same number of threads. Targets: ≥ 50% of the GEMM peak; the small case's first coarse
// picture in < 100 ms.
//
// Counters: gflops = floating-point operations actually performed (the remaining layers' GEMMs
// plus the first layer's plane combination) per second; naive_gflops = the operations a plain
// forward pass per point would need (2·Σ in·out per sample), per second; peak_fraction =
// gflops / measured GEMM peak.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <thread>

#include "nn/directions.hpp"
#include "nn/surface_evaluator.hpp"

namespace {

constexpr int k_resolution = 51;
constexpr int k_samples = 2000;
constexpr int k_threads = 2;
constexpr int k_gemm_size = 512;
constexpr int k_gemm_repetitions = 8;

// Double-precision GEMM rate of `threads` concurrent 512³ products (each thread its own).
double measure_gemm_peak_gflops(int threads) {
  auto work = [] {
    const lv::Mat a = lv::Mat::Random(k_gemm_size, k_gemm_size),
                  b = lv::Mat::Random(k_gemm_size, k_gemm_size);
    lv::Mat c(k_gemm_size, k_gemm_size);
    for (int r = 0; r < k_gemm_repetitions; ++r) {
      c.noalias() = a * b;
      benchmark::DoNotOptimize(c.data());
    }
  };
  work();  // warm-up
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back(work);
  for (std::thread& worker : workers) worker.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double size = k_gemm_size;
  return 2.0 * size * size * size * k_gemm_repetitions * threads / seconds / 1e9;
}

double gemm_peak_gflops() {
  static const double peak = measure_gemm_peak_gflops(k_threads);
  return peak;
}

lv::ModelSpec mlp_spec(std::vector<int> widths, lv::LayerType hidden) {
  lv::ModelSpec spec;
  for (size_t i = 0; i + 1 < widths.size(); ++i) {
    if (i > 0) spec.layers.push_back({hidden, 0, 0});
    spec.layers.push_back({lv::LayerType::Linear, widths[i], widths[i + 1]});
  }
  return spec;
}

// Gaussian inputs with random class labels: the cost does not depend on what the data mean.
lv::Dataset synthetic_data(int features, int classes) {
  std::mt19937_64 generator(1);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_int_distribution<int> label(0, classes - 1);
  lv::Dataset data;
  data.inputs.resize(features, k_samples);
  data.targets.resize(1, k_samples);
  for (Eigen::Index i = 0; i < data.inputs.size(); ++i) data.inputs(i) = normal(generator);
  for (int s = 0; s < k_samples; ++s) data.targets(0, s) = label(generator);
  data.classes = classes;
  return data;
}

struct Case {
  lv::Mlp mlp;
  lv::Dataset data;
  lv::Vec weights, dx, dy;
  std::vector<double> coordinates = lv::linear_coordinates(-1, 1, k_resolution);
};

Case make_case(std::vector<int> widths, lv::LayerType hidden) {
  Case c{
      lv::Mlp(mlp_spec(widths, hidden)), synthetic_data(widths.front(), widths.back()), {}, {}, {}};
  std::mt19937_64 generator(2);
  c.weights = c.mlp.initial_parameters(generator);
  c.dx = lv::random_direction(c.mlp, c.weights, {}, generator);
  c.dy = lv::random_direction(c.mlp, c.weights, {}, generator);
  return c;
}

// Per grid point and sample: 2·in·out for every linear layer after the first, 4·out₁ for the
// first layer's plane combination (two scaled additions).
double performed_flops_per_point(const lv::Mlp& mlp) {
  double per_sample = 0.0;
  for (size_t b = 0; b < mlp.linear_blocks().size(); ++b) {
    const lv::LinearBlock& block = mlp.linear_blocks()[b];
    per_sample += b == 0 ? 4.0 * block.out : 2.0 * block.in * block.out;
  }
  return per_sample * k_samples;
}

double naive_flops_per_point(const lv::Mlp& mlp) {
  double per_sample = 0.0;
  for (const lv::LinearBlock& block : mlp.linear_blocks()) per_sample += 2.0 * block.in * block.out;
  return per_sample * k_samples;
}

void run_landscape(benchmark::State& state, const std::vector<int>& widths, lv::LayerType hidden) {
  const Case c = make_case(widths, hidden);
  lv::SurfaceOptions options;
  options.threads = k_threads;
  for (auto _ : state) {
    const lv::SurfaceResult result = lv::evaluate_surface(c.mlp, c.data, c.weights, c.dx, c.dy,
                                                          c.coordinates, c.coordinates, options);
    benchmark::DoNotOptimize(result.surface.loss.data());
  }
  const double points = double(k_resolution) * k_resolution * double(state.iterations());
  const double peak = gemm_peak_gflops();
  state.counters["gflops"] = benchmark::Counter(performed_flops_per_point(c.mlp) * points / 1e9,
                                                benchmark::Counter::kIsRate);
  state.counters["naive_gflops"] =
      benchmark::Counter(naive_flops_per_point(c.mlp) * points / 1e9, benchmark::Counter::kIsRate);
  state.counters["gemm_peak_gflops"] = peak;
  // Rates divide by the measured (real) time; the fraction needs the same division, so it is
  // reported as flops per second per peak GFLOP/s.
  state.counters["peak_fraction"] = benchmark::Counter(
      performed_flops_per_point(c.mlp) * points / 1e9 / peak, benchmark::Counter::kIsRate);
}

void BM_GemmPeak(benchmark::State& state) {
  for (auto _ : state) state.counters["gemm_peak_gflops"] = measure_gemm_peak_gflops(k_threads);
}

void BM_Landscape_2_64_64_3(benchmark::State& state) {
  run_landscape(state, {2, 64, 64, 3}, lv::LayerType::Tanh);
}
void BM_Landscape_784_256_256_10(benchmark::State& state) {
  run_landscape(state, {784, 256, 256, 10}, lv::LayerType::Relu);
}

// Time from the call until the first (coarse) level is ready to draw.
void BM_FirstCoarsePicture_2_64_64_3(benchmark::State& state) {
  const Case c = make_case({2, 64, 64, 3}, lv::LayerType::Tanh);
  for (auto _ : state) {
    std::atomic<bool> cancel{false};
    lv::SurfaceOptions options;
    options.threads = k_threads;
    options.cancel = &cancel;
    const auto start = std::chrono::steady_clock::now();
    double first_level_seconds = 0.0;
    options.on_level = [&](const lv::Surface&) {
      if (first_level_seconds == 0.0) {
        first_level_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
      cancel.store(true);  // the rest is measured by BM_Landscape_2_64_64_3
    };
    lv::evaluate_surface(c.mlp, c.data, c.weights, c.dx, c.dy, c.coordinates, c.coordinates,
                         options);
    state.SetIterationTime(first_level_seconds);
  }
}

}  // namespace

BENCHMARK(BM_GemmPeak)->UseRealTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Landscape_2_64_64_3)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FirstCoarsePicture_2_64_64_3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20);
BENCHMARK(BM_Landscape_784_256_256_10)->UseRealTime()->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_MAIN();
