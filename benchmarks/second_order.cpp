// Cost of whole runs of the second-order methods on Rosenbrock (formula objective, forward-mode
// AD), as the GUI re-runs every trajectory on each slider drag: target well under a frame
// (16 ms) for 1000 steps.
#include <benchmark/benchmark.h>

#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "objective/residual_objective.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

namespace {

void run_steps(benchmark::State& state, const char* name, const lv::Objective& objective) {
  auto optimizer = lv::make_optimizer(name);
  lv::RunSettings settings;
  settings.max_steps = 1000;
  settings.gradient_tolerance = 0.0;  // always 1000 steps (or until the method stops moving)
  const lv::Vec start{{-1.2, 1.0}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(lv::run_optimizer(objective, *optimizer, nullptr, start, settings));
  }
}

const lv::FormulaObjective& rosenbrock() {
  static const lv::FormulaObjective objective(lv::Expr::parse("(1 - x)^2 + 100*(y - x^2)^2"));
  return objective;
}

const lv::ResidualObjective& rosenbrock_residuals() {
  static const lv::ResidualObjective objective =
      lv::ResidualObjective::parse({"1 - x", "10*(y - x^2)"});
  return objective;
}

void BM_Newton(benchmark::State& state) {
  run_steps(state, "newton", rosenbrock());
}
void BM_DampedNewton(benchmark::State& state) {
  run_steps(state, "damped_newton", rosenbrock());
}
void BM_Bfgs(benchmark::State& state) {
  run_steps(state, "bfgs", rosenbrock());
}
void BM_Lbfgs(benchmark::State& state) {
  run_steps(state, "lbfgs", rosenbrock());
}
void BM_ConjugateGradient(benchmark::State& state) {
  run_steps(state, "cg", rosenbrock());
}
void BM_GaussNewton(benchmark::State& state) {
  run_steps(state, "gauss_newton", rosenbrock_residuals());
}

}  // namespace

BENCHMARK(BM_Newton)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DampedNewton)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Bfgs)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Lbfgs)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ConjugateGradient)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GaussNewton)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
