// The value scale's ticks (colorbar and 3D f axis) against the shaders' formula, for linear scales
// and log scales over several spans; and the 2D ticks' screen positions against the view.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "view_axes.hpp"

namespace {

double parse(std::string label) {
  if (label.rfind("\u2212", 0) == 0) label = "-" + label.substr(3);
  const size_t e = label.find("e\u2212");
  if (e != std::string::npos) label = label.substr(0, e) + "e-" + label.substr(e + 4);
  return std::stod(label);
}

}  // namespace

TEST_CASE("log colorbar ticks sit at decades of f - min where the shaders put them") {
  for (const double span : {0.5, 20.0, 3e3, 7e6}) {
    lv::app::ViewState view;
    view.value_min = -1.0f;
    view.value_max = static_cast<float>(-1.0 + span);
    view.log_scale = true;
    view.contours = 10;
    const lv::app::ValueScaleTicks ticks = lv::app::value_scale_ticks(view);
    CAPTURE(span);
    REQUIRE(ticks.major.size() >= 3);
    CHECK(ticks.major.front().t == 0.0);
    CHECK(ticks.major.front().label == "0");
    const double real_span = static_cast<double>(view.value_max - view.value_min);
    const double unit = real_span * 1e-4;
    // The title names the offset unless it is below the scale's unit (then f − min ≈ f).
    CHECK(ticks.title == (1.0 > unit ? "f + 1" : "f"));
    double previous = -1.0;
    for (size_t k = 1; k < ticks.major.size(); ++k) {
      const double offset = parse(ticks.major[k].label);  // f − min
      const double decade = std::log10(offset);
      CHECK(std::abs(decade - std::round(decade)) < 1e-9);  // a power of ten
      const double expected = std::log1p(offset / unit) / std::log1p(real_span / unit);
      CHECK(ticks.major[k].t == doctest::Approx(expected).epsilon(1e-6));
      CHECK(ticks.major[k].t > previous);
      previous = ticks.major[k].t;
      CHECK(lv::app::value_at_scale(view, ticks.major[k].t) ==
            doctest::Approx(-1.0 + offset).epsilon(1e-4));
    }
    CHECK(ticks.major.size() <= 7);
    REQUIRE(ticks.levels.size() == 9);
    CHECK(ticks.levels[4] == doctest::Approx(0.5));
  }
}

TEST_CASE("linear colorbar ticks are the nice values at their linear place") {
  lv::app::ViewState view;
  view.value_min = -2.5f;
  view.value_max = 7.5f;
  const lv::app::ValueScaleTicks ticks = lv::app::value_scale_ticks(view);
  CHECK(ticks.title == "f");
  REQUIRE(ticks.major.size() >= 4);
  for (const auto& tick : ticks.major) {
    CHECK(tick.t == doctest::Approx((parse(tick.label) + 2.5) / 10.0));
  }
  CHECK(ticks.major.front().label.rfind("\u2212", 0) == 0);  // −2 with a real minus sign
}

TEST_CASE("2D ticks follow pan and zoom: a tick labelled v sits where the view puts x = v") {
  lv::app::View2D view{1.25, -0.5, 0.02};
  const lv::app::Rect plot{100.0f, 50.0f, 600.0f, 400.0f};
  for (const float pixels_per_point : {1.0f, 2.0f}) {
    const auto x_ticks = lv::app::view2d_x_ticks(view, plot, pixels_per_point, 80.0f);
    const auto y_ticks = lv::app::view2d_y_ticks(view, plot, pixels_per_point, 45.0f);
    REQUIRE(x_ticks.size() >= 4);
    REQUIRE(y_ticks.size() >= 4);
    const double units = view.units_per_pixel * pixels_per_point;
    for (const auto& tick : x_ticks) {
      CHECK(parse(tick.label) == doctest::Approx(tick.value));
      CHECK(tick.at == doctest::Approx(400.0 + (tick.value - 1.25) / units));
      CHECK(tick.at >= plot.x - 0.01f);
      CHECK(tick.at <= plot.x + plot.width + 0.01f);
    }
    for (const auto& tick : y_ticks) {
      CHECK(tick.at == doctest::Approx(250.0 - (tick.value + 0.5) / units));
    }
  }
}
