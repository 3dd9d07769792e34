// BFGS and L-BFGS: the two-loop recursion against the dense BFGS inverse update written out here
// (Nocedal & Wright, Numerical Optimization 2nd ed., eq. 6.17 and Alg. 7.4); finite termination
// on a quadratic with exact line searches, where both reproduce linear CG's iterates (Nazareth
// 1979, "A relationship between the BFGS and conjugate gradient algorithms", SIAM J. Numer.
// Anal. 16(5): with H₀ = γI and exact line searches on a quadratic, BFGS generates CG's iterates);
// convergence to the literature minima of Rosenbrock (1, 1) and Booth (1, 3).
#include <deque>

#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "optim/bfgs.hpp"
#include "optim/lbfgs.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

namespace {

// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/yᵀs, written independently of the library.
Mat dense_bfgs(Mat h, const std::deque<CurvaturePair>& pairs) {
  const Eigen::Index n = h.rows();
  for (const CurvaturePair& p : pairs) {
    const double rho = 1.0 / p.gradient_change.dot(p.step);
    const Mat v = Mat::Identity(n, n) - rho * p.gradient_change * p.step.transpose();
    h = v.transpose() * h * v + rho * p.step * p.step.transpose();
  }
  return h;
}

}  // namespace

TEST_CASE("lbfgs: the two-loop recursion equals dense BFGS from H₀ = γI over the same pairs") {
  const Quadratic q = quadratic_4d();
  std::deque<CurvaturePair> pairs;
  const std::vector<Vec> steps = {Vec{{1.0, 0.0, 0.5, -0.2}}, Vec{{0.1, 1.0, -0.3, 0.4}},
                                  Vec{{-0.2, 0.3, 1.0, 0.1}}, Vec{{0.5, -0.5, 0.2, 1.0}}};
  for (const Vec& s : steps) pairs.push_back({s, q.matrix() * s});  // y = A s, so yᵀs > 0
  const Vec g{{0.3, -1.0, 2.0, 0.7}};
  const CurvaturePair& newest = pairs.back();
  const double gamma =
      newest.step.dot(newest.gradient_change) / newest.gradient_change.squaredNorm();
  const Mat h = dense_bfgs(gamma * Mat::Identity(4, 4), pairs);
  CHECK((lbfgs_direction(pairs, g) + h * g).norm() < 1e-12 * g.norm());
  // The secant equation H y = s holds for the newest pair.
  CHECK((h * newest.gradient_change - newest.step).norm() < 1e-12);
  CHECK((lbfgs_direction({}, g) + g).norm() == 0.0);
}

TEST_CASE("bfgs: the library's inverse update is the secant equation H y = s") {
  Mat h = Mat::Identity(2, 2);
  const Vec s{{0.5, -1.0}};
  const Vec y{{2.0, -3.0}};
  bfgs_inverse_update(h, s, y);
  CHECK((h * y - s).norm() < 1e-14);
  CHECK(h.ldlt().isPositive());
}

TEST_CASE(
    "bfgs, lbfgs: exact line searches on a quadratic reproduce linear CG and finish in n steps") {
  const Quadratic q = quadratic_4d();
  const Vec start{{3.0, -1.0, 2.0, 5.0}};
  const std::vector<Vec> reference = linear_cg_iterates(q, start, 4);
  for (const char* name : {"bfgs", "lbfgs"}) {
    CAPTURE(name);
    const Trajectory t = run(name, {{"line_search", "exact"}}, q, start, 10);
    REQUIRE(t.size() >= 5);
    for (int k = 1; k <= 4; ++k) CHECK((Vec(t.x(k)) - reference[k - 1]).norm() < 1e-9);
    CHECK((Vec(t.x(4)) - q.minimizer()).norm() < 1e-9);
    CHECK(t.size() - 1 <=
          5);  // converged after n = 4 steps (a fifth only if round-off left a gradient > 1e-10)
  }
}

TEST_CASE("lbfgs with full memory equals bfgs on the first m steps (exact line search)") {
  const Quadratic q = quadratic_4d();
  const Vec start{{-2.0, 1.0, 0.0, 1.0}};
  const Trajectory bfgs = run("bfgs", {{"line_search", "exact"}}, q, start, 3, 0.0);
  const Trajectory lbfgs =
      run("lbfgs", {{"line_search", "exact"}, {"history_size", "3"}}, q, start, 3, 0.0);
  for (int k = 1; k <= 3; ++k) CHECK((Vec(bfgs.x(k)) - Vec(lbfgs.x(k))).norm() < 1e-10);
}

TEST_CASE("bfgs, lbfgs: reach the literature minima of Rosenbrock (1, 1) and Booth (1, 3)") {
  const FormulaObjective booth(Expr::parse("(x + 2*y - 7)^2 + (2*x + y - 5)^2"));
  for (const char* name : {"bfgs", "lbfgs"}) {
    CAPTURE(name);
    const Trajectory r = run(name, {}, Rosenbrock(), Vec{{-1.2, 1.0}}, 200);
    CHECK(r.status == RunStatus::Converged);
    CHECK(last_point(r)[0] == doctest::Approx(1.0));
    CHECK(last_point(r)[1] == doctest::Approx(1.0));
    const Trajectory b = run(name, {}, booth, Vec{{0.0, 0.0}}, 100);
    CHECK(b.status == RunStatus::Converged);
    CHECK(last_point(b)[0] == doctest::Approx(1.0));
    CHECK(last_point(b)[1] == doctest::Approx(3.0));
    // Every line-search trial is counted: more evaluations than steps.
    CHECK(r.function_evaluations.back() > r.size() - 1);
  }
}

TEST_CASE("lbfgs: keeps at most history_size pairs") {
  auto optimizer = configured("lbfgs", {{"history_size", "2"}});
  auto* lbfgs = dynamic_cast<Lbfgs*>(optimizer.get());
  REQUIRE(lbfgs);
  RunSettings settings;
  settings.max_steps = 10;
  run_optimizer(Rosenbrock(), *lbfgs, nullptr, Vec{{-1.2, 1.0}}, settings);
  CHECK(lbfgs->history().size() == 2);
}
