// The network views: the landscape chart's titles, tick labels and colorbar scale (GL-free), and
// in screenshots the decision regions at display resolution and the chart's colorbar and titles.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "common/text.hpp"
#include "gui_process.hpp"
#include "landscape_axes.hpp"
#include "process.hpp"

namespace {

using lv::test::Image;

Image screenshot(const std::string& name, const std::string& arguments) {
  const std::string path = lv::test::temporary(name + ".png");
  const lv::test::ProcessResult result = lv::test::run_process(
      lv::test::gui("--size 1280x720 --frames 40 --screenshot " + path + " " + arguments));
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  Image image = lv::test::load_png(path);
  std::remove(path.c_str());
  return image;
}

bool is_text(const unsigned char* p) {  // the dark theme's near-white text
  return p[0] > 180 && p[1] > 180 && p[2] > 180;
}

long count(const Image& image, float x0, float y0, float x1, float y1,
           bool (*predicate)(const unsigned char*)) {
  long hits = 0;
  for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y) {
    for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x)
      hits += predicate(image.at(x, y)) ? 1 : 0;
  }
  return hits;
}

double distance(const unsigned char* p, int r, int g, int b) {
  return std::hypot(p[0] - r, p[1] - g, p[2] - b);
}

}  // namespace

TEST_CASE("axis titles name the plane's directions") {
  lv::app::NetworkSnapshot snapshot;
  snapshot.surface_plane = lv::app::LandscapePlane::Pca;
  snapshot.explained_x = 0.834;
  snapshot.explained_y = 0.121;
  CHECK(lv::app::landscape_axis_titles(snapshot).x == "PC1 (83% of variance)");
  CHECK(lv::app::landscape_axis_titles(snapshot).y == "PC2 (12% of variance)");
  snapshot.surface_plane = lv::app::LandscapePlane::Random;
  CHECK(lv::app::landscape_axis_titles(snapshot).x == "δ (filter-normalized)");
  CHECK(lv::app::landscape_axis_titles(snapshot).y == "η (filter-normalized)");
  snapshot.surface_plane = lv::app::LandscapePlane::Hessian;
  snapshot.hessian_eigenvalues = {2.0712, -0.5};
  CHECK(lv::app::landscape_axis_titles(snapshot).x == "Hessian eigenvector 1 (λ = 2.07)");
  CHECK(lv::app::landscape_axis_titles(snapshot).y == "Hessian eigenvector 2 (λ = \u22120.5)");
  snapshot.surface_plane = lv::app::LandscapePlane::Files;
  snapshot.direction_x_file = "dx.safetensors";
  CHECK(lv::app::landscape_axis_titles(snapshot).x == "dx.safetensors");
  snapshot.surface_file = "/data/run/surface.h5";
  CHECK(lv::app::landscape_axis_titles(snapshot).y == "y (surface.h5)");
}

TEST_CASE("tick labels carry a real minus sign") {
  CHECK(lv::with_minus_sign("-0.5") == "\u22120.5");
  CHECK(lv::with_minus_sign("1e-05") == "1e\u221205");
  CHECK(lv::with_minus_sign("2") == "2");
  const auto ticks = lv::app::axis_ticks(-1.0, 1.0, 5);
  REQUIRE(ticks.size() == 5);
  CHECK(ticks.front().label == "\u22121.0");
  CHECK(ticks.front().position == doctest::Approx(0.0));
  CHECK(ticks[2].position == doctest::Approx(0.5));
}

// The colorbar's ticks sit where the shaders put their values: linear, (f − low)/(high − low);
// log, lv_scaled's log(1 + (f − low)/unit)/log(1 + span/unit) with unit = span·1e-4, which
// spaces the powers of ten of f − low evenly once they are well above the unit.
TEST_CASE("colorbar ticks follow the shaders' linear and log scales") {
  const lv::app::Colorbar linear = lv::app::landscape_colorbar(0.0, 2.0, false);
  CHECK(linear.title == "loss");
  for (const lv::app::ScaleTick& tick : linear.ticks)
    CHECK(tick.position == doctest::Approx(std::stod(tick.label) / 2.0));
  const lv::app::Colorbar log = lv::app::landscape_colorbar(0.25, 100.25, true);
  CHECK(log.title == "loss \u2212 0.25 (log scale)");
  REQUIRE(log.ticks.size() >= 4);
  CHECK(log.ticks.front().label == "0");
  CHECK(log.ticks.front().position == 0.0);
  const double unit = 100.0 * 1e-4;
  for (const lv::app::ScaleTick& tick : log.ticks) {
    const double offset = std::stod(tick.label);
    CHECK(tick.position ==
          doctest::Approx(std::log1p(offset / unit) / std::log1p(100.0 / unit)).epsilon(1e-5));
  }
  const double step = log.ticks[3].position - log.ticks[2].position;
  CHECK(log.ticks[4].position - log.ticks[3].position == doctest::Approx(step).epsilon(0.01));
}

