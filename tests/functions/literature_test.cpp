// The critical points as the literature prints them (rounded or truncated to a few digits), kept
// here as an independent table: each must match a stored point to the printed digits, and f at the
// stored point must equal the printed value to its printed precision. Where the sources give a
// closed form (McCormick, Styblinski-Tang, Goldstein-Price, Beale's saddle) it is checked exactly.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "functions/test_function.hpp"

using lv::CriticalPoint;
using lv::TestFunction;
using lv::Vec;

namespace {

struct Printed {
  std::string function;
  double x, y;
  int coordinate_digits;  // decimals printed for x and y
  double value;
  int value_digits;  // decimals printed for f
};

// Sources: JY = Jamil & Yang (2013), "A literature survey of benchmark functions for global
// optimization problems", IJMMNO 4(2):150-194; VLSE = Surjanovic & Bingham, Virtual Library of
// Simulation Experiments (sfu.ca/~ssurjano); the original papers named in each row.
const std::vector<Printed> kPrinted = {
    {"quadratic", 0, 0, 0, 0, 0},                              // ½(x² + κy²) ≥ 0
    {"ravine", 0, 0, 0, 0, 0},                                 // a rotated ½(u² + κv²) ≥ 0
    {"rosenbrock", 1, 1, 0, 0, 0},                             // Rosenbrock (1960): f(a, a²) = 0
    {"himmelblau", 3.0, 2.0, 1, 0, 0},                         // Himmelblau (1972); JY
    {"himmelblau", -2.805118, 3.131312, 6, 0, 0},              // JY
    {"himmelblau", -3.779310, -3.283186, 6, 0, 0},             // JY
    {"himmelblau", 3.584428, -1.848126, 6, 0, 0},              // JY
    {"beale", 3, 0.5, 1, 0, 0},                                // JY; VLSE
    {"booth", 1, 3, 0, 0, 0},                                  // JY; VLSE
    {"matyas", 0, 0, 0, 0, 0},                                 // JY; VLSE
    {"three_hump_camel", 0, 0, 0, 0, 0},                       // JY; VLSE
    {"six_hump_camel", 0.0898, -0.7126, 4, -1.0316, 4},        // Dixon & Szegö (1978); VLSE
    {"six_hump_camel", -0.0898, 0.7126, 4, -1.0316, 4},        // Dixon & Szegö (1978); VLSE
    {"goldstein_price", 0, -1, 0, 3, 0},                       // Goldstein & Price (1971); JY
    {"goldstein_price", -0.6, -0.4, 1, 30, 0},                 // exact, by hand (last test case)
    {"goldstein_price", 1.8, 0.2, 1, 84, 0},                   // exact, by hand (last test case)
    {"goldstein_price", 1.2, 0.8, 1, 840, 0},                  // exact, by hand (last test case)
    {"rastrigin", 0, 0, 0, 0, 0},                              // JY; VLSE
    {"ackley", 0, 0, 0, 0, 0},                                 // Ackley (1987); JY; VLSE
    {"levi13", 1, 1, 0, 0, 0},                                 // VLSE (Levy N. 13)
    {"styblinski_tang", -2.903534, -2.903534, 6, -78.332, 3},  // VLSE location; value see below
    {"mccormick", -0.54719, -1.54719, 5, -1.9133, 4},          // JY; VLSE
    {"easom", std::numbers::pi, std::numbers::pi, 15, -1, 0},  // Easom (1990); JY; VLSE
    {"saddle", 0, 0, 0, 0, 0},                                 // ∇(x² − y²) = (2x, −2y)
    {"monkey_saddle", 0, 0, 0, 0, 0},  // ∇(x³ − 3xy²) = (3x² − 3y², −6xy)
};

// One unit in the last printed digit: sources round or truncate, so either is accepted.
double last_digit(int digits) {
  return std::pow(10.0, -digits);
}

const CriticalPoint* stored_near(const TestFunction& function, double x, double y,
                                 double tolerance) {
  for (const CriticalPoint& critical : function.critical_points) {
    if (std::abs(critical.x - x) <= tolerance && std::abs(critical.y - y) <= tolerance) {
      return &critical;
    }
  }
  return nullptr;
}

double value_at(const std::string& name, double x, double y) {
  return lv::find_test_function(name).expr().value(Vec{{x, y}});
}

}  // namespace

TEST_CASE("printed literature points match stored full-precision points and values") {
  for (const Printed& printed : kPrinted) {
    CAPTURE(printed.function);
    CAPTURE(printed.x);
    CAPTURE(printed.y);
    const TestFunction& function = lv::find_test_function(printed.function);
    const CriticalPoint* stored =
        stored_near(function, printed.x, printed.y, last_digit(printed.coordinate_digits) + 1e-15);
    REQUIRE(stored != nullptr);
    CHECK(std::abs(value_at(printed.function, stored->x, stored->y) - printed.value) <=
          last_digit(printed.value_digits) + 1e-12);
  }
}

