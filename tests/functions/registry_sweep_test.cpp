// A sweep over every registered test function: looking a function up by its registered name
// gives that very entry, and f, ∇f and ∇²f are finite at every recommended start point (the
// literature checks of the other files test the values themselves).
#include <doctest/doctest.h>

#include <cmath>

#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"

TEST_CASE("every registered function is found by its name and is finite at its start points") {
  for (const lv::TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    CHECK(&lv::find_test_function(function.name) == &function);
    const lv::FormulaObjective objective(function.expr());
    REQUIRE(objective.dim() == 2);
    CHECK(!function.start_points.empty());
    for (const auto& [x, y] : function.start_points) {
      CAPTURE(x);
      CAPTURE(y);
      const lv::Vec start{{x, y}};
      lv::Vec gradient;
      CHECK(std::isfinite(objective.value_gradient(start, gradient)));
      CHECK(gradient.allFinite());
      CHECK(objective.hessian(start).allFinite());
    }
  }
}
