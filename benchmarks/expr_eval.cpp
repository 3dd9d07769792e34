// Formula evaluation speed: value+gradient of Rosenbrock through the compiled lv::Expr program
// versus the same function written by hand in C++, measured in the same run (target: within 3x).
#include <benchmark/benchmark.h>

#include <vector>

#include "expr/expr.hpp"
#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"

namespace {

// Points spread over the Rosenbrock view box, cycled so no evaluation can be constant-folded.
std::vector<double> sample_points(int count) {
  std::vector<double> points;
  for (int i = 0; i < count; ++i) {
    points.push_back(-2.0 + 4.0 * (i % 97) / 97.0);
    points.push_back(-1.0 + 4.0 * (i % 89) / 89.0);
  }
  return points;
}

// f = (a − x)² + b(y − x²)², ∇f = (−2(a − x) − 4bx(y − x²), 2b(y − x²)).
inline double hand_written_rosenbrock(const double* p, double a, double b, double* gradient) {
  const double dx = a - p[0];
  const double valley = p[1] - p[0] * p[0];
  gradient[0] = -2.0 * dx - 4.0 * b * p[0] * valley;
  gradient[1] = 2.0 * b * valley;
  return dx * dx + b * valley * valley;
}

// The same function behind the lv::Objective interface, as optimizers call it.
class HandWrittenRosenbrock final : public lv::Objective {
 public:
  int dim() const override { return 2; }
  double value(const lv::Vec& x) const override {
    double gradient[2];
    return hand_written_rosenbrock(x.data(), 1.0, 100.0, gradient);
  }
  double value_gradient(const lv::Vec& x, lv::Vec& gradient) const override {
    gradient.resize(2);
    return hand_written_rosenbrock(x.data(), 1.0, 100.0, gradient.data());
  }
};

void run_objective(benchmark::State& state, const lv::Objective& objective) {
  const std::vector<double> points = sample_points(1024);
  lv::Vec x(2), gradient(2);
  size_t i = 0;
  for (auto _ : state) {
    x[0] = points[i];
    x[1] = points[i + 1];
    benchmark::DoNotOptimize(objective.value_gradient(x, gradient));
    benchmark::DoNotOptimize(gradient.data());
    i = (i + 2) & 2047;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_HandWrittenObjective(benchmark::State& state) {
  run_objective(state, HandWrittenRosenbrock());
}

void BM_FormulaObjective(benchmark::State& state) {
  run_objective(state, lv::FormulaObjective(lv::find_test_function("rosenbrock").expr()));
}

void BM_HandWrittenValueGradient(benchmark::State& state) {
  const std::vector<double> points = sample_points(1024);
  double gradient[2];
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(hand_written_rosenbrock(&points[i], 1.0, 100.0, gradient));
    benchmark::DoNotOptimize(gradient);
    i = (i + 2) & 2047;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ExprValueGradient(benchmark::State& state) {
  const lv::Expr expr = lv::find_test_function("rosenbrock").expr();
  const std::vector<double> points = sample_points(1024);
  double gradient[2];
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(expr.value_gradient(&points[i], gradient));
    benchmark::DoNotOptimize(gradient);
    i = (i + 2) & 2047;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ExprValue(benchmark::State& state) {
  const lv::Expr expr = lv::find_test_function("rosenbrock").expr();
  const std::vector<double> points = sample_points(1024);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(expr.value(&points[i]));
    i = (i + 2) & 2047;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ExprBatchedValues(benchmark::State& state) {
  const lv::Expr expr = lv::find_test_function("rosenbrock").expr();
  const std::vector<double> points = sample_points(4096);
  std::vector<double> values(4096);
  for (auto _ : state) {
    expr.program().values(points.data(), 4096, expr.parameter_values().data(), values.data());
    benchmark::DoNotOptimize(values.data());
  }
  state.SetItemsProcessed(state.iterations() * 4096);
}

// Many points at once (grids, plots): the hand-written loop against the block evaluator.
void BM_HandWrittenBatchedValueGradient(benchmark::State& state) {
  const std::vector<double> points = sample_points(4096);
  std::vector<double> values(4096), gradients(2 * 4096);
  for (auto _ : state) {
    for (int i = 0; i < 4096; ++i) {
      values[i] = hand_written_rosenbrock(&points[2 * i], 1.0, 100.0, &gradients[2 * i]);
    }
    benchmark::DoNotOptimize(values.data());
    benchmark::DoNotOptimize(gradients.data());
  }
  state.SetItemsProcessed(state.iterations() * 4096);
}

void BM_ExprBatchedValueGradient(benchmark::State& state) {
  const lv::Expr expr = lv::find_test_function("rosenbrock").expr();
  const std::vector<double> points = sample_points(4096);
  std::vector<double> values(4096), gradients(2 * 4096);
  for (auto _ : state) {
    expr.program().values_gradients(points.data(), 4096, expr.parameter_values().data(),
                                    values.data(), gradients.data());
    benchmark::DoNotOptimize(values.data());
    benchmark::DoNotOptimize(gradients.data());
  }
  state.SetItemsProcessed(state.iterations() * 4096);
}

void BM_ExprHessian(benchmark::State& state) {
  const lv::Expr expr = lv::find_test_function("rosenbrock").expr();
  lv::Vec x{{-1.2, 1.0}};
  lv::Vec gradient;
  lv::Mat hessian;
  for (auto _ : state) {
    benchmark::DoNotOptimize(expr.value_gradient_hessian(x, gradient, hessian));
    x[0] += 1e-9;
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_HandWrittenObjective);
BENCHMARK(BM_FormulaObjective);
BENCHMARK(BM_HandWrittenValueGradient);
BENCHMARK(BM_ExprValueGradient);
BENCHMARK(BM_ExprValue);
BENCHMARK(BM_ExprBatchedValues);
BENCHMARK(BM_HandWrittenBatchedValueGradient);
BENCHMARK(BM_ExprBatchedValueGradient);
BENCHMARK(BM_ExprHessian);
BENCHMARK_MAIN();
