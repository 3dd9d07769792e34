// The LR range test (run/lr_finder): the exponential sweep's endpoints, the 4×-best stop and the
// suggestion on quadratics, where gradient descent is stable exactly for lr < 2/L (L the largest
// curvature), so a sound suggestion lies below 2/L.
#include <doctest/doctest.h>

#include <cmath>

#include "common/errors.hpp"
#include "optim/registry.hpp"
#include "reference_objectives.hpp"
#include "run/lr_finder.hpp"

using lv::Vec;

TEST_CASE("lr finder: sweep from min to max, stops when the loss diverges, suggestion < 2/L") {
  for (double curvature : {1.0, 10.0, 100.0, 1000.0}) {
    CAPTURE(curvature);
    const lv::test::DiagonalQuadratic bowl(Vec{{1.0, curvature}});
    auto sgd = lv::make_optimizer("sgd");
    const lv::LrFinderResult result = lv::find_learning_rate(bowl, *sgd, Vec{{1.0, 1.0}});
    REQUIRE(result.learning_rates.size() >= 2);
    CHECK(result.learning_rates.front() == doctest::Approx(1e-7));
    // lr → 10 ≫ 2/L: the loss blows up before the end (for L = 1 too late for the 4× rule).
    if (curvature >= 10.0) CHECK(result.stopped_early);
    REQUIRE(result.suggested_index >= 0);
    CHECK(result.suggested_lr < 2.0 / curvature);
    CHECK(result.suggested_lr > 1e-7);
  }
}

TEST_CASE("lr finder: full sweep without divergence ends at max lr; ratio of lrs is constant") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 1.0}});
  auto sgd = lv::make_optimizer("sgd");
  lv::LrFinderSettings settings;
  settings.min_lr = 1e-4;
  settings.max_lr = 1.0;
  settings.steps = 50;
  const lv::LrFinderResult result = lv::find_learning_rate(bowl, *sgd, Vec{{1.0, 1.0}}, settings);
  REQUIRE(result.learning_rates.size() == 50);
  CHECK(result.learning_rates.back() == doctest::Approx(1.0));
  const double ratio = result.learning_rates[1] / result.learning_rates[0];
  CHECK(ratio == doctest::Approx(std::pow(1e4, 1.0 / 49)));
}

TEST_CASE("steepest descent index: numpy.gradient's argmin over the kept range") {
  const std::vector<double> lrs = {1e-3, 1e-2, 1e-1, 1, 10};
  const std::vector<double> loss = {5, 4.9, 3, 1, 2};
  CHECK(lv::steepest_descent_index(lrs, loss, 0, 0) == 2);  // slopes −0.9·k, −3.9·k, −1·k, ...
  CHECK(lv::steepest_descent_index(lrs, {1, 2, 3, 4, 5}, 0, 0) == -1);
}

TEST_CASE("lr finder: settings are checked") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 1.0}});
  auto sgd = lv::make_optimizer("sgd");
  lv::LrFinderSettings settings;
  settings.max_lr = 1e-8;
  CHECK_THROWS_AS(lv::find_learning_rate(bowl, *sgd, Vec{{1.0, 1.0}}, settings), lv::InputError);
  auto nelder = lv::make_optimizer("nelder_mead");
  CHECK_THROWS_AS(lv::find_learning_rate(bowl, *nelder, Vec{{1.0, 1.0}}), lv::InputError);
}
