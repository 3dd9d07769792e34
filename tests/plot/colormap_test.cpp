// Colormaps: the CIELAB conversion against published reference values, and the perceptual
// properties the maps promise (lightness monotone and evenly spaced; diverging maps symmetric).
#include <doctest/doctest.h>

#include <cmath>

#include "common/errors.hpp"
#include "plot/colormap.hpp"

TEST_CASE("sRGB <-> CIELAB matches reference values") {
  // sRGB primaries in CIELAB (D65), from Bruce Lindbloom's calculator (brucelindbloom.com):
  // red (53.2408, 80.0925, 67.2032), blue (32.2970, 79.1875, -107.8602), white (100, 0, 0).
  const auto red = lv::srgb_to_lab({1.0, 0.0, 0.0});
  CHECK(red[0] == doctest::Approx(53.2408).epsilon(1e-4));
  CHECK(red[1] == doctest::Approx(80.0925).epsilon(1e-3));
  CHECK(red[2] == doctest::Approx(67.2032).epsilon(1e-3));
  const auto blue = lv::srgb_to_lab({0.0, 0.0, 1.0});
  CHECK(blue[0] == doctest::Approx(32.2970).epsilon(1e-4));
  CHECK(blue[2] == doctest::Approx(-107.8602).epsilon(1e-3));
  const lv::Rgb white = lv::lab_to_srgb(100.0, 0.0, 0.0);
  CHECK(white.r == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(white.g == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(white.b == doctest::Approx(1.0).epsilon(1e-4));
  const lv::Rgb back = lv::lab_to_srgb(red[0], red[1], red[2]);
  CHECK(back.r == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(back.g == doctest::Approx(0.0));
}

TEST_CASE("sequential maps have lightness rising in equal steps") {
  for (const lv::Colormap& map : lv::colormaps()) {
    if (map.diverging) continue;
    CAPTURE(map.name);
    const auto& points = map.control_points;
    REQUIRE(points.size() >= 9);
    const double first = lv::srgb_to_lab(points.front())[0];
    const double last = lv::srgb_to_lab(points.back())[0];
    CHECK(last - first > 60.0);  // a wide lightness range
    const double step = (last - first) / static_cast<double>(points.size() - 1);
    for (size_t i = 1; i < points.size(); ++i) {
      const double difference = lv::srgb_to_lab(points[i])[0] - lv::srgb_to_lab(points[i - 1])[0];
      CHECK(difference == doctest::Approx(step).epsilon(0.02));
    }
  }
}

TEST_CASE("the diverging map is light in the middle and symmetric in lightness") {
  const lv::Colormap& map = lv::find_colormap("coolwarm");
  CHECK(map.diverging);
  const auto& points = map.control_points;
  const size_t n = points.size();
  for (size_t i = 0; i < n / 2; ++i) {
    CHECK(lv::srgb_to_lab(points[i])[0] ==
          doctest::Approx(lv::srgb_to_lab(points[n - 1 - i])[0]).epsilon(0.01));
    CHECK(lv::srgb_to_lab(points[i])[0] < lv::srgb_to_lab(points[i + 1])[0]);
  }
  const auto middle = lv::srgb_to_lab(map.sample(0.5));
  CHECK(middle[0] > 90.0);
  CHECK(std::hypot(middle[1], middle[2]) < 2.0);  // neutral grey
}

TEST_CASE("sample interpolates the control points and clamps") {
  const lv::Colormap& map = lv::find_colormap("viridis");
  const lv::Rgb a = map.control_points[0], b = map.control_points[1];
  const double t = 0.5 / static_cast<double>(map.control_points.size() - 1);
  CHECK(map.sample(t).g == doctest::Approx(0.5 * (a.g + b.g)));
  CHECK(map.sample(-3.0).r == a.r);
  CHECK(map.sample(7.0).b == map.control_points.back().b);
}

TEST_CASE("an unknown colormap names the closest one") {
  CHECK_THROWS_WITH_AS(lv::find_colormap("virdis"), doctest::Contains("did you mean 'viridis'"),
                       lv::InputError);
}
