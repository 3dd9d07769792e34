#include "panels/panels.hpp"
#include "plot/palette.hpp"
#include "theme.hpp"

namespace lv::app {

std::array<float, 4> readable_color(const AppState& state, const std::array<float, 3>& color) {
  const Rgb readable =
      readable_on({color[0], color[1], color[2]}, theme_colors(state.ui.dark_theme).panel);
  return {static_cast<float>(readable.r), static_cast<float>(readable.g),
          static_cast<float>(readable.b), 1.0f};
}

}  // namespace lv::app
