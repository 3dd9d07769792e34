// Nonlinear CG: with exact line searches on a quadratic, Fletcher–Reeves and Polak–Ribière+ are
// linear CG (Nocedal & Wright, Numerical Optimization 2nd ed., §5.2: both β formulas reduce to
// eq. 5.24d when successive gradients are orthogonal) and finish in n steps; with strong Wolfe
// they reach the literature minima of Rosenbrock (1, 1) and Himmelblau (3, 2).
#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

TEST_CASE("cg: exact line searches on a quadratic give linear CG's iterates (both β formulas)") {
  const Quadratic q = quadratic_4d();
  const Vec start{{3.0, -1.0, 2.0, 5.0}};
  const std::vector<Vec> reference = linear_cg_iterates(q, start, 4);
  for (const char* beta : {"fletcher_reeves", "polak_ribiere_plus"}) {
    CAPTURE(beta);
    const Trajectory t = run("cg", {{"beta", beta}, {"line_search", "exact"}}, q, start, 10);
    REQUIRE(t.size() >= 5);
    for (int k = 1; k <= 4; ++k) CHECK((Vec(t.x(k)) - reference[k - 1]).norm() < 1e-9);
    CHECK(t.size() - 1 <= 5);
  }
}

TEST_CASE("cg: the first step is the exact steepest-descent step") {
  // f = ½(x² + 10y²) from (1, 1): exact steepest-descent step α = 101/1001 (gᵀg / gᵀAg).
  const Quadratic bowl(Mat{{1.0, 0.0}, {0.0, 10.0}}, Vec::Zero(2));
  const Trajectory t = run("cg", {{"line_search", "exact"}}, bowl, Vec{{1.0, 1.0}}, 1);
  const double alpha = 101.0 / 1001.0;
  CHECK(t.x(1)[0] == doctest::Approx(1.0 - alpha));
  CHECK(t.x(1)[1] == doctest::Approx(1.0 - 10.0 * alpha));
}

TEST_CASE("cg: reaches the minima of Rosenbrock (1, 1) and Himmelblau (3, 2) with strong Wolfe") {
  const FormulaObjective himmelblau(Expr::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"));
  for (const char* beta : {"fletcher_reeves", "polak_ribiere_plus"}) {
    CAPTURE(beta);
    const Trajectory r = run("cg", {{"beta", beta}}, Rosenbrock(), Vec{{-1.2, 1.0}}, 5000, 1e-8);
    CHECK(r.status == RunStatus::Converged);
    CHECK(last_point(r)[0] == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(last_point(r)[1] == doctest::Approx(1.0).epsilon(1e-6));
    // Himmelblau (1972): minimum f(3, 2) = 0, the one nearest this start.
    const Trajectory h = run("cg", {{"beta", beta}}, himmelblau, Vec{{2.0, 1.0}}, 500, 1e-8);
    CHECK(h.status == RunStatus::Converged);
    CHECK(last_point(h)[0] == doctest::Approx(3.0));
    CHECK(last_point(h)[1] == doctest::Approx(2.0));
  }
}
