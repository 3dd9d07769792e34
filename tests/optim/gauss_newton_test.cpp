// Gauss–Newton / Levenberg–Marquardt and least-squares objectives. References: Rosenbrock's
// residuals r = (1 − x, 10(y − x²)) give a square Jacobian, so the Gauss–Newton step solves J p =
// −r exactly: from (x, y) it lands on (1, 2x − x²), then on (1, 1) (worked out by hand below);
// quadratic convergence on a zero-residual problem (Nocedal & Wright, Numerical Optimization 2nd
// ed., Theorem 10.1 and §10.3); the sum of squares of every residual form equals the literature
// formula of its function.
#include <cmath>

#include "common/errors.hpp"
#include "expr/expr.hpp"
#include "functions/residual_forms.hpp"
#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"
#include "objective/formula_with_residuals.hpp"
#include "objective/residual_objective.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

namespace {

const ResidualObjective& rosenbrock_residuals() {
  static const ResidualObjective objective = ResidualObjective::parse(
      {"a - x", "sqrt(b)*(y - x^2)"}, {{"a", 1.0, 0, 2}, {"b", 100.0, 1, 200}});
  return objective;
}

}  // namespace

TEST_CASE("residual objective: f, ∇f = 2Jᵀr and ∇²f match the hand-written Rosenbrock") {
  const Rosenbrock reference;
  for (const Vec& x : {Vec{{-1.2, 1.0}}, Vec{{0.3, -0.7}}, Vec{{1.5, 2.0}}}) {
    Vec expected_gradient;
    const double expected = reference.value_gradient(x, expected_gradient);
    Vec gradient;
    CHECK(rosenbrock_residuals().value_gradient(x, gradient) ==
          doctest::Approx(expected).epsilon(1e-14));
    CHECK((gradient - expected_gradient).norm() < 1e-12 * (1 + expected_gradient.norm()));
    CHECK((rosenbrock_residuals().hessian(x) - reference.hessian(x)).norm() < 1e-10);
    Vec r;
    Mat jacobian;
    rosenbrock_residuals().residuals_jacobian(x, r, jacobian);
    CHECK(r[0] == doctest::Approx(1 - x[0]));
    CHECK(jacobian(1, 0) == doctest::Approx(-20 * x[0]));  // ∂(10(y − x²))/∂x
    CHECK(jacobian(1, 1) == doctest::Approx(10.0));
  }
  CHECK(rosenbrock_residuals().sum_of_squares_formula() == "(a - x)^2 + (sqrt(b)*(y - x^2))^2");
}

TEST_CASE("residual objective: errors name the residual") {
  CHECK_THROWS_WITH_AS(ResidualObjective::parse({"x + y", "2*x + "}),
                       doctest::Contains("residual 2"), InputError);
  CHECK_THROWS_AS(ResidualObjective(std::vector<Expr>{}), InputError);
}

TEST_CASE("residual forms: Σ rᵢ² equals each function's literature formula") {
  // Formulas as published: Rosenbrock (1960); Booth, Matyas, Beale (Jamil & Yang 2013);
  // Himmelblau (1972); Levi N.13 (Surjanovic & Bingham); the quadratic bowl of this project.
  const std::vector<std::pair<const char*, const char*>> literature = {
      {"quadratic", "0.5*(x^2 + kappa*y^2)"},
      {"rosenbrock", "(a - x)^2 + b*(y - x^2)^2"},
      {"booth", "(x + 2*y - 7)^2 + (2*x + y - 5)^2"},
      {"beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"},
      {"himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"},
      {"matyas", "0.26*(x^2 + y^2) - 0.48*x*y"},
      {"levi13", "sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)"},
  };
  REQUIRE(residual_forms().size() == literature.size());
  const std::vector<FormulaParameter> parameters = {
      {"a", 1.0, 0, 2}, {"b", 100.0, 1, 200}, {"kappa", 10.0, 1, 100}};
  for (const auto& [name, formula] : literature) {
    CAPTURE(name);
    const ResidualForm* form = find_residual_form(name);
    REQUIRE(form != nullptr);
    const Expr expr = Expr::parse(formula, parameters);
    const ResidualObjective residuals = ResidualObjective::parse(form->residuals, parameters);
    CHECK_FALSE(residual_mismatch(expr, residuals).has_value());
  }
  // Every built-in that has a form agrees with it too (for its default parameters).
  for (const TestFunction& function : test_functions()) {
    if (const ResidualForm* form = find_residual_form(function.name)) {
      CAPTURE(function.name);
      const Expr expr = function.expr();
      CHECK_FALSE(
          residual_mismatch(expr, ResidualObjective::parse(form->residuals, expr.parameters())));
    }
  }
  CHECK(find_residual_form("rastrigin") == nullptr);
  // A wrong residual is caught.
  const ResidualObjective wrong = ResidualObjective::parse({"x + 2*y - 7", "2*x + y - 6"});
  CHECK(residual_mismatch(Expr::parse("(x + 2*y - 7)^2 + (2*x + y - 5)^2"), wrong).has_value());
}

