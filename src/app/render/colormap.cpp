#include "render/colormap.hpp"

#include <algorithm>
#include <cmath>

namespace lv::app {
namespace {

std::array<float, 3> hex(uint32_t rgb) {
  return {static_cast<float>((rgb >> 16) & 0xff) / 255.0f,
          static_cast<float>((rgb >> 8) & 0xff) / 255.0f, static_cast<float>(rgb & 0xff) / 255.0f};
}

std::vector<std::array<float, 3>> stops(std::initializer_list<uint32_t> colors) {
  std::vector<std::array<float, 3>> result;
  for (uint32_t color : colors) result.push_back(hex(color));
  return result;
}

}  // namespace

// Stops: the published colors of each map at 0, 1/8, ..., 1 (viridis and magma: van der Walt and
// Smith, matplotlib 2.0 (2015); cividis: Nuñez, Anderton and Renslow, PLoS ONE 13 (2018)
// e0199239; coolwarm: Moreland, "Diverging Color Maps for Scientific Visualization", ISVC 2009).
const std::vector<Colormap>& colormaps() {
  static const std::vector<Colormap> maps = {
      {"viridis", stops({0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962,
                         0xaadc32, 0xfde725})},
      {"magma", stops({0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55964, 0xfb8761,
                       0xfec287, 0xfcfdbf})},
      {"cividis", stops({0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779, 0xa69d75,
                         0xc4b56c, 0xfee838})},
      {"coolwarm", stops({0x3b4cc0, 0x6282ea, 0x8db0fe, 0xb8d0f9, 0xdddcdc, 0xf5c4ad, 0xf49a7b,
                          0xdd604b, 0xb40426})},
  };
  return maps;
}

int colormap_index(const std::string& name) {
  const auto& maps = colormaps();
  for (size_t i = 0; i < maps.size(); ++i) {
    if (maps[i].name == name) return static_cast<int>(i);
  }
  return 0;
}

std::array<float, 3> colormap_color(const Colormap& colormap, float t) {
  const int last = static_cast<int>(colormap.stops.size()) - 1;
  const float position = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(last);
  const int lower = std::min(static_cast<int>(std::floor(position)), last - 1);
  const float fraction = position - static_cast<float>(lower);
  std::array<float, 3> color{};
  for (int channel = 0; channel < 3; ++channel) {
    color[channel] = colormap.stops[lower][channel] * (1.0f - fraction) +
                     colormap.stops[lower + 1][channel] * fraction;
  }
  return color;
}

std::vector<uint8_t> colormap_table(const Colormap& colormap, int size) {
  std::vector<uint8_t> table;
  table.reserve(static_cast<size_t>(size) * 3);
  for (int i = 0; i < size; ++i) {
    const auto color =
        colormap_color(colormap, static_cast<float>(i) / static_cast<float>(size - 1));
    for (float channel : color)
      table.push_back(static_cast<uint8_t>(std::lround(channel * 255.0f)));
  }
  return table;
}

}  // namespace lv::app
