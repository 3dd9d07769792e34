// A sweep over every registered optimizer, so a new entry is checked without writing a test for
// it: the registered name is the one the optimizer reports, the summary and every help text are
// present, defaults lie in their valid ranges, and one update on a convex bowl gives finite
// values; descent methods must lower f. The bowl f = x² + 4y² is written as residuals (x, 2y),
// so the least-squares methods run on it too; its value at each point is checked by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "descriptor_checks.hpp"
#include "objective/residual_objective.hpp"
#include "optim/registry.hpp"
#include "optim/wrapped_optimizer.hpp"
#include "run/runner.hpp"

namespace {

// Methods that do not promise f(x₁) < f(x₀) from one update with their defaults: derivative-free
// searches sample points (a sample may be worse than the start), and the constrained methods'
// first step follows a penalty, barrier or splitting subproblem rather than f itself.
const std::set<std::string> k_not_descent = {
    "grid_search", "random_search", "simulated_annealing",
    "cma_es",      "nelder_mead",   "bayesian_optimization",
    "penalty",     "log_barrier",   "augmented_lagrangian",
    "admm"};

double bowl(double x, double y) {
  return x * x + 4.0 * y * y;
}

}  // namespace

TEST_CASE("every registered optimizer: name, summary, descriptors in range, help texts") {
  std::set<std::string> names;
  for (const lv::OptimizerInfo& info : lv::optimizer_registry()) {
    CAPTURE(info.name);
    CHECK(names.insert(info.name).second);  // registered once
    CHECK(!info.summary.empty());
    const auto optimizer = info.make();
    REQUIRE(optimizer != nullptr);
    CHECK(optimizer->name() == info.name);
    CHECK(lv::make_optimizer(info.name)->name() == info.name);
    lv::test::check_descriptors(optimizer->hyperparameters());
    // A wrapper's settings start with its `base`, and only non-wrappers are offered as bases.
    const bool has_base = optimizer->hyperparameters().has("base");
    CHECK(info.is_wrapper == has_base);
  }
  for (const std::string& base : lv::WrappedOptimizer::base_names()) {
    CAPTURE(base);
    bool registered_plain = false;
    for (const lv::OptimizerInfo& info : lv::optimizer_registry()) {
      if (info.name == base) registered_plain = !info.is_wrapper;
    }
    CHECK(registered_plain);
  }
}

TEST_CASE("every registered optimizer makes one finite update on a convex bowl; descent lowers f") {
  const lv::ResidualObjective objective = lv::ResidualObjective::parse({"x", "2*y"});
  // Constrained methods refuse an objective without constraints: they get the same bowl with one
  // inactive constraint that the start satisfies strictly (g = -9.5 there).
  lv::ConstraintSet inactive;
  inactive.add("x + y <= 10");
  const lv::ConstrainedObjective constrained(objective, inactive);
  const lv::Vec start{{1.5, -1.0}};
  REQUIRE(objective.value(start) == doctest::Approx(bowl(1.5, -1.0)));  // 6.25
  lv::RunSettings settings;
  settings.max_steps = 1;
  settings.gradient_tolerance = 0.0;
  for (const lv::OptimizerInfo& info : lv::optimizer_registry()) {
    CAPTURE(info.name);
    const auto optimizer = info.make();
    lv::Trajectory trajectory;
    try {
      trajectory = lv::run_optimizer(objective, *optimizer, nullptr, start, settings);
    } catch (const lv::InputError& error) {
      REQUIRE_MESSAGE(std::string(error.what()).find("needs constraints") != std::string::npos,
                      error.what());
      trajectory = lv::run_optimizer(constrained, *optimizer, nullptr, start, settings);
    }
    REQUIRE(trajectory.size() == 2);
    const auto x = trajectory.x(1);
    CHECK(std::isfinite(x[0]));
    CHECK(std::isfinite(x[1]));
    CHECK(trajectory.loss[1] == doctest::Approx(bowl(x[0], x[1])));
    CHECK(trajectory.status != lv::RunStatus::Diverged);
    if (!k_not_descent.contains(info.name)) CHECK(trajectory.loss[1] < trajectory.loss[0]);
  }
}
