// Gradient descent: the fixed step x ← x − lr·∇f by hand, and the classroom failure: on
// f = ½(x² + 10y²) GD is stable only for lr < 2/L = 0.2 (L = 10 the largest curvature; Nocedal &
// Wright §3.3); beyond it |1 − 10·lr| > 1 and the run is reported as diverged, not drawn as
// garbage.
#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

namespace {
const Quadratic k_bowl(Mat{{1.0, 0.0}, {0.0, 10.0}}, Vec::Zero(2));
}

TEST_CASE("gd: x ← x − lr·∇f") {
  const Trajectory t = run("gd", {{"lr", "0.1"}}, k_bowl, Vec{{1.0, 1.0}}, 2);
  CHECK(t.x(1)[0] == doctest::Approx(0.9));
  CHECK(t.x(1)[1] == doctest::Approx(0.0));
  CHECK(t.x(2)[0] == doctest::Approx(0.81));
  CHECK(t.function_evaluations[2] == 2);  // no line search: one evaluation per step
}

TEST_CASE("gd: too large a learning rate diverges and the runner says so") {
  // lr = 0.3: y ← (1 − 3) y = −2y, so |y| = 2^k passes the bound 1e8 at k = 27.
  const Trajectory t = run("gd", {{"lr", "0.3"}}, k_bowl, Vec{{1.0, 1.0}}, 1000);
  CHECK(t.status == RunStatus::Diverged);
  CHECK(t.diverged_step == 27);
  // Just below the limit it converges.
  const Trajectory stable = run("gd", {{"lr", "0.19"}}, k_bowl, Vec{{1.0, 1.0}}, 1000);
  CHECK(stable.status == RunStatus::Converged);
}

TEST_CASE("gd: the same too-large lr as the first trial step of Armijo backtracking converges") {
  const Trajectory t =
      run("gd", {{"lr", "0.3"}, {"line_search", "armijo"}}, k_bowl, Vec{{1.0, 1.0}}, 1000);
  CHECK(t.status == RunStatus::Converged);
}

TEST_CASE("gd: with strong Wolfe steps reaches Booth's minimum (1, 3) and Himmelblau's (3, 2)") {
  // Literature minima: Booth f(1, 3) = 0; Himmelblau (1972) f(3, 2) = 0.
  const Quadratic booth(Mat{{10.0, 8.0}, {8.0, 10.0}}, Vec{{34.0, 38.0}});  // ½xᵀAx − bᵀx + 74
  const Trajectory b =
      run("gd", {{"lr", "1"}, {"line_search", "wolfe"}}, booth, Vec::Zero(2), 2000, 1e-8);
  CHECK(b.status == RunStatus::Converged);
  CHECK(last_point(b)[0] == doctest::Approx(1.0));
  CHECK(last_point(b)[1] == doctest::Approx(3.0));
  const FormulaObjective himmelblau(Expr::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"));
  const Trajectory h =
      run("gd", {{"lr", "1"}, {"line_search", "wolfe"}}, himmelblau, Vec{{2.0, 1.0}}, 2000, 1e-8);
  CHECK(h.status == RunStatus::Converged);
  CHECK(last_point(h)[0] == doctest::Approx(3.0));
  CHECK(last_point(h)[1] == doctest::Approx(2.0));
}