TEST_CASE("every global minimum of a literature function appears in the printed table") {
  for (const TestFunction& function : lv::test_functions()) {
    const bool designed = function.reference.find("designed for lossviz") != std::string::npos;
    if (designed) continue;
    for (const CriticalPoint& critical : function.critical_points) {
      if (critical.kind != lv::CriticalKind::GlobalMinimum) continue;
      CAPTURE(function.name);
      bool printed = false;
      for (const Printed& row : kPrinted) {
        printed |= row.function == function.name &&
                   std::abs(row.x - critical.x) <= last_digit(row.coordinate_digits) + 1e-15 &&
                   std::abs(row.y - critical.y) <= last_digit(row.coordinate_digits) + 1e-15;
      }
      CHECK(printed);
    }
  }
}

TEST_CASE("McCormick's critical points in closed form: v = x − y = 1, cos(x + y) = −1/2") {
  // f = sin u + u/2 + (v − 1)² with u = x + y, v = x − y (substitute x = (u + v)/2, y = (u − v)/2).
  const double pi = std::numbers::pi, half_sqrt3 = std::sqrt(3.0) / 2.0;
  struct Exact {
    double u, value;
  };
  for (const Exact& exact :
       {Exact{-2 * pi / 3, -half_sqrt3 - pi / 3}, Exact{4 * pi / 3, 2 * pi / 3 - half_sqrt3},
        Exact{2 * pi / 3, half_sqrt3 + pi / 3}}) {
    const double x = (exact.u + 1.0) / 2.0, y = (exact.u - 1.0) / 2.0;
    CAPTURE(exact.u);
    const CriticalPoint* stored = stored_near(lv::find_test_function("mccormick"), x, y, 1e-14);
    REQUIRE(stored != nullptr);
    CHECK(stored->value == doctest::Approx(exact.value).epsilon(1e-14));
  }
}

TEST_CASE("Styblinski-Tang: coordinates are the roots of 4t³ − 32t + 5 (trigonometric formula)") {
  // Depressed cubic t³ + pt + q = 0 with p = −8, q = 5/4 has three real roots
  // t_k = 2√(−p/3) cos(⅓ arccos((3q/2p)√(−3/p)) − 2πk/3), k = 0, 1, 2.
  const double p = -8.0, q = 1.25;
  const double amplitude = 2.0 * std::sqrt(-p / 3.0);
  const double phase = std::acos(3.0 * q / (2.0 * p) * std::sqrt(-3.0 / p)) / 3.0;
  std::vector<double> roots;
  for (int k = 0; k < 3; ++k)
    roots.push_back(amplitude * std::cos(phase - 2.0 * std::numbers::pi * k / 3.0));
  std::sort(roots.begin(), roots.end());  // minimum, maximum, minimum of the 1-D quartic
  auto one_d = [](double t) { return 0.5 * (t * t * t * t - 16.0 * t * t + 5.0 * t); };
  const TestFunction& function = lv::find_test_function("styblinski_tang");
  int matched = 0;
  for (const double x : roots) {
    for (const double y : roots) {
      if (x == roots[1] && y == roots[1]) continue;  // the maximum is not listed
      const CriticalPoint* stored = stored_near(function, x, y, 1e-13);
      CAPTURE(x);
      CAPTURE(y);
      REQUIRE(stored != nullptr);
      CHECK(stored->value == doctest::Approx(one_d(x) + one_d(y)).epsilon(1e-14));
      ++matched;
    }
  }
  CHECK(matched == 8);
  // VLSE prints −39.16599 per coordinate; the exact minimum is −39.166166: 1.7e-4 lower.
  CHECK(one_d(roots[0]) == doctest::Approx(-39.166166).epsilon(1e-8));
}

TEST_CASE("Goldstein-Price and Beale: critical values that follow from the formula by hand") {
  // Goldstein-Price at (−0.6, −0.4): x + y + 1 = 0 and 2x − 3y = 0, f = 1 · 30 = 30. At (1.8, 0.2):
  // x + y + 1 = 3 with cofactor 3 → 1 + 9·3 = 28; 2x − 3y = 3 with cofactor −3 → 30 − 27 = 3;
  // f = 84. At (1.2, 0.8): 28 · 30 = 840.
  CHECK(value_at("goldstein_price", -0.6, -0.4) == doctest::Approx(30.0).epsilon(1e-13));
  CHECK(value_at("goldstein_price", 1.8, 0.2) == doctest::Approx(84.0).epsilon(1e-13));
  CHECK(value_at("goldstein_price", 1.2, 0.8) == doctest::Approx(840.0).epsilon(1e-13));
  // Beale at (0, 1): residuals 1.5, 2.25, 2.625, f = 14.203125; every term of ∂f/∂y carries a
  // factor x, so the point is critical with f_yy = 0 and f_xy ≠ 0 — a saddle.
  const CriticalPoint* saddle = stored_near(lv::find_test_function("beale"), 0.0, 1.0, 0.0);
  REQUIRE(saddle != nullptr);
  CHECK(saddle->kind == lv::CriticalKind::Saddle);
  CHECK(saddle->value == 14.203125);
}
