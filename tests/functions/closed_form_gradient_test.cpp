// Gradients of a few built-ins written out by hand (chain rule on the published formulas) and
// compared with the forward-mode AD of value_gradient at scattered points.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <random>

#include "functions/test_function.hpp"

using lv::Vec;

namespace {

using HandGradient = std::function<Vec(double, double)>;

void check_gradient(const std::string& name, const HandGradient& hand) {
  const lv::TestFunction& function = lv::find_test_function(name);
  const lv::Expr expr = function.expr();
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> along_x(function.view.x_min, function.view.x_max);
  std::uniform_real_distribution<double> along_y(function.view.y_min, function.view.y_max);
  for (int sample = 0; sample < 50; ++sample) {
    const double x = along_x(generator), y = along_y(generator);
    CAPTURE(name);
    CAPTURE(x);
    CAPTURE(y);
    Vec gradient;
    expr.value_gradient(Vec{{x, y}}, gradient);
    const Vec expected = hand(x, y);
    CHECK(gradient[0] == doctest::Approx(expected[0]).epsilon(1e-12).scale(1.0));
    CHECK(gradient[1] == doctest::Approx(expected[1]).epsilon(1e-12).scale(1.0));
  }
}

}  // namespace

TEST_CASE("Himmelblau: ∇f = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7))") {
  check_gradient("himmelblau", [](double x, double y) {
    const double a = x * x + y - 11.0, b = x + y * y - 7.0;
    return Vec{{4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b}};
  });
}

TEST_CASE("Booth: ∇f = (10x + 8y − 34, 8x + 10y − 38)") {
  check_gradient("booth", [](double x, double y) {
    return Vec{{10.0 * x + 8.0 * y - 34.0, 8.0 * x + 10.0 * y - 38.0}};
  });
}

TEST_CASE("Booth's Hessian is the constant [[10, 8], [8, 10]]") {
  Vec gradient;
  lv::Mat hessian;
  lv::find_test_function("booth").expr().value_gradient_hessian(Vec{{-3.0, 7.5}}, gradient,
                                                                hessian);
  CHECK(hessian(0, 0) == 10.0);
  CHECK(hessian(0, 1) == 8.0);
  CHECK(hessian(1, 0) == 8.0);
  CHECK(hessian(1, 1) == 10.0);
}

TEST_CASE("Beale: ∇f = Σ 2rᵢ ∇rᵢ with rᵢ = cᵢ − x + x yⁱ") {
  check_gradient("beale", [](double x, double y) {
    const double c[3] = {1.5, 2.25, 2.625};
    double dx = 0.0, dy = 0.0;
    for (int i = 1; i <= 3; ++i) {
      const double residual = c[i - 1] - x + x * std::pow(y, i);
      dx += 2.0 * residual * (std::pow(y, i) - 1.0);
      dy += 2.0 * residual * x * i * std::pow(y, i - 1);
    }
    return Vec{{dx, dy}};
  });
}

TEST_CASE("McCormick: ∇f = (cos(x + y) + 2(x − y) − 1.5, cos(x + y) − 2(x − y) + 2.5)") {
  check_gradient("mccormick", [](double x, double y) {
    const double c = std::cos(x + y);
    return Vec{{c + 2.0 * (x - y) - 1.5, c - 2.0 * (x - y) + 2.5}};
  });
}

TEST_CASE("Rastrigin (A = 10): ∂f/∂x = 2x + 2πA sin 2πx") {
  check_gradient("rastrigin", [](double x, double y) {
    const double two_pi = 2.0 * std::numbers::pi;
    return Vec{{2.0 * x + two_pi * 10.0 * std::sin(two_pi * x),
                2.0 * y + two_pi * 10.0 * std::sin(two_pi * y)}};
  });
}

TEST_CASE("Ravine (κ = 20, 30°): ∇f = Rᵀ diag(1, κ) R p") {
  check_gradient("ravine", [](double x, double y) {
    const double c = std::cos(std::numbers::pi / 6.0), s = std::sin(std::numbers::pi / 6.0),
                 kappa = 20.0;
    const double u = c * x + s * y, v = -s * x + c * y;
    return Vec{{c * u - s * kappa * v, s * u + c * kappa * v}};
  });
}
