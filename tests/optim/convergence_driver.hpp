// Shared driver for "method X reaches the literature minimum of surface Y" checks: surfaces are
// formulas (lv::FormulaObjective), runs go through the real runner so evaluations are counted.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "optimizer_steps.hpp"
#include "run/runner.hpp"

namespace lv::test {

// Literature minima: quadratic (0, 0); Rosenbrock (1, 1) (Rosenbrock 1960); Booth (1, 3);
// Himmelblau (3, 2), one of its four minima (Himmelblau 1972).
inline const char* const k_quadratic = "0.5*(x^2 + 10*y^2)";
inline const char* const k_rosenbrock = "(1 - x)^2 + 100*(y - x^2)^2";
inline const char* const k_booth = "(x + 2*y - 7)^2 + (2*x + y - 5)^2";
inline const char* const k_himmelblau = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

inline FormulaObjective formula(const std::string& text) {
  return FormulaObjective(Expr::parse(text));
}

// Runs through lv::run_optimizer (constant lr) and returns the trajectory.
inline Trajectory run_named(const char* name, const std::vector<Setting>& settings,
                            const Objective& objective, const Vec& x0, int steps,
                            double gradient_tolerance = 0.0) {
  std::unique_ptr<Optimizer> optimizer = configured(name, settings);
  RunSettings run;
  run.max_steps = steps;
  run.gradient_tolerance = gradient_tolerance;
  return run_optimizer(objective, *optimizer, nullptr, x0, run);
}

// Runs with an explicit learning rate per step (e.g. the polynomial decay of You et al. 2017).
inline Vec run_with_rate(Optimizer& optimizer, const Objective& objective, const Vec& x0, int steps,
                         const std::function<double(int)>& rate) {
  optimizer.reset(x0);
  Oracle oracle(objective);
  Vec x = x0, gradient;
  for (int k = 0; k < steps; ++k) {
    const double value = objective.value_gradient(x, gradient);
    optimizer.step(StepContext{gradient, value, rate(k), oracle}, x);
  }
  return x;
}

inline Vec final_point(const Trajectory& trajectory) {
  return trajectory.x(trajectory.size() - 1);
}

inline void check_reaches(const Vec& x, Vec expected, double tolerance) {
  INFO("reached (" << x.transpose() << "), expected (" << expected.transpose() << ")");
  CHECK((x - expected).norm() < tolerance);
}

}  // namespace lv::test