TEST_CASE("gauss_newton: on Rosenbrock's residuals lands on (1, 2x − x²), then on (1, 1)") {
  const Trajectory t = run("gauss_newton", {}, rosenbrock_residuals(), Vec{{-1.2, 1.0}}, 5);
  REQUIRE(t.size() == 3);
  CHECK(t.x(1)[0] == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(t.x(1)[1] == doctest::Approx(-2.4 - 1.44).epsilon(1e-14));
  CHECK(t.x(2)[0] == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(t.x(2)[1] == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(t.status == RunStatus::Converged);
}

TEST_CASE("gauss_newton: Levenberg–Marquardt step (JᵀJ + λI)p = −Jᵀr by hand on Booth") {
  // Booth r = (x + 2y − 7, 2x + y − 5) at (0, 0): J = [[1, 2], [2, 1]], r = (−7, −5),
  // JᵀJ + I = [[6, 4], [4, 6]], −Jᵀr = (17, 19) → p = (1/20)[[6, −4], [−4, 6]](17, 19) =
  // (1.3, 2.3).
  const ResidualObjective booth = ResidualObjective::parse({"x + 2*y - 7", "2*x + y - 5"});
  const Trajectory damped = run("gauss_newton", {{"damping", "1"}}, booth, Vec{{0.0, 0.0}}, 1);
  CHECK(damped.x(1)[0] == doctest::Approx(1.3).epsilon(1e-14));
  CHECK(damped.x(1)[1] == doctest::Approx(2.3).epsilon(1e-14));
  // Undamped: Booth's residuals are linear, so one step reaches the minimum (1, 3).
  const Trajectory plain = run("gauss_newton", {}, booth, Vec{{0.0, 0.0}}, 5);
  CHECK(plain.x(1)[0] == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(plain.x(1)[1] == doctest::Approx(3.0).epsilon(1e-14));
}

TEST_CASE("gauss_newton: quadratic convergence on a zero-residual problem (Himmelblau at (3, 2))") {
  const ResidualObjective himmelblau = ResidualObjective::parse({"x^2 + y - 11", "x + y^2 - 7"});
  const Vec minimum{{3.0, 2.0}};
  const Trajectory t = run("gauss_newton", {}, himmelblau, Vec{{3.5, 2.5}}, 20, 0.0);
  std::vector<double> errors;
  for (int k = 0; k < t.size(); ++k) errors.push_back((Vec(t.x(k)) - minimum).norm());
  // e_{k+1} ≤ C e_k² while the error is above round-off; C bounded (here below 2).
  int quadratic_steps = 0;
  for (size_t k = 0; k + 1 < errors.size() && errors[k + 1] > 1e-13; ++k) {
    CHECK(errors[k + 1] <= 2.0 * errors[k] * errors[k]);
    ++quadratic_steps;
  }
  CHECK(quadratic_steps >= 3);
  CHECK(errors.back() < 1e-13);
}

TEST_CASE("gauss_newton: reaches Beale's minimum (3, 0.5) with damping and backtracking") {
  const ResidualObjective beale =
      ResidualObjective::parse({"1.5 - x + x*y", "2.25 - x + x*y^2", "2.625 - x + x*y^3"});
  const Trajectory t = run("gauss_newton", {{"damping", "0.01"}, {"line_search", "armijo"}}, beale,
                           Vec{{1.0, 1.0}}, 200);
  CHECK(t.status == RunStatus::Converged);
  CHECK(last_point(t)[0] == doctest::Approx(3.0));
  CHECK(last_point(t)[1] == doctest::Approx(0.5));
}

TEST_CASE("gauss_newton: an objective without residuals is an input error") {
  CHECK_THROWS_WITH_AS(run("gauss_newton", {}, Rosenbrock(), Vec{{0.0, 0.0}}, 3),
                       doctest::Contains("gauss_newton needs an objective given as residuals"),
                       InputError);
}

TEST_CASE(
    "gauss_newton: Levenberg–Marquardt (damping_factor 10) reaches Beale's minimum from afar") {
  const ResidualObjective beale =
      ResidualObjective::parse({"1.5 - x + x*y", "2.25 - x + x*y^2", "2.625 - x + x*y^3"});
  const Trajectory t = run("gauss_newton", {{"damping", "1"}, {"damping_factor", "10"}}, beale,
                           Vec{{-1.0, -1.0}}, 300);
  CHECK(t.status == RunStatus::Converged);
  CHECK(last_point(t)[0] == doctest::Approx(3.0));
  CHECK(last_point(t)[1] == doctest::Approx(0.5));
  for (int k = 1; k < t.size(); ++k) CHECK(t.loss[k] <= t.loss[k - 1]);
}

TEST_CASE("formula with residuals: values exactly the formula's, residuals for Gauss–Newton") {
  // ½(1² + 10·1²) = 5.5 exactly from the formula; (1/√2)² + (√5)² rounds to 5.5000000000000009.
  const std::vector<FormulaParameter> kappa = {{"kappa", 10.0, 1, 100}};
  const FormulaWithResiduals bowl(
      FormulaObjective(Expr::parse("0.5*(x^2 + kappa*y^2)", kappa)),
      ResidualObjective::parse({"x/sqrt(2)", "sqrt(kappa/2)*y"}, kappa));
  CHECK(bowl.value(Vec{{1.0, 1.0}}) == 5.5);
  const Trajectory t = run("gauss_newton", {}, bowl, Vec{{1.0, 1.0}}, 3);
  CHECK(t.loss[0] == 5.5);
  CHECK(Vec(t.x(1)).norm() < 1e-15);  // linear residuals: one step to the minimum
}
