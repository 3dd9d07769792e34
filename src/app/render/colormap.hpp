// Colormaps as lookup tables: perceptually uniform sequential maps (viridis, magma, cividis) and
// a diverging blue–white–red map, each given by colors sampled at evenly spaced positions and
// interpolated piecewise linearly in sRGB into a 256-entry table the shaders sample.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace lv::app {

struct Colormap {
  std::string name;
  std::vector<std::array<float, 3>> stops;  // sRGB 0..1 at evenly spaced positions 0..1
};

// viridis, magma, cividis, coolwarm (diverging), in menu order.
const std::vector<Colormap>& colormaps();
// The index of `name` in colormaps(); 0 (viridis) when unknown.
int colormap_index(const std::string& name);
// `size` RGB bytes triples interpolated from the stops.
std::vector<uint8_t> colormap_table(const Colormap& colormap, int size = 256);
// The color at t in 0..1 (for legends and the CPU side).
std::array<float, 3> colormap_color(const Colormap& colormap, float t);

}  // namespace lv::app
