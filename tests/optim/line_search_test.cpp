// Line searches: the accepted steps satisfy the Armijo and strong Wolfe conditions (Nocedal &
// Wright, Numerical Optimization 2nd ed., eqs. 3.4 and 3.7), checked with an independently
// written Rosenbrock; the exact step on a quadratic is the closed form α = gᵀg / gᵀAg (eq. 3.55);
// every trial point shows up in the runner's function_evaluations column.
#include <cmath>

#include "common/errors.hpp"
#include "optim/line_search.hpp"
#include "optim/oracle.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

namespace {

const Rosenbrock k_rosenbrock;

LineSearchSettings settings_with(LineSearchKind kind) {
  LineSearchSettings settings;
  settings.kind = kind;
  return settings;
}

void check_strong_wolfe(const Objective& f, const Vec& x, const Vec& d, double step,
                        const LineSearchSettings& s) {
  Vec g0 = Vec::Zero(x.size());
  const double f0 = f.value_gradient(x, g0);
  Vec g1 = Vec::Zero(x.size());
  const double f1 = f.value_gradient(x + step * d, g1);
  const double slope0 = g0.dot(d);
  const double slope1 = g1.dot(d);
  CHECK(step > 0.0);
  CHECK(f1 <= f0 + s.c1 * step * slope0);
  CHECK(std::abs(slope1) <= s.c2 * std::abs(slope0));
}

}  // namespace

TEST_CASE("line search: backtracking halves until f(x + αd) ≤ f(x) + c1·α·∇fᵀd") {
  const Vec x{{-1.2, 1.0}};
  Vec g;
  const double f0 = k_rosenbrock.value_gradient(x, g);
  const Vec d = -g;
  Oracle oracle(k_rosenbrock);
  const LineSearchSettings s = settings_with(LineSearchKind::Armijo);
  const LineSearchResult result = backtracking_armijo(oracle, {x, f0, g, d}, 1.0, s);
  REQUIRE(result.success);
  // The accepted step is 0.5^k and the one before it (2α) was rejected.
  const double halvings = -std::log2(result.step);
  CHECK(halvings == doctest::Approx(std::round(halvings)));
  CHECK(k_rosenbrock.value(x + result.step * d) <= f0 + s.c1 * result.step * g.dot(d));
  CHECK(k_rosenbrock.value(x + 2 * result.step * d) > f0 + s.c1 * 2 * result.step * g.dot(d));
  CHECK(result.evaluations == static_cast<int>(std::round(halvings)) + 1);
  CHECK(oracle.function_evaluations() == result.evaluations);
}

TEST_CASE(
    "line search: strong Wolfe holds after zoom (too long a first step) and after expansion") {
  const Vec x{{-1.2, 1.0}};
  Vec g;
  const double f0 = k_rosenbrock.value_gradient(x, g);
  const Vec d = -g;
  const LineSearchSettings s = settings_with(LineSearchKind::Wolfe);
  for (const double initial : {1.0, 1e-7}) {
    Oracle oracle(k_rosenbrock);
    const LineSearchResult result = strong_wolfe(oracle, {x, f0, g, d}, initial, s);
    REQUIRE(result.success);
    check_strong_wolfe(k_rosenbrock, x, d, result.step, s);
    CHECK(oracle.gradient_evaluations() == result.evaluations);
  }
}

TEST_CASE("line search: strong Wolfe with a tight c2 = 0.1 along a quasi-Newton-like direction") {
  const Vec x{{0.5, 0.9}};
  Vec g;
  const double f0 = k_rosenbrock.value_gradient(x, g);
  const Vec d = -k_rosenbrock.hessian(x).ldlt().solve(g);
  REQUIRE(g.dot(d) < 0.0);
  LineSearchSettings s = settings_with(LineSearchKind::Wolfe);
  s.c2 = 0.1;
  Oracle oracle(k_rosenbrock);
  const LineSearchResult result = strong_wolfe(oracle, {x, f0, g, d}, 1.0, s);
  REQUIRE(result.success);
  check_strong_wolfe(k_rosenbrock, x, d, result.step, s);
}

TEST_CASE("line search: exact step on a quadratic is gᵀg / gᵀAg (one Hessian-vector product)") {
  // f = ½(x² + 10y²) at (1, 1): g = (1, 10), gᵀg = 101, gᵀAg = 1 + 1000 = 1001.
  const Quadratic bowl(Mat{{1.0, 0.0}, {0.0, 10.0}}, Vec::Zero(2));
  const Vec x{{1.0, 1.0}};
  Vec g;
  const double f0 = bowl.value_gradient(x, g);
  Oracle oracle(bowl);
  const LineSearchResult result =
      exact_quadratic(oracle, {x, f0, g, Vec(-g)}, 1.0, settings_with(LineSearchKind::Exact));
  CHECK(result.step == doctest::Approx(101.0 / 1001.0).epsilon(1e-15));
  CHECK(oracle.hessian_evaluations() == 1);
  CHECK(oracle.function_evaluations() == 0);
}

TEST_CASE("line search: gd+armijo trajectory obeys Armijo at every step and counts its trials") {
  const Trajectory t =
      run("gd", {{"lr", "1"}, {"line_search", "armijo"}}, k_rosenbrock, Vec{{-1.2, 1.0}}, 50, 0.0);
  REQUIRE(t.status == RunStatus::MaxSteps);
  for (int k = 0; k + 1 < t.size(); ++k) {
    const Vec x = t.x(k);
    const Vec next = t.x(k + 1);
    Vec g;
    const double f0 = k_rosenbrock.value_gradient(x, g);
    const double step = (x - next).dot(g) / g.squaredNorm();  // x_{k+1} = x_k − α g
    CHECK(k_rosenbrock.value(next) <= f0 - 1e-4 * step * g.squaredNorm());
    // Trials α = 1, ½, ¼, ... : log2(1/α) + 1 of them, plus the runner's own evaluation.
    const long trials = std::lround(-std::log2(step)) + 1;
    CHECK(t.function_evaluations[k + 1] - t.function_evaluations[k] == trials + 1);
  }
  CHECK(t.loss.back() < t.loss.front());
}

TEST_CASE("line search: gd+wolfe trajectory obeys the strong Wolfe conditions at every step") {
  const Trajectory t =
      run("gd", {{"lr", "1"}, {"line_search", "wolfe"}}, k_rosenbrock, Vec{{-1.2, 1.0}}, 30, 0.0);
  LineSearchSettings s = settings_with(LineSearchKind::Wolfe);
  for (int k = 0; k + 1 < t.size(); ++k) {
    const Vec x = t.x(k);
    Vec g;
    k_rosenbrock.value_gradient(x, g);
    const double step = (x - Vec(t.x(k + 1))).dot(g) / g.squaredNorm();
    check_strong_wolfe(k_rosenbrock, x, -g, step, s);
  }
}

TEST_CASE("line search: a non-descent direction is replaced by steepest descent") {
  // Newton on the saddle x² − y² points uphill in y; with Armijo the step still decreases f.
  const Quadratic saddle(Mat{{2.0, 0.0}, {0.0, -2.0}}, Vec::Zero(2));
  const Trajectory t = run("newton", {{"line_search", "armijo"}}, saddle, Vec{{0.3, 0.2}}, 1);
  CHECK(t.loss[1] < t.loss[0]);
}

TEST_CASE("line search: wolfe rejects c1 >= c2") {
  auto bfgs = configured("bfgs", {{"c1", "0.5"}, {"c2", "0.4"}});
  CHECK_THROWS_AS(bfgs->reset(Vec::Zero(2)), InputError);
}
