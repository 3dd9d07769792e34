// The stability limit (optim/stability_limit.hpp) against the real optimizers: on the quadratic
// f = ½λx² the registered sgd/gd, run through lv::run_optimizer, must diverge for λ 3% above the
// limit and converge for λ 3% below it — for plain GD (2/η), heavy ball ((2 + 2β)/η), Nesterov
// ((2 + 2β)/((1 + 2β)η)), dampening and weight decay. Methods without a fixed-step limit get none.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "optim/stability_limit.hpp"
#include "optimizer_settings.hpp"
#include "reference_objectives.hpp"
#include "run/runner.hpp"

using namespace lv;
using namespace lv::test;

namespace {

// Runs `optimizer` on f = ½λx² from x = 1 for 3000 steps.
Trajectory run_on_parabola(Optimizer& optimizer, double lambda) {
  const DiagonalQuadratic parabola(Vec::Constant(1, lambda));
  RunSettings settings;
  settings.max_steps = 3000;
  settings.gradient_tolerance = 0.0;
  return run_optimizer(parabola, optimizer, nullptr, Vec::Constant(1, 1.0), settings);
}

void check_limit_is_the_edge(const char* name, const std::vector<Setting>& settings,
                             double expected_limit) {
  std::unique_ptr<Optimizer> optimizer = configured(name, settings);
  const double lr = optimizer->base_learning_rate();
  const std::optional<double> limit = stability_limit(*optimizer, lr);
  REQUIRE(limit.has_value());
  CHECK(*limit == doctest::Approx(expected_limit).epsilon(1e-12));
  const Trajectory above = run_on_parabola(*optimizer, 1.03 * *limit);
  CHECK(above.status == RunStatus::Diverged);
  const Trajectory below = run_on_parabola(*optimizer, 0.97 * *limit);
  CHECK(below.status != RunStatus::Diverged);
  CHECK(std::abs(below.x(below.size() - 1)[0]) < 1e-4);
}

}  // namespace

TEST_CASE("stability limit: GD diverges on ½λx² iff λ > 2/lr (closed form |1 − lrλ| ≤ 1)") {
  check_limit_is_the_edge("gd", {{"lr", "0.1"}}, 20.0);
  check_limit_is_the_edge("sgd", {{"lr", "0.05"}}, 40.0);
  CHECK(*sgd_stability_limit(0.5, 0.0, 0.0, false) == doctest::Approx(4.0));
}

TEST_CASE("stability limit: heavy-ball momentum β diverges iff λ > (2 + 2β)/lr") {
  for (const char* beta : {"0.5", "0.9", "0.99"}) {
    CAPTURE(beta);
    const double b = std::stod(beta);
    check_limit_is_the_edge("sgd", {{"lr", "0.01"}, {"momentum", beta}}, (2 + 2 * b) / 0.01);
  }
  // Dampening τ lets only (1 − τ) of the gradient into the buffer: (2 + 2β)/((1 − τ)lr).
  check_limit_is_the_edge("sgd", {{"lr", "0.01"}, {"momentum", "0.9"}, {"dampening", "0.5"}},
                          3.8 / 0.005);
}

TEST_CASE("stability limit: Nesterov momentum diverges iff λ > (2 + 2β)/((1 + 2β)lr)") {
  // torch.optim.SGD's Nesterov step x ← x − lr(g + βb): the derivation in stability_limit.cpp.
  for (const char* beta : {"0.5", "0.9"}) {
    CAPTURE(beta);
    const double b = std::stod(beta);
    check_limit_is_the_edge("sgd", {{"lr", "0.01"}, {"momentum", beta}, {"nesterov", "true"}},
                            (2 + 2 * b) / ((1 + 2 * b) * 0.01));
  }
}

TEST_CASE("stability limit: weight decay w adds w to the curvature, so the limit drops by w") {
  check_limit_is_the_edge("sgd", {{"lr", "0.1"}, {"weight_decay", "2"}}, 20.0 - 2.0);
  check_limit_is_the_edge("sgd", {{"lr", "0.1"}, {"momentum", "0.5"}, {"weight_decay", "1"}},
                          30.0 - 1.0);
}

TEST_CASE("stability limit: methods without a fixed-step limit get none") {
  for (const char* name : {"adam", "adamw", "rmsprop", "adagrad", "newton", "bfgs", "lbfgs"}) {
    CAPTURE(name);
    CHECK_FALSE(stability_limit(*configured(name, {}), 0.1).has_value());
  }
  CHECK_FALSE(stability_limit(*configured("gd", {{"line_search", "armijo"}}), 0.1).has_value());
  CHECK_FALSE(stability_limit(*configured("sgd", {{"maximize", "true"}}), 0.1).has_value());
  CHECK_FALSE(stability_limit(*configured("sgd", {}), 0.0).has_value());
  CHECK_FALSE(stability_limit(*configured("sgd", {{"momentum", "0.9"}, {"dampening", "1"}}), 0.1)
                  .has_value());
}
