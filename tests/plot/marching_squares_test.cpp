// Marching squares against closed-form level sets: circles of x² + y², straight lines of x, and a
// hand-worked saddle cell.
#include <doctest/doctest.h>

#include <cmath>

#include "expr/expr.hpp"
#include "plot/marching_squares.hpp"

namespace {

lv::SampledGrid grid_of(const std::string& formula, double half_width, int n) {
  return lv::sample_formula(lv::Expr::parse(formula), -half_width, half_width, -half_width,
                            half_width, n, n);
}

}  // namespace

TEST_CASE("contours of x^2 + y^2 are closed circles of radius sqrt(level)") {
  // h = 4/100 = 0.04. Along a cell edge f is quadratic with f'' = 2, so linear interpolation errs
  // by at most h²/4 in f, i.e. h²/(8r) ≈ 2e-4/r in radius; 5e-4 leaves room.
  const lv::SampledGrid grid = grid_of("x^2 + y^2", 2.0, 101);
  for (double radius : {0.5, 1.0, 1.5, 1.9}) {
    const auto lines = lv::contour_lines(grid, radius * radius);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].closed);
    CHECK(lines[0].points.size() > 20);
    for (const auto& [x, y] : lines[0].points)
      CHECK(std::hypot(x, y) == doctest::Approx(radius).epsilon(5e-4 / radius));
  }
}

TEST_CASE("a contour cut by the grid's edge is one open polyline") {
  // f = x: the level set x = 0.3 is a vertical segment crossing the whole grid, exact under
  // linear interpolation.
  const lv::SampledGrid grid = grid_of("x", 1.0, 11);
  const auto lines = lv::contour_lines(grid, 0.3);
  REQUIRE(lines.size() == 1);
  CHECK_FALSE(lines[0].closed);
  CHECK(lines[0].points.size() == 11);  // one crossing per horizontal grid line
  for (const auto& [x, y] : lines[0].points) CHECK(x == doctest::Approx(0.3));
  CHECK(std::abs(lines[0].points.front()[1]) == doctest::Approx(1.0));
  CHECK(std::abs(lines[0].points.back()[1]) == doctest::Approx(1.0));
}

TEST_CASE("a saddle cell is resolved by its centre value") {
  // One cell on [0,1]²: corners (0,0)=1, (1,0)=-1, (1,1)=2, (0,1)=-1. Level 0. The centre value
  // (1-1+2-1)/4 = 0.25 is above, so the two positive corners connect through the middle and the
  // lines cut off the negative corners (1,0) and (0,1). Hand-computed crossings: bottom edge
  // t = 1/2 → (0.5, 0); right edge from -1 to 2, t = 1/3 → (1, 1/3); left edge from 1 to -1 →
  // (0, 0.5); top edge from -1 (at x=0) to 2 → (1/3, 1).
  lv::SampledGrid grid{0.0, 1.0, 0.0, 1.0, 2, 2, {1.0, -1.0, -1.0, 2.0}};
  auto lines = lv::contour_lines(grid, 0.0);
  REQUIRE(lines.size() == 2);
  for (auto& line : lines) {
    REQUIRE(line.points.size() == 2);
    CHECK_FALSE(line.closed);
    std::sort(line.points.begin(), line.points.end());
  }
  std::sort(lines.begin(), lines.end(),
            [](const auto& a, const auto& b) { return a.points < b.points; });
  CHECK(lines[0].points[0][0] == doctest::Approx(0.0));
  CHECK(lines[0].points[0][1] == doctest::Approx(0.5));
  CHECK(lines[0].points[1][0] == doctest::Approx(1.0 / 3.0));
  CHECK(lines[0].points[1][1] == doctest::Approx(1.0));
  CHECK(lines[1].points[0][0] == doctest::Approx(0.5));
  CHECK(lines[1].points[0][1] == doctest::Approx(0.0));
  CHECK(lines[1].points[1][0] == doctest::Approx(1.0));
  CHECK(lines[1].points[1][1] == doctest::Approx(1.0 / 3.0));

  // With the centre below the level, the negative corners connect instead: the lines now cut
  // off the positive corners (0,0) and (1,1). Corners 1, -3, 1, -3: centre -1.
  lv::SampledGrid other{0.0, 1.0, 0.0, 1.0, 2, 2, {1.0, -3.0, -3.0, 1.0}};
  const auto cut = lv::contour_lines(other, 0.0);
  REQUIRE(cut.size() == 2);
  for (const auto& line : cut) {
    const double x = 0.5 * (line.points[0][0] + line.points[1][0]);
    const double y = 0.5 * (line.points[0][1] + line.points[1][1]);
    CHECK(std::abs(x - y) < 1e-12);  // each segment sits symmetrically across the diagonal
  }
}

TEST_CASE("cells with a NaN corner are skipped") {
  // sqrt(x) is NaN for x < 0: the level x = 0.25 (sqrt = 0.5) still appears, nothing at x < 0.
  const lv::SampledGrid grid = grid_of("sqrt(x) + 0*y", 1.0, 21);
  const auto lines = lv::contour_lines(grid, 0.5);
  REQUIRE(lines.size() == 1);
  for (const auto& [x, y] : lines[0].points) CHECK(x > 0.2);
  CHECK(lv::contour_lines(grid, -1.0).empty());
}
