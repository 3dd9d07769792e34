// Curvature cost on the network of docs/curvature.md's targets: a 2-64-64-3 tanh MLP on 2,000
// samples (cross-entropy), wall-clock times (the objective uses every core). What one gradient
// and one Hessian-vector product cost (target: an HVP at most 3× a gradient; and the HVP on one
// thread in one pass, the baseline of the sample split), the top-5 eigenvalues as `spectrum --top-k
// 5` computes them (counter: HVPs, and the largest relative error of the five against a dense
// reference computed once with a tight tolerance), one warm-started λmax measurement as training
// tracks it, and full-batch training with and without λmax tracking every 10 updates (target: at
// most 2× slower).
#include <benchmark/benchmark.h>

#include <random>

#include "curvature/sharpness.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/network_objective.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"

namespace {

struct Case {
  lv::Mlp mlp;
  lv::Dataset data;
  lv::Vec weights;
};

const Case& network_case() {
  static const Case c = [] {
    lv::ModelSpec spec;
    spec.layers = {{lv::LayerType::Linear, 2, 64},
                   {lv::LayerType::Tanh, 0, 0},
                   {lv::LayerType::Linear, 64, 64},
                   {lv::LayerType::Tanh, 0, 0},
                   {lv::LayerType::Linear, 64, 3}};
    Case made{lv::Mlp(spec), lv::load_dataset("spirals:n=2000,noise=0.2,seed=1"), {}};
    std::mt19937_64 generator(1);
    made.weights = made.mlp.initial_parameters(generator);
    // A few hundred Adam steps: the curvature of a trained network, not of its initialization.
    auto adam = lv::make_optimizer("adam");
    adam->hyperparameters().set("lr", 0.01);
    lv::TrainSettings settings;
    settings.epochs = 15;
    settings.batch_size = 100;
    made.weights = lv::train_network(made.mlp, made.data, lv::Dataset{}, *adam, nullptr,
                                     made.weights, settings)
                       .parameters;
    return made;
  }();
  return c;
}

void BM_Gradient(benchmark::State& state) {
  const Case& c = network_case();
  const lv::NetworkObjective objective(c.mlp, c.data);
  lv::Vec gradient;
  for (auto _ : state) benchmark::DoNotOptimize(objective.value_gradient(c.weights, gradient));
}

void BM_HessianVectorProduct(benchmark::State& state) {
  const Case& c = network_case();
  const lv::NetworkObjective objective(c.mlp, c.data);
  const lv::Vec v = lv::Vec::Random(c.weights.size());
  for (auto _ : state) benchmark::DoNotOptimize(objective.hvp(c.weights, v).data());
}

// The same product in one pass on one thread (what NetworkObjective did before it split the
// samples over the cores): the baseline of BM_HessianVectorProduct in the same run.
void BM_HessianVectorProductOneThread(benchmark::State& state) {
  const Case& c = network_case();
  const lv::Vec v = lv::Vec::Random(c.weights.size());
  for (auto _ : state)
    benchmark::DoNotOptimize(c.mlp.hvp(c.weights, c.data.inputs, c.data.targets, v).data());
}

void BM_TopFiveEigenvalues(benchmark::State& state) {
  const Case& c = network_case();
  const lv::NetworkObjective objective(c.mlp, c.data);
  lv::TopEigenSettings tight;
  tight.tolerance = 1e-12;
  static const lv::Vec reference =
      lv::top_hessian_eigenvalues(objective, c.weights, 5, tight).values;
  lv::TopEigenResult result;
  for (auto _ : state) result = lv::top_hessian_eigenvalues(objective, c.weights, 5);
  double worst = 0.0;
  for (int i = 0; i < 5; ++i)
    worst = std::max(worst, std::abs(result.values[i] - reference[i]) / std::abs(reference[i]));
  state.counters["hvps"] = static_cast<double>(result.hessian_vector_products);
  state.counters["max_relative_error"] = worst;
}

void BM_WarmStartedLambdaMax(benchmark::State& state) {
  const Case& c = network_case();
  const lv::NetworkObjective objective(c.mlp, c.data);
  // The previous measurement's vector, at weights one small step away.
  const lv::Vec previous = lv::largest_hessian_eigenvalue(objective, c.weights, lv::Vec()).vector;
  const lv::Vec moved = c.weights - 0.01 * objective.gradient(c.weights);
  lv::LargestEigen result;
  for (auto _ : state) result = lv::largest_hessian_eigenvalue(objective, moved, previous);
  state.counters["hvps"] = result.hessian_vector_products;
  state.counters["relative_residual"] = result.residual / std::abs(result.value);
}

void BM_FullBatchTraining(benchmark::State& state) {
  const Case& c = network_case();
  const int every = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto gd = lv::make_optimizer("gd");
    gd->hyperparameters().set("lr", 0.1);
    lv::TrainSettings settings;
    settings.epochs = 100;  // full batch: 100 updates
    settings.sharpness_every = every;
    benchmark::DoNotOptimize(
        lv::train_network(c.mlp, c.data, lv::Dataset{}, *gd, nullptr, c.weights, settings)
            .parameters.data());
  }
  state.SetLabel(every == 0 ? "no tracking" : "lambda_max every 10 updates");
}

}  // namespace

BENCHMARK(BM_Gradient)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_HessianVectorProduct)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_HessianVectorProductOneThread)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TopFiveEigenvalues)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WarmStartedLambdaMax)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FullBatchTraining)->Arg(0)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
