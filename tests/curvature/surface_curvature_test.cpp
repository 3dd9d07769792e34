// Curvature of 2D surfaces as the app shows it: the closed-form 2×2 eigen decomposition against
// hand-derived Hessians (x² + 4y²: λ = 2, 8; Rosenbrock at its minimum (1, 1): [[802, −400],
// [−400, 200]]) and Eigen's solver; the per-step curvature of a run with its stability limit and
// crossings (λ of a quadratic known in closed form); and the local quadratic model's level sets,
// whose points must satisfy gᵀd + ½dᵀHd = level.
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <random>

#include "curvature/hessian_eigen.hpp"
#include "curvature/quadratic_model.hpp"
#include "curvature/trajectory_curvature.hpp"
#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"
#include "schedule/schedule.hpp"

using namespace lv;

namespace {

// |Hv − λv| for both pairs, and the vectors orthonormal.
void check_eigenpairs(const Mat& hessian, const HessianEigen2& eigen) {
  const double scale = 1.0 + hessian.norm();
  CHECK((hessian * eigen.v_min - eigen.lambda_min * eigen.v_min).norm() < 1e-12 * scale);
  CHECK((hessian * eigen.v_max - eigen.lambda_max * eigen.v_max).norm() < 1e-12 * scale);
  CHECK(eigen.v_min.norm() == doctest::Approx(1.0));
  CHECK(eigen.v_max.norm() == doctest::Approx(1.0));
  CHECK(std::abs(eigen.v_min.dot(eigen.v_max)) < 1e-14);
  CHECK(eigen.lambda_min <= eigen.lambda_max);
}

Mat hessian_of(const char* formula, double x, double y) {
  const Expr expr = Expr::parse(formula);
  Vec point(2), gradient(2);
  point << x, y;
  Mat hessian(2, 2);
  expr.value_gradient_hessian(point, gradient, hessian);
  return hessian;
}

double model(const Vec& g, const Mat& h, const Vec& d) {
  return g.dot(d) + 0.5 * d.dot(h * d);
}

}  // namespace

TEST_CASE("2x2 eigen: f = x² + 4y² has λ = 2 along x and 8 along y (closed form)") {
  const Mat hessian = hessian_of("x^2 + 4*y^2", 0.3, -0.7);
  const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
  CHECK(eigen.lambda_min == doctest::Approx(2.0));
  CHECK(eigen.lambda_max == doctest::Approx(8.0));
  CHECK(std::abs(eigen.v_min[0]) == doctest::Approx(1.0));
  CHECK(std::abs(eigen.v_max[1]) == doctest::Approx(1.0));
  check_eigenpairs(hessian, eigen);
  CHECK(condition_number(eigen.lambda_min, eigen.lambda_max) == doctest::Approx(4.0));
}

TEST_CASE("2x2 eigen: Rosenbrock at (1, 1) has H = [[802, −400], [−400, 200]]") {
  // ∂²/∂x² = 2 − 400(y − x²) + 800x² = 802, ∂²/∂x∂y = −400x = −400, ∂²/∂y² = 200.
  const Mat hessian = hessian_of("(1 - x)^2 + 100*(y - x^2)^2", 1.0, 1.0);
  CHECK(hessian(0, 0) == doctest::Approx(802.0));
  CHECK(hessian(0, 1) == doctest::Approx(-400.0));
  CHECK(hessian(1, 1) == doctest::Approx(200.0));
  const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
  // λ = 501 ± √(301² + 400²): trace 1002, determinant 802·200 − 400² = 400.
  const double radius = std::sqrt(301.0 * 301.0 + 400.0 * 400.0);
  CHECK(eigen.lambda_max == doctest::Approx(501.0 + radius));
  CHECK(eigen.lambda_min == doctest::Approx(501.0 - radius));
  CHECK(eigen.lambda_min * eigen.lambda_max == doctest::Approx(400.0));
  check_eigenpairs(hessian, eigen);
  CHECK(condition_number(eigen.lambda_min, eigen.lambda_max) ==
        doctest::Approx((501.0 + radius) / (501.0 - radius)));
}

