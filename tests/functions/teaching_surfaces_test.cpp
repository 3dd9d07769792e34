// The three surfaces designed for teaching must show what their descriptions promise. Checked with
// plain gradient descent written out here (x ← x − lr ∇f(x)), independent of the optimizer code.
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "functions/test_function.hpp"

using lv::Vec;

namespace {

Vec gradient_descent(const lv::Expr& expr, Vec x, double learning_rate, int steps) {
  Vec gradient;
  for (int step = 0; step < steps; ++step) {
    expr.value_gradient(x, gradient);
    x -= learning_rate * gradient;
  }
  return x;
}

double gradient_norm(const lv::Expr& expr, const Vec& x) {
  Vec gradient;
  expr.value_gradient(x, gradient);
  return gradient.norm();
}

Eigen::Vector2d hessian_eigenvalues(const lv::Expr& expr, const lv::CriticalPoint& point) {
  Vec gradient;
  lv::Mat hessian;
  expr.value_gradient_hessian(Vec{{point.x, point.y}}, gradient, hessian);
  return Eigen::SelfAdjointEigenSolver<lv::Mat>(hessian).eigenvalues();
}

}  // namespace

TEST_CASE("plateau: out on the plateau gradient descent stalls, near the well it converges") {
  const lv::Expr expr = lv::find_test_function("plateau").expr();
  // f = tanh(r²) (width 1): |∇f| = 2r sech²(r²) ≈ 8r e^{−2r²}, about 5e-8 at r² = 10.25.
  const Vec far{{2.5, 2.0}};
  CHECK(gradient_norm(expr, far) < 1e-6);
  CHECK((gradient_descent(expr, far, 0.1, 1000) - far).norm() < 1e-4);
  const Vec near{{1.2, 0.9}};
  CHECK(gradient_norm(expr, near) > 0.1);
  CHECK(gradient_descent(expr, near, 0.1, 1000).norm() < 1e-8);
  // Hessian at the bottom: d²/dr² tanh(r²/w²) at 0 = 2/w², so 2·I for width 1.
  const Eigen::Vector2d curvature =
      hessian_eigenvalues(expr, lv::find_test_function("plateau").critical_points[0]);
  CHECK(curvature[0] == doctest::Approx(2.0));
  CHECK(curvature[1] == doctest::Approx(2.0));
}

TEST_CASE("sharp_flat: equal depths, curvatures ≈ 1/width², and a large lr cannot stay sharp") {
  const lv::TestFunction& function = lv::find_test_function("sharp_flat");
  const lv::Expr expr = function.expr();
  const lv::CriticalPoint& sharp = function.critical_points[0];
  const lv::CriticalPoint& flat = function.critical_points[1];
  CHECK(sharp.x < 0.0);
  CHECK(flat.x > 0.0);
  CHECK(std::abs(sharp.value - flat.value) < 1e-3);
  // A Gaussian well −exp(−r²/2w²) has curvature 1/w² at its centre; the bowl adds 0.04 and the
  // other well's tail a little: 1/0.15² = 44.4, 1/0.9² = 1.23.
  const Eigen::Vector2d sharp_curvature = hessian_eigenvalues(expr, sharp);
  const Eigen::Vector2d flat_curvature = hessian_eigenvalues(expr, flat);
  CHECK(sharp_curvature[0] == doctest::Approx(1.0 / (0.15 * 0.15)).epsilon(0.02));
  CHECK(flat_curvature[1] == doctest::Approx(1.0 / (0.9 * 0.9)).epsilon(0.05));
  CHECK(sharp_curvature[0] > 30.0 * flat_curvature[1]);

  // Stable steps need lr < 2/λ_max = 0.045 in the sharp well (the classic quadratic bound).
  const Vec start{{-1.4, 0.6}};
  const Vec small_steps = gradient_descent(expr, start, 0.03, 2000);
  CHECK((small_steps - Vec{{sharp.x, sharp.y}}).norm() < 1e-8);
  CHECK(gradient_norm(expr, gradient_descent(expr, start, 0.06, 2000)) > 1e-2);
  const Vec large_steps = gradient_descent(expr, start, 0.3, 2000);
  CHECK((large_steps - Vec{{flat.x, flat.y}}).norm() < 1e-6);
}

TEST_CASE("noisy_bowl: a small lr stops in a ripple, a larger one skips the ripples") {
  const lv::Expr expr = lv::find_test_function("noisy_bowl").expr();
  const Vec start{{1.5, 1.2}};
  // lr 0.01 < 2/(amplitude·frequency²) = 0.1 resolves every ripple: it converges to a local
  // minimum well above the global value 0.
  const Vec trapped = gradient_descent(expr, start, 0.01, 3000);
  CHECK(gradient_norm(expr, trapped) < 1e-8);
  CHECK(expr.value(trapped) > 0.1);
  // lr 0.3 overshoots the ripples but still contracts along the bowl (curvature 1 < 2/0.3): it
  // keeps moving, but near the bottom.
  Vec x = gradient_descent(expr, start, 0.3, 2000);
  double mean_value = 0.0;
  for (int step = 0; step < 1000; ++step) {
    x = gradient_descent(expr, x, 0.3, 1);
    mean_value += expr.value(x) / 1000.0;
  }
  CHECK(mean_value < 0.5 * expr.value(trapped));
}
