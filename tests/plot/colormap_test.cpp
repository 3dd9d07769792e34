// Colormaps: matplotlib's published colors, the window's lookup table against the figures'
// colors, the CIELAB conversion against published reference values, and the perceptual
// properties the maps promise (lightness monotone; the diverging map symmetric and neutral).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "common/errors.hpp"
#include "plot/colormap.hpp"

namespace {

double max_channel_difference(const lv::Rgb& a, const lv::Rgb& b) {
  return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

lv::Rgb hex(uint32_t rgb) {
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
}

// What the window's shaders read for t: lv_colormap in shaders/common.glsl samples the table
// texture at u = t·255/256 + 0.5/256 with GL_LINEAR filtering, i.e. linearly between entries
// floor(t·255) and the next (OpenGL 3.3 core spec §3.8.11, texel centres at (i + ½)/256).
lv::Rgb shader_lookup(const std::vector<uint8_t>& table, double t) {
  const int entries = static_cast<int>(table.size() / 3);
  const double position = std::clamp(t, 0.0, 1.0) * (entries - 1);
  const int low = std::min(static_cast<int>(position), entries - 2);
  const double u = position - low;
  const auto channel = [&](int entry, int c) { return table[3 * entry + c] / 255.0; };
  const auto mixed = [&](int c) { return (1 - u) * channel(low, c) + u * channel(low + 1, c); };
  return {mixed(0), mixed(1), mixed(2)};
}

}  // namespace

TEST_CASE("viridis at 0, 0.5 and 1 is matplotlib's #440154, #21918c, #fde725") {
  // matplotlib.cm.viridis(0.0), (0.5), (1.0) as hex (van der Walt and Smith, matplotlib 2.0).
  const lv::Colormap& viridis = lv::find_colormap("viridis");
  CHECK(max_channel_difference(viridis.sample(0.0), hex(0x440154)) <= 1.0 / 255.0);
  CHECK(max_channel_difference(viridis.sample(0.5), hex(0x21918c)) <= 1.0 / 255.0);
  CHECK(max_channel_difference(viridis.sample(1.0), hex(0xfde725)) <= 1.0 / 255.0);
  // The same through the table the window uploads.
  const std::vector<uint8_t> table = lv::colormap_table(viridis);
  CHECK(max_channel_difference(shader_lookup(table, 0.0), hex(0x440154)) <= 1.0 / 255.0);
  CHECK(max_channel_difference(shader_lookup(table, 0.5), hex(0x21918c)) <= 1.0 / 255.0);
  CHECK(max_channel_difference(shader_lookup(table, 1.0), hex(0xfde725)) <= 1.0 / 255.0);
}

TEST_CASE("the window's lookup table gives a figure's colors within 1/255 for every map") {
  for (const lv::Colormap& map : lv::colormaps()) {
    CAPTURE(map.name);
    const std::vector<uint8_t> table = lv::colormap_table(map);
    REQUIRE(table.size() == 3 * lv::k_colormap_table_size);
    double worst = 0.0;
    for (int k = 0; k <= 4000; ++k) {
      const double t = k / 4000.0;
      worst = std::max(worst, max_channel_difference(shader_lookup(table, t), map.sample(t)));
    }
    CHECK(worst <= 1.0 / 255.0);
  }
}

TEST_CASE("sRGB -> CIELAB matches reference values") {
  // sRGB primaries in CIELAB (D65), from Bruce Lindbloom's calculator (brucelindbloom.com):
  // red (53.2408, 80.0925, 67.2032), blue (32.2970, 79.1875, -107.8602), white (100, 0, 0).
  const auto red = lv::srgb_to_lab({1.0, 0.0, 0.0});
  CHECK(red[0] == doctest::Approx(53.2408).epsilon(1e-4));
  CHECK(red[1] == doctest::Approx(80.0925).epsilon(1e-3));
  CHECK(red[2] == doctest::Approx(67.2032).epsilon(1e-3));
  const auto blue = lv::srgb_to_lab({0.0, 0.0, 1.0});
  CHECK(blue[0] == doctest::Approx(32.2970).epsilon(1e-4));
  CHECK(blue[2] == doctest::Approx(-107.8602).epsilon(1e-3));
  const auto white = lv::srgb_to_lab({1.0, 1.0, 1.0});
  CHECK(white[0] == doctest::Approx(100.0).epsilon(1e-4));
  CHECK(std::abs(white[1]) < 1e-3);
}

TEST_CASE("sequential maps rise in lightness over a wide range, in steps of similar size") {
  // The published maps are uniform in CAM02-UCS, not CIELAB: in L* their steps stay within a
  // factor of two of the mean step.
  for (const lv::Colormap& map : lv::colormaps()) {
    if (map.diverging) continue;
    CAPTURE(map.name);
    const auto& points = map.control_points;
    REQUIRE(points.size() >= 9);
    const double first = lv::srgb_to_lab(points.front())[0];
    const double last = lv::srgb_to_lab(points.back())[0];
    CHECK(last - first > 60.0);
    const double step = (last - first) / static_cast<double>(points.size() - 1);
    for (size_t i = 1; i < points.size(); ++i) {
      const double difference = lv::srgb_to_lab(points[i])[0] - lv::srgb_to_lab(points[i - 1])[0];
      CHECK(difference > 0.5 * step);
      CHECK(difference < 2.0 * step);
    }
  }
}

TEST_CASE("the diverging map is light and neutral in the middle and symmetric in lightness") {
  const lv::Colormap& map = lv::find_colormap("coolwarm");
  CHECK(map.diverging);
  const auto& points = map.control_points;
  const size_t n = points.size();
  for (size_t i = 0; i < n / 2; ++i) {
    CHECK(std::abs(lv::srgb_to_lab(points[i])[0] - lv::srgb_to_lab(points[n - 1 - i])[0]) < 0.5);
    CHECK(lv::srgb_to_lab(points[i])[0] < lv::srgb_to_lab(points[i + 1])[0]);
  }
  const auto middle = lv::srgb_to_lab(map.sample(0.5));
  CHECK(middle[0] > 85.0);
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

TEST_CASE("colormaps are found by name; an unknown one names the closest") {
  CHECK(lv::colormap_index("cividis") == 2);
  CHECK_FALSE(lv::colormap_index("jet").has_value());
  CHECK_THROWS_WITH_AS(lv::find_colormap("virdis"), doctest::Contains("did you mean 'viridis'"),
                       lv::InputError);
}
