// The colormaps of the window and of exported figures, as data: each map is its published colors
// at 0, 1/8, ..., 1, interpolated piecewise-linearly in sRGB. Figures call Colormap::sample; the
// app uploads colormap_table() as the shaders' 256 × 1 lookup texture (shaders/common.glsl,
// lv_colormap), whose linear filtering reproduces sample() to within 1/255.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lv {

struct Rgb {
  double r = 0.0, g = 0.0, b = 0.0;  // sRGB, each in [0, 1]
};

struct Colormap {
  std::string name;
  std::string description;
  bool diverging = false;           // true: the middle is the neutral (lightest) colour
  std::vector<Rgb> control_points;  // evenly spaced over [0, 1]; at least two

  // The colour at t in [0, 1]: linear in sRGB between control points (clamped; NaN gives the
  // first colour).
  Rgb sample(double t) const;
};

// viridis, magma, cividis (sequential) and coolwarm (diverging), in menu order.
const std::vector<Colormap>& colormaps();
// Throws InputError naming the unknown colormap and the closest known name.
const Colormap& find_colormap(std::string_view name);
// The position of `name` in colormaps(); empty when unknown.
std::optional<int> colormap_index(std::string_view name);

// Entries of the lookup table the shaders sample (default: 256).
constexpr int k_colormap_table_size = 256;
// `size` RGB byte triples: entry i is sample(i / (size − 1)), rounded to 8 bits.
std::vector<uint8_t> colormap_table(const Colormap& colormap, int size = k_colormap_table_size);

// Gamma-encoded sRGB to CIELAB (D65 white), to check the maps' lightness.
std::array<double, 3> srgb_to_lab(const Rgb& color);

}  // namespace lv
