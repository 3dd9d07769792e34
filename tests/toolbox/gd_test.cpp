// Gradient descent: the fixed step x ← x − lr·∇f by hand, and the classroom failure: on
// f = ½(x² + 10y²) GD is stable only for lr < 2/L = 0.2 (L = 10 the largest curvature; Nocedal &
// Wright §3.3); beyond it |1 − 10·lr| > 1 and the run is reported as diverged, not drawn as
// garbage.
#include "toolbox_support.hpp"

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
