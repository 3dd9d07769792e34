// Invariants every built-in's metadata must satisfy (the GUI, the CLI and scenes rely on them).
#include <doctest/doctest.h>

#include <cmath>
#include <regex>
#include <set>

#include "common/errors.hpp"
#include "functions/test_function.hpp"

using lv::TestFunction;

namespace {

bool inside(const lv::ViewBox& view, double x, double y) {
  return view.x_min <= x && x <= view.x_max && view.y_min <= y && y <= view.y_max;
}

}  // namespace

TEST_CASE("the names fixed by architecture.md §4.2 are all built in, plus 3 teaching surfaces") {
  for (const char* name :
       {"quadratic", "ravine", "rosenbrock",       "himmelblau",      "beale",
        "booth",     "matyas", "three_hump_camel", "six_hump_camel",  "goldstein_price",
        "rastrigin", "ackley", "levi13",           "styblinski_tang", "mccormick",
        "easom",     "saddle", "monkey_saddle",    "plateau",         "sharp_flat",
        "noisy_bowl"}) {
    CAPTURE(name);
    CHECK_NOTHROW(lv::find_test_function(name));
  }
}

TEST_CASE("names are unique and lowercase_with_underscores") {
  const std::regex pattern("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  std::set<std::string> seen;
  for (const TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    CHECK(std::regex_match(function.name, pattern));
    CHECK(seen.insert(function.name).second);
  }
}

TEST_CASE("texts are present: title, a one-line description, a reference") {
  for (const TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    CHECK(!function.title.empty());
    CHECK(!function.description.empty());
    CHECK(function.description.find('\n') == std::string::npos);
    CHECK(function.description.size() <= 120);
    CHECK(!function.reference.empty());
  }
}

TEST_CASE("the formula parses as a 2-D surface and parameters sit inside their slider ranges") {
  for (const TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    REQUIRE_NOTHROW(function.expr());
    CHECK(function.expr().dimension() == 2);
    for (const lv::FormulaParameter& parameter : function.parameters) {
      CAPTURE(parameter.name);
      CHECK(parameter.min < parameter.max);
      CHECK(parameter.min <= parameter.value);
      CHECK(parameter.value <= parameter.max);
    }
  }
}

TEST_CASE("the view box is non-empty and holds every critical point and start point") {
  for (const TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    const lv::ViewBox& view = function.view;
    CHECK(view.x_min < view.x_max);
    CHECK(view.y_min < view.y_max);
    CHECK(!function.critical_points.empty());
    CHECK(!function.start_points.empty());
    for (const lv::CriticalPoint& critical : function.critical_points) {
      CHECK(inside(view, critical.x, critical.y));
    }
    for (const auto& [x, y] : function.start_points) {
      CAPTURE(x);
      CAPTURE(y);
      CHECK(inside(view, x, y));
      CHECK(std::isfinite(function.expr().value(lv::Vec{{x, y}})));
    }
  }
}

TEST_CASE("an unknown name is an input error that suggests the closest one") {
  CHECK_THROWS_WITH_AS(lv::find_test_function("himmelblu"),
                       doctest::Contains("did you mean 'himmelblau'?"), lv::InputError);
}