TEST_CASE(
    "2x2 eigen agrees with Eigen's self-adjoint solver on random, diagonal and saddle cases") {
  std::mt19937_64 generator(7);
  std::normal_distribution<double> normal(0.0, 10.0);
  std::vector<Mat> cases = {Mat{{3.0, 0.0}, {0.0, 3.0}}, Mat{{-1.0, 0.0}, {0.0, 5.0}},
                            Mat{{2.0, 0.0}, {0.0, -2.0}}, Mat{{0.0, 1.0}, {1.0, 0.0}},
                            Mat::Zero(2, 2)};
  for (int i = 0; i < 200; ++i) {
    const double a = normal(generator), b = normal(generator), c = normal(generator);
    cases.push_back(Mat{{a, b}, {b, c}});
  }
  for (const Mat& hessian : cases) {
    CAPTURE(hessian);
    const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
    const Eigen::SelfAdjointEigenSolver<Mat> solver(hessian);
    CHECK(eigen.lambda_min == doctest::Approx(solver.eigenvalues()[0]));
    CHECK(eigen.lambda_max == doctest::Approx(solver.eigenvalues()[1]));
    check_eigenpairs(hessian, eigen);
  }
  CHECK(condition_number(-5.0, 1.0) == doctest::Approx(5.0));  // a saddle: max|λ| / min|λ|
  CHECK(std::isinf(condition_number(0.0, 3.0)));
  CHECK(std::isnan(condition_number(0.0, 0.0)));
}

TEST_CASE("curvature along a run: λ, κ and the stability limit per step, crossings marked") {
  const FormulaObjective bowl(Expr::parse("0.5*x^2 + 5*y^2"));  // λ = 1, 10 everywhere
  RunSettings settings;
  settings.max_steps = 20;
  settings.gradient_tolerance = 0.0;
  Vec start(2);
  start << 1.0, 1.0;
  std::unique_ptr<Optimizer> sgd = make_optimizer("sgd");
  sgd->set_hyperparameter("lr", 0.15);  // limit 2/0.15 = 13.3 > 10: stable, no crossing
  const Trajectory stable = run_optimizer(bowl, *sgd, nullptr, start, settings);
  const CurvatureTrack track = trajectory_curvature(bowl, stable, sgd.get());
  REQUIRE(track.size() == stable.size());
  REQUIRE(track.has_limit());
  for (int row = 0; row < track.size(); ++row) {
    const size_t i = static_cast<size_t>(row);
    CHECK(track.lambda_min[i] == doctest::Approx(1.0));
    CHECK(track.lambda_max[i] == doctest::Approx(10.0));
    CHECK(track.condition[i] == doctest::Approx(10.0));
    CHECK(track.stability_limit[i] == doctest::Approx(2.0 / 0.15));
  }
  CHECK(track.crossings.empty());

  sgd->set_hyperparameter("lr", 0.25);  // limit 8 < 10: above it from the start
  const Trajectory unstable = run_optimizer(bowl, *sgd, nullptr, start, settings);
  const CurvatureTrack above = trajectory_curvature(bowl, unstable, sgd.get());
  CHECK(above.stability_limit.front() == doctest::Approx(8.0));
  REQUIRE(above.crossings.size() == 1);
  CHECK(above.crossings.front() == 0);

  // A schedule that raises the lr crosses the limit where 2/lr falls below 10 (lr > 0.2).
  std::unique_ptr<Schedule> warmup = make_schedule("linear");
  warmup->hyperparameters().set("start_factor", 0.5);  // lr 0.15 → 0.3 over 5 steps
  warmup->hyperparameters().set("end_factor", 1.0);
  warmup->hyperparameters().set("total_iters", 5);
  sgd->set_hyperparameter("lr", 0.3);
  const Trajectory warming = run_optimizer(bowl, *sgd, warmup.get(), start, settings);
  const CurvatureTrack warm = trajectory_curvature(bowl, warming, sgd.get());
  REQUIRE(warm.crossings.size() == 1);
  const int crossing = warm.crossings.front();
  CHECK(warm.stability_limit[static_cast<size_t>(crossing)] < 10.0);
  CHECK(warm.stability_limit[static_cast<size_t>(crossing - 1)] >= 10.0);

  // Adam has no fixed-step limit; no optimizer given: none either.
  std::unique_ptr<Optimizer> adam = make_optimizer("adam");
  CHECK_FALSE(trajectory_curvature(bowl, stable, adam.get()).has_limit());
  CHECK_FALSE(trajectory_curvature(bowl, stable, nullptr).has_limit());
}

