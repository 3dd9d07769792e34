#include "panels/panels.hpp"

namespace lv::app {

std::array<float, 4> readable_color(const AppState& state, const std::array<float, 3>& color) {
  const float shade = state.ui.dark_theme ? 1.0f : 0.55f;
  return {color[0] * shade, color[1] * shade, color[2] * shade, 1.0f};
}

}  // namespace lv::app
