// Every critical point a built-in lists is checked from first principles: the formula's value
// there equals the stored value, the gradient vanishes, and the Hessian's eigenvalues have the
// signs the kind claims (positive definite minimum, indefinite saddle). The one non-differentiable
// minimum (Ackley's cusp) is checked by comparing f on a small ring around it.
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "functions/test_function.hpp"

using lv::CriticalKind;
using lv::CriticalPoint;
using lv::Mat;
using lv::TestFunction;
using lv::Vec;

namespace {

Vec point(double x, double y) {
  return Vec{{x, y}};
}

struct Local {
  double value = 0.0;
  Vec gradient;
  Eigen::Vector2d eigenvalues;  // ascending
};

Local evaluate(const TestFunction& function, const CriticalPoint& critical) {
  Local local;
  Mat hessian;
  local.value = function.expr().value_gradient_hessian(point(critical.x, critical.y),
                                                       local.gradient, hessian);
  local.eigenvalues = Eigen::SelfAdjointEigenSolver<Mat>(hessian).eigenvalues();
  return local;
}

// The scale a zero gradient is measured against (ISSUE: |∇f| ≤ 1e-8·max(1, |f|)).
double gradient_tolerance(double value) {
  return 1e-8 * std::max(1.0, std::abs(value));
}

std::string label(const TestFunction& function, const CriticalPoint& critical) {
  return function.name + " at (" + std::to_string(critical.x) + ", " + std::to_string(critical.y) +
         ")";
}

}  // namespace

TEST_CASE("every listed critical point: stored value = f(point) and the gradient vanishes") {
  for (const TestFunction& function : lv::test_functions()) {
    for (const CriticalPoint& critical : function.critical_points) {
      CAPTURE(label(function, critical));
      const double value = function.expr().value(point(critical.x, critical.y));
      CHECK(value == doctest::Approx(critical.value).epsilon(1e-12).scale(1.0));
      if (!critical.differentiable) continue;
      const Local local = evaluate(function, critical);
      CHECK(local.gradient.norm() <= gradient_tolerance(local.value));
    }
  }
}

TEST_CASE("minima have a positive definite Hessian, saddles an indefinite one") {
  for (const TestFunction& function : lv::test_functions()) {
    for (const CriticalPoint& critical : function.critical_points) {
      if (!critical.differentiable || function.name == "monkey_saddle") continue;
      CAPTURE(label(function, critical));
      const Local local = evaluate(function, critical);
      CAPTURE(local.eigenvalues.transpose());
      // Relative to the largest curvature so that rounding in the Hessian cannot flip a sign.
      const double margin = 1e-9 * std::max(1.0, local.eigenvalues.cwiseAbs().maxCoeff());
      if (critical.kind == CriticalKind::Saddle) {
        CHECK(local.eigenvalues[0] < -margin);
        CHECK(local.eigenvalues[1] > margin);
      } else {
        CHECK(local.eigenvalues[0] > margin);
      }
    }
  }
}

TEST_CASE("global minima are the lowest of the listed points, and equal to each other") {
  for (const TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    double lowest_global = INFINITY, highest_global = -INFINITY, lowest_other = INFINITY;
    for (const CriticalPoint& critical : function.critical_points) {
      if (critical.kind == CriticalKind::GlobalMinimum) {
        lowest_global = std::min(lowest_global, critical.value);
        highest_global = std::max(highest_global, critical.value);
      } else {
        lowest_other = std::min(lowest_other, critical.value);
      }
    }
    // x² − y² and x³ − 3xy² are unbounded below: they have no minimum to list.
    if (!std::isfinite(lowest_global)) {
      CHECK((function.name == "saddle" || function.name == "monkey_saddle"));
      continue;
    }
    CHECK(highest_global - lowest_global <= 1e-12 * std::max(1.0, std::abs(lowest_global)));
    CHECK(lowest_global < lowest_other);
  }
}

TEST_CASE("the monkey saddle's origin is degenerate: zero gradient and Hessian, f of both signs") {
  const TestFunction& function = lv::find_test_function("monkey_saddle");
  REQUIRE(function.critical_points.size() == 1);
  const Local local = evaluate(function, function.critical_points[0]);
  CHECK(local.gradient.norm() == 0.0);
  CHECK(local.eigenvalues.cwiseAbs().maxCoeff() == 0.0);
  // f = x³ − 3xy² = r³ cos 3θ: on any circle it takes both signs, so the origin is no extremum.
  const lv::Expr expr = function.expr();
  for (const double radius : {1e-3, 1e-1}) {
    for (int k = 0; k < 6; ++k) {
      const double angle = k * std::numbers::pi / 3.0;  // cos 3θ = ±1 alternately
      const double value = expr.value(point(radius * std::cos(angle), radius * std::sin(angle)));
      CHECK(value == doctest::Approx((k % 2 == 0 ? 1.0 : -1.0) * radius * radius * radius));
    }
  }
}

TEST_CASE("Ackley's minimum is a cusp: f(0, 0) = 0 and f is larger all around a small ring") {
  const TestFunction& function = lv::find_test_function("ackley");
  const auto cusp = std::find_if(function.critical_points.begin(), function.critical_points.end(),
                                 [](const CriticalPoint& c) { return !c.differentiable; });
  REQUIRE(cusp != function.critical_points.end());
  CHECK(cusp->x == 0.0);
  CHECK(cusp->y == 0.0);
  const lv::Expr expr = function.expr();
  // −20 e⁰ − e¹ + e + 20 = 0 exactly; the subtraction leaves only rounding error.
  CHECK(std::abs(expr.value(point(0.0, 0.0))) < 1e-14);
  for (const double radius : {1e-6, 1e-3, 1e-1}) {
    for (int k = 0; k < 64; ++k) {
      const double angle = 2.0 * std::numbers::pi * k / 64.0;
      CAPTURE(radius);
      CHECK(expr.value(point(radius * std::cos(angle), radius * std::sin(angle))) > 1e-14);
    }
  }
  // A cone, not a bowl: near 0, f ≈ 20·0.2·r/√2 = 2√2·r grows linearly (first-order Taylor of
  // the exp(−0.2·r/√2) term; the cosine term is O(r²)).
  const double radius = 1e-6;
  CHECK(expr.value(point(radius, 0.0)) / radius ==
        doctest::Approx(2.0 * std::numbers::sqrt2).epsilon(1e-4));
}
