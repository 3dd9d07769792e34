// Runner invariants on a hand-written quadratic: the record layout of docs/architecture.md §3 and
// §4.3, monotone descent below the stability limit lr < 2/λmax, divergence above it, convergence.
#include <doctest/doctest.h>

#include "common/errors.hpp"
#include "optim/registry.hpp"
#include "reference_objectives.hpp"
#include "run/runner.hpp"

using lv::Vec;

namespace {

lv::Trajectory run_gd(double lr, int steps, double tolerance = 0.0) {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 10.0}});  // λmax = 10
  auto sgd = lv::make_optimizer("sgd");
  sgd->hyperparameters().set("lr", lr);
  lv::RunSettings settings;
  settings.max_steps = steps;
  settings.gradient_tolerance = tolerance;
  return lv::run_optimizer(bowl, *sgd, nullptr, Vec{{1.0, 1.0}}, settings);
}

}  // namespace

TEST_CASE("records: row 0 is the start, row k the point after k updates") {
  const lv::Trajectory t = run_gd(0.1, 5);
  REQUIRE(t.size() == 6);
  CHECK(t.status == lv::RunStatus::MaxSteps);
  CHECK(t.x(0) == Vec{{1.0, 1.0}});
  CHECK(t.loss[0] == doctest::Approx(5.5));
  CHECK(t.update_norm[0] == 0.0);
  CHECK(t.learning_rate[0] == 0.1);
  CHECK(t.x(1)[0] == doctest::Approx(0.9));
  CHECK(t.update_norm[1] == doctest::Approx(std::hypot(0.1, 1.0)));
  CHECK(t.gradient_norm[1] == doctest::Approx(0.9));  // ∇f(0.9, 0) = (0.9, 0)
}

TEST_CASE("gradient descent with lr < 2/λmax decreases a convex quadratic monotonically") {
  const lv::Trajectory t = run_gd(0.19, 200);
  for (int k = 1; k < t.size(); ++k) CHECK(t.loss[k] < t.loss[k - 1]);
  CHECK(t.status == lv::RunStatus::MaxSteps);
}

TEST_CASE("gradient descent with lr > 2/λmax diverges and is reported as diverged") {
  const lv::Trajectory t = run_gd(0.21, 100000);
  CHECK(t.status == lv::RunStatus::Diverged);
  CHECK(t.diverged_step > 0);
  CHECK(t.size() == t.diverged_step);  // the offending point is not recorded
  for (int k = 0; k < t.size(); ++k) CHECK(std::isfinite(t.loss[k]));
}

TEST_CASE("a run stops as converged when the gradient norm falls below the tolerance") {
  const lv::Trajectory t = run_gd(0.1, 100000, 1e-8);
  CHECK(t.status == lv::RunStatus::Converged);
  CHECK(t.gradient_norm.back() < 1e-8);
}

TEST_CASE("a start point of the wrong dimension is an input error") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 10.0}});
  auto sgd = lv::make_optimizer("sgd");
  CHECK_THROWS_AS(lv::run_optimizer(bowl, *sgd, nullptr, Vec{{1.0}}, {}), lv::InputError);
}

TEST_CASE("gradient noise is reproducible from the seed and changes with it") {
  const lv::test::DiagonalQuadratic bowl(Vec{{1.0, 10.0}});
  auto run = [&](uint64_t seed) {
    auto sgd = lv::make_optimizer("sgd");
    sgd->hyperparameters().set("lr", 0.05);
    lv::RunSettings settings;
    settings.max_steps = 20;
    settings.noise_sigma = 0.5;
    settings.seed = seed;
    return lv::run_optimizer(bowl, *sgd, nullptr, Vec{{1.0, 1.0}}, settings);
  };
  CHECK(run(7).positions == run(7).positions);
  CHECK(run(7).positions != run(8).positions);
}

TEST_CASE("clipping by norm and by value (torch.nn.utils.clip_grad_norm_ / clip_grad_value_)") {
  Vec g{{3.0, 4.0}};
  lv::clip_gradient(g, {1.0, 0.0});
  CHECK(g.norm() == doctest::Approx(1.0 * 5.0 / (5.0 + 1e-6)));
  Vec h{{3.0, -0.5}};
  lv::clip_gradient(h, {0.0, 1.0});
  CHECK(h == Vec{{1.0, -0.5}});
  Vec small{{0.3, 0.4}};
  lv::clip_gradient(small, {1.0, 0.0});
  CHECK(small == Vec{{0.3, 0.4}});
}
