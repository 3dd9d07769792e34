// The trajectory palette against its promises: WCAG contrast on both themes and on paper, and
// pairwise distinct colours under simulated colour-vision deficiencies. The formulas are checked
// against published values first (WCAG's own examples, the Machado matrices' white point).
#include <doctest/doctest.h>

#include "plot/figure.hpp"
#include "plot/palette.hpp"

namespace {

lv::Rgb grey(double level) {
  return {level, level, level};
}

const lv::ColorVision k_visions[] = {lv::ColorVision::Normal, lv::ColorVision::Protanopia,
                                     lv::ColorVision::Deuteranopia, lv::ColorVision::Tritanopia};

}  // namespace

TEST_CASE("WCAG contrast ratio matches the standard's reference values") {
  CHECK(lv::contrast_ratio(grey(0.0), grey(1.0)) == doctest::Approx(21.0));
  CHECK(lv::contrast_ratio(grey(1.0), grey(1.0)) == doctest::Approx(1.0));
  // #777777 on white is the classic 4.48:1 (just below AA's 4.5).
  CHECK(lv::contrast_ratio(grey(0x77 / 255.0), grey(1.0)) == doctest::Approx(4.48).epsilon(0.005));
  CHECK(lv::relative_luminance({1.0, 0.0, 0.0}) == doctest::Approx(0.2126));
}

TEST_CASE("colour-vision simulation keeps greys grey and merges red with green for dichromats") {
  for (const lv::ColorVision vision : k_visions) {
    const lv::Rgb white = lv::simulate_color_vision(grey(1.0), vision);
    CHECK(white.r == doctest::Approx(1.0).epsilon(0.01));
    CHECK(white.g == doctest::Approx(1.0).epsilon(0.01));
    CHECK(white.b == doctest::Approx(1.0).epsilon(0.01));
  }
  const lv::Rgb red{0.8, 0.2, 0.1}, green{0.35, 0.55, 0.1};
  const double normal = lv::color_difference(red, green);
  const double deutan =
      lv::color_difference(lv::simulate_color_vision(red, lv::ColorVision::Deuteranopia),
                           lv::simulate_color_vision(green, lv::ColorVision::Deuteranopia));
  CHECK(deutan < 0.5 * normal);
}

TEST_CASE("every palette colour keeps 3:1 contrast on the dark theme, the light theme and paper") {
  const lv::Rgb backgrounds[] = {
      grey(0.06), {0.08, 0.08, 0.09}, grey(0.94), {0.94, 0.94, 0.95}, grey(1.0)};
  REQUIRE(lv::trajectory_palette().size() == 8);
  for (const lv::Rgb& color : lv::trajectory_palette()) {
    for (const lv::Rgb& background : backgrounds) {
      CHECK(lv::contrast_ratio(color, background) >= 3.0);
    }
  }
}

TEST_CASE("palette colours stay distinct for normal vision and the three dichromacies") {
  const auto& palette = lv::trajectory_palette();
  for (const lv::ColorVision vision : k_visions) {
    for (size_t i = 0; i < palette.size(); ++i) {
      for (size_t j = i + 1; j < palette.size(); ++j) {
        const double difference =
            lv::color_difference(lv::simulate_color_vision(palette[i], vision),
                                 lv::simulate_color_vision(palette[j], vision));
        CAPTURE(i);
        CAPTURE(j);
        CAPTURE(static_cast<int>(vision));
        CHECK(difference >= 10.0);
      }
    }
  }
}

TEST_CASE("figures colour runs with the palette") {
  for (int i = 0; i < 10; ++i) {
    const lv::Color color = lv::run_color(i);
    const lv::Rgb expected = lv::palette_color(i);
    CHECK(color.r == expected.r);
    CHECK(color.g == expected.g);
    CHECK(color.b == expected.b);
  }
}

TEST_CASE("readable_on keeps good colours and fixes bad ones on either theme") {
  const lv::Rgb vermilion = lv::palette_color(0);
  const lv::Rgb kept = lv::readable_on(vermilion, grey(0.94));
  CHECK(kept.r == vermilion.r);
  const lv::Rgb white_on_light = lv::readable_on(grey(1.0), grey(0.94));
  CHECK(lv::contrast_ratio(white_on_light, grey(0.94)) >= 3.0);
  CHECK(lv::contrast_ratio(white_on_light, grey(0.94)) < 3.2);  // no darker than needed
  const lv::Rgb navy_on_dark = lv::readable_on({0.0, 0.0, 0.3}, grey(0.06));
  CHECK(lv::contrast_ratio(navy_on_dark, grey(0.06)) >= 3.0);
  CHECK(navy_on_dark.b > navy_on_dark.r);  // still bluish
}
