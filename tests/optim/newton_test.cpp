// Newton, damped and saddle-free Newton: steps computed by hand on quadratics, the classroom
// failure case (Newton is attracted to a saddle, saddle-free Newton escapes; Dauphin et al. 2014,
// §4), and truncated-CG Newton on an objective that has only Hessian-vector products.
#include <cmath>

#include "common/errors.hpp"
#include "second_order_support.hpp"

using namespace lv;
using namespace lv::test;

TEST_CASE("newton: one step reaches the minimizer of a quadratic exactly") {
  const Quadratic q = quadratic_4d();
  const Trajectory t = run("newton", {}, q, Vec{{3.0, -1.0, 2.0, 5.0}}, 5);
  REQUIRE(t.size() >= 2);
  CHECK((Vec(t.x(1)) - q.minimizer()).norm() < 1e-12);
  CHECK(t.status == RunStatus::Converged);
  CHECK(t.size() == 2);  // converged right after the first step
}

TEST_CASE("damped_newton: x ← x − (H + λI)⁻¹∇f computed by hand") {
  // f = ½(x² + 10y²) at (1, 1), λ = 1: step = −(1/(1+1), 10/(10+1)) → (0.5, 1/11).
  const Quadratic bowl(Mat{{1.0, 0.0}, {0.0, 10.0}}, Vec::Zero(2));
  const Trajectory t = run("damped_newton", {{"damping", "1"}}, bowl, Vec{{1.0, 1.0}}, 1);
  CHECK(t.x(1)[0] == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(t.x(1)[1] == doctest::Approx(1.0 / 11.0).epsilon(1e-15));
  // Defaults: lr = 1, damping 1 for damped_newton and 0 for newton.
  CHECK(make_optimizer("damped_newton")->hyperparameters().get("damping") == 1.0);
  CHECK(make_optimizer("newton")->hyperparameters().get("damping") == 0.0);
  CHECK(make_optimizer("newton")->hyperparameters().get("lr") == 1.0);
}

TEST_CASE("newton: jumps onto the saddle of x² − y²; saddle-free Newton moves away from it") {
  const Quadratic saddle(Mat{{2.0, 0.0}, {0.0, -2.0}}, Vec::Zero(2));
  const Vec start{{0.3, 0.2}};
  const Trajectory newton = run("newton", {}, saddle, start, 10);
  // The saddle is the only critical point of the quadratic model: Newton lands on it in one step.
  CHECK(Vec(newton.x(1)).norm() < 1e-15);
  CHECK(newton.status == RunStatus::Converged);

  // |H| = 2I: the step −∇f/2 sends x to 0 and doubles y (y − (−2y)/2 = 2y).
  const Trajectory free = run("newton", {{"saddle_free", "true"}}, saddle, start, 3);
  CHECK(free.x(1)[0] == doctest::Approx(0.0));
  CHECK(free.x(1)[1] == doctest::Approx(0.4));
  CHECK(free.x(3)[1] == doctest::Approx(1.6));
  CHECK(free.loss[3] < free.loss[0]);
}

TEST_CASE("newton: converges to the saddle of x² + y⁴/4 − y²/2; saddle-free reaches a minimum") {
  // Critical points: saddle (0, 0) and minima (0, ±1) with f = −1/4 (solve y³ − y = 0).
  struct DoubleWell final : Objective {
    int dim() const override { return 2; }
    double value(const Vec& p) const override {
      return p[0] * p[0] + std::pow(p[1], 4) / 4 - p[1] * p[1] / 2;
    }
    double value_gradient(const Vec& p, Vec& g) const override {
      g.resize(2);
      g[0] = 2 * p[0];
      g[1] = p[1] * p[1] * p[1] - p[1];
      return value(p);
    }
    Mat hessian(const Vec& p) const override { return Mat{{2.0, 0.0}, {0.0, 3 * p[1] * p[1] - 1}}; }
  } well;
  const Vec start{{0.5, 0.1}};
  const Trajectory newton = run("newton", {}, well, start, 50);
  CHECK(newton.status == RunStatus::Converged);
  CHECK(last_point(newton).norm() < 1e-8);
  CHECK(newton.loss.back() == doctest::Approx(0.0));

  const Trajectory free = run("newton", {{"saddle_free", "true"}}, well, start, 50);
  CHECK(free.status == RunStatus::Converged);
  CHECK(last_point(free)[0] == doctest::Approx(0.0));
  CHECK(last_point(free)[1] == doctest::Approx(1.0));
  CHECK(free.loss.back() == doctest::Approx(-0.25));
}

TEST_CASE("newton: hessian=cg works from Hessian-vector products alone") {
  const Rosenbrock rosenbrock;
  const HvpOnly hvp_only(rosenbrock);
  const Trajectory t = run("newton", {{"hessian", "cg"}, {"line_search", "armijo"}}, hvp_only,
                           Vec{{-1.2, 1.0}}, 100);
  CHECK(t.status == RunStatus::Converged);
  CHECK(last_point(t)[0] == doctest::Approx(1.0));
  CHECK(last_point(t)[1] == doctest::Approx(1.0));
  // A dense-Hessian request on this objective would fail: the cg path never asked for one.
  const Quadratic q = quadratic_4d();
  const Trajectory quadratic = run("newton", {{"hessian", "cg"}}, HvpOnly(q), Vec::Zero(4), 30);
  CHECK(quadratic.status == RunStatus::Converged);
  CHECK((last_point(quadratic) - q.minimizer()).norm() < 1e-8);
}

TEST_CASE("newton: saddle_free with hessian=cg is rejected at reset") {
  auto newton = configured("newton", {{"saddle_free", "true"}, {"hessian", "cg"}});
  CHECK_THROWS_AS(newton->reset(Vec::Zero(2)), InputError);
}

TEST_CASE("newton: Rosenbrock from (−1.2, 1) reaches (1, 1) with Armijo backtracking") {
  // The classic start of Nocedal & Wright, Exercise 3.1; Newton converges quadratically near (1,
  // 1).
  const Trajectory t =
      run("newton", {{"line_search", "armijo"}}, Rosenbrock(), Vec{{-1.2, 1.0}}, 100);
  CHECK(t.status == RunStatus::Converged);
  CHECK(t.size() - 1 < 40);
  CHECK(last_point(t)[0] == doctest::Approx(1.0));
  CHECK(last_point(t)[1] == doctest::Approx(1.0));
}

TEST_CASE(
    "damped_newton: Marquardt's rule shrinks λ after a good step and grows it after a bad one") {
  // Rosenbrock from (−1.2, 1), starting from λ = 0: λ grows by 10 until f decreases, so every
  // accepted step decreases f, and the run still reaches (1, 1).
  const Rosenbrock rosenbrock;
  const Trajectory damped = run("damped_newton", {{"damping", "0"}, {"damping_factor", "10"}},
                                rosenbrock, Vec{{-1.2, 1.0}}, 200);
  CHECK(damped.status == RunStatus::Converged);
  for (int k = 1; k < damped.size(); ++k) CHECK(damped.loss[k] < damped.loss[k - 1]);
  CHECK(last_point(damped)[0] == doctest::Approx(1.0));
  CHECK(last_point(damped)[1] == doctest::Approx(1.0));
  // Each trial costs one counted evaluation on top of the runner's one per step; more than two per
  // step means some λ were rejected (and grown).
  CHECK(damped.function_evaluations.back() > 2 * (damped.size() - 1));
}

TEST_CASE("damped_newton: adaptive damping together with a line search is rejected") {
  auto damped = configured("damped_newton", {{"line_search", "armijo"}});
  CHECK_THROWS_AS(damped->reset(Vec::Zero(2)), InputError);
  auto fixed = configured("damped_newton", {{"line_search", "armijo"}, {"damping_factor", "1"}});
  CHECK_NOTHROW(fixed->reset(Vec::Zero(2)));
}

TEST_CASE("newton: an objective without a dense Hessian takes the truncated-CG path by itself") {
  const Quadratic q = quadratic_4d();
  const HvpOnly hvp_only(q);
  const Trajectory t = run("newton", {}, hvp_only, Vec::Zero(4), 30);  // hessian=dense (default)
  CHECK(t.status == RunStatus::Converged);
  CHECK((last_point(t) - q.minimizer()).norm() < 1e-8);
  CHECK_THROWS_AS(run("newton", {{"saddle_free", "true"}}, hvp_only, Vec::Zero(4), 3), InputError);
}