TEST_CASE("quadratic model level sets satisfy gᵀd + ½dᵀHd = level (ellipse, hyperbola, lines)") {
  struct Case {
    const char* what;
    Mat hessian;
    Vec gradient;
    double level;
    size_t pieces;  // polylines expected (all inside the radius)
  };
  const std::vector<Case> cases = {
      {"ellipse through the point", Mat{{2.0, 0.5}, {0.5, 8.0}}, Vec{{1.0, -0.5}}, 0.0, 1},
      {"ellipse at a minimum (g = 0)", Mat{{2.0, 0.0}, {0.0, 8.0}}, Vec{{0.0, 0.0}}, 0.3, 1},
      {"concave ellipse", Mat{{-3.0, 0.0}, {0.0, -1.0}}, Vec{{0.2, 0.1}}, -0.1, 1},
      {"hyperbola", Mat{{2.0, 0.0}, {0.0, -1.0}}, Vec{{0.0, 0.0}}, 0.5, 2},
      {"hyperbola, other sign", Mat{{2.0, 0.0}, {0.0, -1.0}}, Vec{{0.0, 0.0}}, -0.5, 2},
      {"asymptotes (saddle point)", Mat{{2.0, 0.0}, {0.0, -2.0}}, Vec{{0.0, 0.0}}, 0.0, 2},
      {"parabola (zero curvature)", Mat{{0.0, 0.0}, {0.0, 4.0}}, Vec{{1.0, 0.0}}, 0.0, 1},
      {"parallel lines (cylinder, g ⟂ flat axis)", Mat{{0.0, 0.0}, {0.0, 4.0}}, Vec{{0.0, 0.0}},
       0.5, 2},
      {"a plane: one line", Mat::Zero(2, 2), Vec{{1.0, 1.0}}, 0.2, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const std::vector<Polyline2> curves =
        quadratic_model_level_set(c.gradient, c.hessian, c.level, 3.0);
    CHECK(curves.size() == c.pieces);
    for (const Polyline2& curve : curves) {
      CHECK(curve.size() >= 8);
      for (const Vec& d : curve) {
        CHECK(d.norm() <= 3.0 + 1e-9);
        // Points cut at the circle lie on a chord between two curve samples: looser there.
        const double tolerance = d.norm() > 3.0 - 1e-9 ? 0.05 : 1e-9;
        CHECK(model(c.gradient, c.hessian, d) == doctest::Approx(c.level).epsilon(tolerance));
      }
    }
  }
  // Level 0 of a positive definite model: an ellipse through the point around the Newton point.
  const Mat h{{2.0, 0.5}, {0.5, 8.0}};
  const Vec g{{1.0, -0.5}};
  const std::vector<Polyline2> ellipse = quadratic_model_level_set(g, h, 0.0, 10.0);
  REQUIRE(ellipse.size() == 1);
  Vec mean = Vec::Zero(2);
  double nearest = 1e9;
  for (size_t i = 0; i + 1 < ellipse[0].size(); ++i) {  // the last point repeats the first
    mean += ellipse[0][i];
    nearest = std::min(nearest, ellipse[0][i].norm());
  }
  mean /= static_cast<double>(ellipse[0].size() - 1);
  const Vec newton = -h.ldlt().solve(g);
  CHECK((mean - newton).norm() < 1e-9);
  CHECK(nearest < 0.02);
  // Empty: a convex model never goes below its minimum.
  CHECK(quadratic_model_level_set(Vec::Zero(2), h, -1.0, 10.0).empty());
}

TEST_CASE("quadratic model display level: through the point, or a minimum-size ellipse") {
  const Mat h{{2.0, 0.0}, {0.0, 8.0}};
  // Far from the minimum the ellipse through the point is large enough: level 0.
  CHECK(quadratic_model_display_level(Vec{{2.0, 0.0}}, h, 0.1) == 0.0);
  // At the minimum it would be a point: the level whose larger semi-axis (along x, λ = 2) is 0.5
  // is ½·2·0.5² = 0.25.
  const double level = quadratic_model_display_level(Vec::Zero(2), h, 0.5);
  CHECK(level == doctest::Approx(0.25));
  const std::vector<Polyline2> curves = quadratic_model_level_set(Vec::Zero(2), h, level, 10.0);
  REQUIRE(curves.size() == 1);
  double widest = 0.0;
  for (const Vec& d : curves[0]) widest = std::max(widest, std::abs(d[0]));
  CHECK(widest == doctest::Approx(0.5));
  // Indefinite: the set through the point (level 0) always reaches out.
  CHECK(quadratic_model_display_level(Vec::Zero(2), Mat{{2.0, 0.0}, {0.0, -1.0}}, 0.5) == 0.0);
}