// The chart of --network-demo's PCA plane at 1280×720: the scene is 900×720 right of the 380 px
// panel, the 16 px font sets the margins (lv::app::landscape_frame). The colorbar runs from
// viridis' lowest color at the bottom to its highest at the top; the x tick labels, the x title
// and the rotated y title are text where the frame puts them.
TEST_CASE("the landscape chart has a colorbar, tick labels and axis titles beside its plot") {
  const Image image = screenshot("chart", "--network-demo --view 2d");
  const lv::app::LandscapeFrame frame = lv::app::landscape_frame({380, 0, 900, 720}, 1.0, 16, true);
  const lv::app::Rect& bar = frame.colorbar;
  const int bar_x = static_cast<int>(bar.x + 0.5f * bar.width);
  CHECK(distance(image.at(bar_x, static_cast<int>(bar.y + bar.height - 3)), 0x44, 0x01, 0x54) < 25);
  CHECK(distance(image.at(bar_x, static_cast<int>(bar.y + 3)), 0xfd, 0xe7, 0x25) < 25);
  const lv::app::Rect& plot = frame.plot;
  const float bottom = plot.y + plot.height, middle = plot.x + 0.5f * plot.width;
  CHECK(count(image, plot.x, bottom + 6, plot.x + plot.width, bottom + 26, is_text) > 40);
  CHECK(count(image, middle - 150, bottom + 30, middle + 150, bottom + 50, is_text) > 100);
  const float y_middle = plot.y + 0.5f * plot.height;
  CHECK(count(image, plot.x - 90, y_middle - 120, plot.x - 10, y_middle + 120, is_text) > 100);
  CHECK(count(image, bar.x + bar.width, bar.y, bar.x + bar.width + 90, bar.y + bar.height,
              is_text) > 100);
}

// The edge-of-stability lesson shows the trained network's decision regions in the Network
// panel. Drawn at display resolution, nearly every pixel row of the regions differs from the
// one above it somewhere (curved boundaries move by a pixel or less); drawn as 48 × 48 blocks,
// six rows in seven repeated the one above. Scatter dots (bright) are left out of the comparison.
TEST_CASE("decision regions are drawn at display resolution") {
  const std::string lesson =
      std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/09_edge_of_stability.json";
  const Image image = screenshot("regions", "--size 1600x900 --scene " + lesson);
  const auto region_pixel = [](const unsigned char* p) {  // dark: 40% class colors and their mixes
    return std::max({p[0], p[1], p[2]}) < 110 && std::max({p[0], p[1], p[2]}) > 30 &&
           std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 25;
  };
  const auto pure_region = [](const unsigned char* p) {  // lv::app::class_color(k, true)
    return distance(p, 0, 45, 71) < 6 || distance(p, 92, 63, 0) < 6 || distance(p, 0, 63, 46) < 6;
  };
  // The regions' bounding box inside the panel column.
  int left = 1600, right = 0, top = 900, bottom = 0;
  for (int y = 0; y < 900; ++y) {
    for (int x = 0; x < 370; ++x) {
      if (!pure_region(image.at(x, y))) continue;
      left = std::min(left, x), right = std::max(right, x);
      top = std::min(top, y), bottom = std::max(bottom, y);
    }
  }
  REQUIRE(right - left > 200);
  REQUIRE(bottom - top > 150);
  int rows = 0, repeated = 0;
  for (int y = top + 1; y <= bottom; ++y) {
    bool same = true;
    for (int x = left; x <= right && same; ++x) {
      const unsigned char *here = image.at(x, y), *above = image.at(x, y - 1);
      if (!region_pixel(here) || !region_pixel(above)) continue;
      same = std::equal(here, here + 3, above);
    }
    ++rows;
    repeated += same ? 1 : 0;
  }
  CAPTURE(rows);
  CHECK(repeated < rows / 4);
}
