// Every registered optimizer, from near, far, degenerate and non-finite starts on three surfaces
// (a bowl, Rosenbrock and Himmelblau, with their least-squares forms so Gauss–Newton runs, and
// under a ball constraint so the constrained methods run). The sanitizer build runs this too.
// Invariants checked from outside: a run either refuses its configuration with an InputError or
// returns records that are all finite; a non-finite start stops at once with the reason named.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "functions/residual_forms.hpp"
#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

bool records_finite(const lv::Trajectory& trajectory) {
  for (int k = 0; k < trajectory.size(); ++k) {
    if (!std::isfinite(trajectory.loss[static_cast<size_t>(k)])) return false;
    if (!trajectory.x(k).allFinite()) return false;
  }
  return true;
}

// Runs `name` from `start`; returns false when the configuration was refused (InputError).
bool run_one(const lv::Objective& objective, const std::string& name, const lv::Vec& start,
             lv::Trajectory& trajectory) {
  std::unique_ptr<lv::Optimizer> optimizer = lv::make_optimizer(name);
  lv::RunSettings settings;
  settings.max_steps = 25;
  try {
    trajectory = lv::run_optimizer(objective, *optimizer, nullptr, start, settings);
  } catch (const lv::InputError&) {
    return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every optimizer from finite starts: finite records or a refused configuration") {
  const lv::Vec starts[] = {lv::Vec{{-1.6, 1.0}}, lv::Vec{{0.0, 0.0}}, lv::Vec{{3.0, -2.5}},
                            lv::Vec{{1e6, -1e6}}, lv::Vec{{-1e-300, 1e-300}}};
  for (const char* function : {"quadratic", "rosenbrock", "himmelblau"}) {
    const lv::Expr expr = lv::find_test_function(function).expr();
    const auto least_squares = lv::builtin_least_squares(function, expr);
    const lv::FormulaObjective plain(expr);
    const lv::Objective& objective =
        least_squares ? static_cast<const lv::Objective&>(*least_squares) : plain;
    lv::ConstraintSet ball;
    ball.add("x^2 + y^2 - 4 <= 0");
    const lv::ConstrainedObjective constrained(objective, ball);
    for (const lv::OptimizerInfo& info : lv::optimizer_registry()) {
      for (const lv::Vec& start : starts) {
        for (const lv::Objective* target :
             {&objective, static_cast<const lv::Objective*>(&constrained)}) {
          CAPTURE(function);
          CAPTURE(info.name);
          CAPTURE(start.transpose());
          lv::Trajectory trajectory(2);
          if (!run_one(*target, info.name, start, trajectory)) continue;
          CHECK(trajectory.size() >= 1);
          // Diverged runs keep only their finite records: nothing non-finite is ever recorded.
          CHECK(records_finite(trajectory));
        }
      }
    }
  }
}

TEST_CASE("every optimizer stops at once on a non-finite start, naming it") {
  const lv::FormulaObjective bowl(lv::find_test_function("quadratic").expr());
  const lv::Vec starts[] = {lv::Vec{{std::nan(""), 1.0}}, lv::Vec{{k_infinity, 0.0}},
                            lv::Vec{{0.0, -k_infinity}}};
  for (const lv::OptimizerInfo& info : lv::optimizer_registry()) {
    for (const lv::Vec& start : starts) {
      CAPTURE(info.name);
      lv::Trajectory trajectory(2);
      if (!run_one(bowl, info.name, start, trajectory)) continue;
      CHECK(trajectory.status == lv::RunStatus::Diverged);
      CHECK(trajectory.empty());
      CHECK(trajectory.status_reason == "the start point is not finite");
    }
  }
}
