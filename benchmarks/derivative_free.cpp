// Cost of whole derivative-free runs on Himmelblau through the runner: the GUI re-runs every
// trajectory on each slider drag, so a 100-step run must stay well inside one frame (16 ms) for
// the cheap methods; Bayesian optimization (a GP fit per step) is the expensive one.
#include <benchmark/benchmark.h>

#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

namespace {

void run_method(benchmark::State& state, const char* name) {
  const lv::FormulaObjective objective(lv::Expr::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"));
  lv::RunSettings settings;
  settings.max_steps = static_cast<int>(state.range(0));
  settings.gradient_tolerance = 0.0;
  for (auto _ : state) {
    auto optimizer = lv::make_optimizer(name);
    benchmark::DoNotOptimize(
        lv::run_optimizer(objective, *optimizer, nullptr, lv::Vec::Zero(2), settings));
  }
}

void BM_NelderMead(benchmark::State& state) {
  run_method(state, "nelder_mead");
}
void BM_CmaEs(benchmark::State& state) {
  run_method(state, "cma_es");
}
void BM_SimulatedAnnealing(benchmark::State& state) {
  run_method(state, "simulated_annealing");
}
void BM_BayesianOptimization(benchmark::State& state) {
  run_method(state, "bayesian_optimization");
}

}  // namespace

BENCHMARK(BM_NelderMead)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CmaEs)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimulatedAnnealing)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BayesianOptimization)->Arg(25)->Arg(50)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
