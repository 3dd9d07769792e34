// The app's trajectory colours on the app's own theme backgrounds: every optimizer the app adds
// and every legend entry it draws keeps 3:1 contrast in the dark and the light theme.
#include <doctest/doctest.h>

#include "app_state.hpp"
#include "panels/panels.hpp"
#include "plot/palette.hpp"
#include "state_actions.hpp"
#include "theme.hpp"

TEST_CASE("the app's optimizer colours keep 3:1 contrast against both themes") {
  for (const bool dark : {true, false}) {
    const lv::app::ThemeColors theme = lv::app::theme_colors(dark);
    for (size_t i = 0; i < 8; ++i) {
      const auto color = lv::app::palette_color(i);
      const lv::Rgb rgb{color[0], color[1], color[2]};
      CHECK(lv::contrast_ratio(rgb, theme.scene) >= 3.0);
      CHECK(lv::contrast_ratio(rgb, theme.panel) >= 3.0);
    }
  }
}

TEST_CASE("a scene's own colour that would vanish on the theme is made readable in legends") {
  lv::app::AppState state;
  for (const bool dark : {true, false}) {
    state.ui.dark_theme = dark;
    for (const std::array<float, 3>& color :
         {std::array<float, 3>{1, 1, 1}, std::array<float, 3>{0, 0, 0},
          std::array<float, 3>{1, 0.92f, 0.3f}}) {
      const auto shown = lv::app::readable_color(state, color);
      CHECK(lv::contrast_ratio({shown[0], shown[1], shown[2]}, lv::app::theme_colors(dark).panel) >=
            2.99);
    }
  }
}
