// Natural gradient with each metric. References: Fisher information of a normal distribution
// I(μ, σ) = diag(1/σ², 2/σ²) (e.g. Amari 1998 §3; any statistics text), which in (μ, log σ)
// is diag(e^{−2s}, 2) and equals the Hessian of the expected negative log-likelihood at the true
// parameters; Fisher scoring (lr = 1) sends μ to the sample mean in one step; with the
// Gauss–Newton metric 2JᵀJ and damping 2λ it is the Levenberg–Marquardt step with damping λ.
#include <cmath>

#include "common/errors.hpp"
#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "objective/residual_objective.hpp"
#include "optim/natural_gradient.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

namespace {

// Negative log-likelihood per sample (without the constant ½log 2π) of data with mean 2 and
// variance 1 under N(μ, σ²), in x = μ, y = s = log σ: f = s + (1 + (μ − 2)²) / (2e^{2s}).
FormulaObjective gaussian_likelihood() {
  return FormulaObjective(Expr::parse("y + (1 + (x - 2)^2)/(2*exp(2*y))"));
}

}  // namespace

TEST_CASE(
    "natural_gradient: the gaussian metric is the Fisher information = Hessian at the optimum") {
  const FormulaObjective nll = gaussian_likelihood();
  const Vec optimum{{2.0, 0.0}};
  CHECK((nll.hessian(optimum) - gaussian_fisher_metric(optimum)).norm() < 1e-12);
  const Mat at_other = gaussian_fisher_metric(Vec{{0.0, std::log(3.0)}});  // σ = 3
  CHECK(at_other(0, 0) == doctest::Approx(1.0 / 9.0));
  CHECK(at_other(1, 1) == doctest::Approx(2.0));
}

TEST_CASE("natural_gradient: Fisher scoring on the Gaussian likelihood") {
  // From (μ, s) = (0, 0): ∂f/∂μ = μ − 2 = −2, ∂f/∂s = 1 − (1 + 4) = −4; G = diag(1, 2):
  // step = −(−2/1, −4/2) = (2, 2).
  const FormulaObjective nll = gaussian_likelihood();
  const Trajectory one =
      run("natural_gradient", {{"metric", "gaussian"}, {"lr", "1"}, {"damping", "0"}}, nll,
          Vec{{0.0, 0.0}}, 1);
  CHECK(one.x(1)[0] == doctest::Approx(2.0).epsilon(1e-14));
  CHECK(one.x(1)[1] == doctest::Approx(2.0).epsilon(1e-14));
  const Trajectory all =
      run("natural_gradient", {{"metric", "gaussian"}, {"lr", "1"}, {"damping", "0"}}, nll,
          Vec{{0.0, 0.0}}, 100);
  CHECK(all.status == RunStatus::Converged);
  CHECK(last_point(all)[0] == doctest::Approx(2.0));
  CHECK(last_point(all)[1] == doctest::Approx(0.0));
  // Plain gradient descent with the same lr from there is far slower: 100 steps are not enough.
  const Trajectory gd = run("gd", {{"lr", "0.1"}}, nll, Vec{{0.0, 0.0}}, all.size() - 1);
  CHECK(gd.status != RunStatus::Converged);
}

TEST_CASE("natural_gradient: identity metric with λ = 0 is gradient descent") {
  const Quadratic bowl(Mat{{1.0, 0.0}, {0.0, 10.0}}, Vec::Zero(2));
  const Trajectory t =
      run("natural_gradient", {{"lr", "0.05"}, {"damping", "0"}}, bowl, Vec{{1.0, 1.0}}, 1);
  CHECK(t.x(1)[0] == doctest::Approx(0.95));
  CHECK(t.x(1)[1] == doctest::Approx(0.5));
}

TEST_CASE("natural_gradient: gauss_newton metric with damping 2λ is Levenberg–Marquardt with λ") {
  const ResidualObjective booth = ResidualObjective::parse({"x + 2*y - 7", "2*x + y - 5"});
  const Trajectory natural =
      run("natural_gradient", {{"metric", "gauss_newton"}, {"lr", "1"}, {"damping", "2"}}, booth,
          Vec{{0.0, 0.0}}, 1);
  CHECK(natural.x(1)[0] == doctest::Approx(1.3).epsilon(1e-14));  // see gauss_newton_test
  CHECK(natural.x(1)[1] == doctest::Approx(2.3).epsilon(1e-14));
}

TEST_CASE("natural_gradient: converges on Booth (1, 3) and Rosenbrock (1, 1) with the GN metric") {
  const ResidualObjective booth = ResidualObjective::parse({"x + 2*y - 7", "2*x + y - 5"});
  const ResidualObjective rosenbrock = ResidualObjective::parse({"1 - x", "10*(y - x^2)"});
  const std::vector<Setting> settings = {
      {"metric", "gauss_newton"}, {"lr", "1"}, {"damping", "1e-6"}};
  const Trajectory b = run("natural_gradient", settings, booth, Vec{{-3.0, 4.0}}, 50);
  CHECK(b.status == RunStatus::Converged);
  CHECK(last_point(b)[0] == doctest::Approx(1.0));
  CHECK(last_point(b)[1] == doctest::Approx(3.0));
  const Trajectory r = run("natural_gradient", settings, rosenbrock, Vec{{-1.2, 1.0}}, 50);
  CHECK(r.status == RunStatus::Converged);
  CHECK(last_point(r)[0] == doctest::Approx(1.0));
  CHECK(last_point(r)[1] == doctest::Approx(1.0));
}

TEST_CASE("natural_gradient: hessian_abs metric equals saddle-free damped Newton") {
  const Quadratic saddle(Mat{{2.0, 1.0}, {1.0, -3.0}}, Vec{{0.5, 0.2}});
  const Vec start{{0.4, -0.7}};
  const Trajectory natural =
      run("natural_gradient", {{"metric", "hessian_abs"}, {"lr", "1"}, {"damping", "0.3"}}, saddle,
          start, 3, 0.0);
  const Trajectory newton =
      run("damped_newton", {{"saddle_free", "true"}, {"damping", "0.3"}, {"damping_factor", "1"}},
          saddle, start, 3, 0.0);
  for (int k = 1; k <= 3; ++k) CHECK((Vec(natural.x(k)) - Vec(newton.x(k))).norm() < 1e-12);
}

TEST_CASE("natural_gradient: metrics that do not apply are input errors") {
  CHECK_THROWS_AS(
      run("natural_gradient", {{"metric", "gauss_newton"}}, Rosenbrock(), Vec{{0.0, 0.0}}, 1),
      InputError);
  CHECK_THROWS_AS(
      run("natural_gradient", {{"metric", "gaussian"}}, quadratic_4d(), Vec::Zero(4), 1),
      InputError);
}
