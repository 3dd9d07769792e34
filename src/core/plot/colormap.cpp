#include "plot/colormap.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"

namespace lv {

namespace {

// D65 reference white in XYZ (CIE 15:2004, 2° observer), Y normalised to 1.
constexpr double k_white_x = 0.95047;
constexpr double k_white_y = 1.0;
constexpr double k_white_z = 1.08883;
// CIELAB's linear-segment constants (CIE 15:2004 §8.2.1): δ = 6/29.
constexpr double k_delta = 6.0 / 29.0;

double lab_f(double t) {
  return t > k_delta * k_delta * k_delta ? std::cbrt(t)
                                         : t / (3.0 * k_delta * k_delta) + 4.0 / 29.0;
}

// sRGB transfer function, inverse (IEC 61966-2-1).
double srgb_decode(double encoded) {
  return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

std::vector<Rgb> hex_colors(std::initializer_list<uint32_t> colors) {
  std::vector<Rgb> points;
  for (const uint32_t rgb : colors) {
    points.push_back({static_cast<double>((rgb >> 16) & 0xff) / 255.0,
                      static_cast<double>((rgb >> 8) & 0xff) / 255.0,
                      static_cast<double>(rgb & 0xff) / 255.0});
  }
  return points;
}

// The published colors of each map at 0, 1/8, ..., 1: viridis and magma, van der Walt and Smith,
// matplotlib 2.0 (2015); cividis, Nuñez, Anderton and Renslow, PLoS ONE 13 (2018) e0199239;
// coolwarm, Moreland, "Diverging Color Maps for Scientific Visualization", ISVC 2009 (as
// matplotlib ships it). Those maps are uniform in CAM02-UCS (coolwarm: in Moreland's Msh space);
// nine stops interpolated linearly in sRGB stay within a few 1/255 of the full 256-entry tables.
std::vector<Colormap> build_colormaps() {
  return {
      {"viridis", "purple-blue to yellow, sequential", false,
       hex_colors({0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaadc32,
                   0xfde725})},
      {"magma", "black to pale yellow through purple and orange, sequential", false,
       hex_colors({0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55964, 0xfb8761, 0xfec287,
                   0xfcfdbf})},
      {"cividis", "blue to yellow, sequential, colour-vision-deficiency friendly", false,
       hex_colors({0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779, 0xa69d75, 0xc4b56c,
                   0xfee838})},
      {"coolwarm", "blue to red through light grey, diverging", true,
       hex_colors({0x3b4cc0, 0x6282ea, 0x8db0fe, 0xb8d0f9, 0xdddcdc, 0xf5c4ad, 0xf49a7b, 0xdd604b,
                   0xb40426})},
  };
}

}  // namespace

Rgb Colormap::sample(double t) const {
  if (!(t > 0.0)) return control_points.front();
  if (t >= 1.0) return control_points.back();
  const double position = t * static_cast<double>(control_points.size() - 1);
  const size_t k = static_cast<size_t>(position);
  const double u = position - static_cast<double>(k);
  const Rgb& a = control_points[k];
  const Rgb& b = control_points[k + 1];
  return {a.r + u * (b.r - a.r), a.g + u * (b.g - a.g), a.b + u * (b.b - a.b)};
}

std::vector<uint8_t> colormap_table(const Colormap& colormap, int size) {
  std::vector<uint8_t> table;
  table.reserve(static_cast<size_t>(size) * 3);
  const auto byte = [](double channel) {
    return static_cast<uint8_t>(std::lround(std::clamp(channel, 0.0, 1.0) * 255.0));
  };
  for (int i = 0; i < size; ++i) {
    const Rgb color = colormap.sample(static_cast<double>(i) / (size - 1));
    table.insert(table.end(), {byte(color.r), byte(color.g), byte(color.b)});
  }
  return table;
}

// IEC 61966-2-1 (decoding, linear sRGB → XYZ matrix) and CIE 15:2004 §8.2.1 (XYZ → Lab).
std::array<double, 3> srgb_to_lab(const Rgb& color) {
  const double red = srgb_decode(color.r), green = srgb_decode(color.g),
               blue = srgb_decode(color.b);
  const double x = 0.4124564 * red + 0.3575761 * green + 0.1804375 * blue;
  const double y = 0.2126729 * red + 0.7151522 * green + 0.0721750 * blue;
  const double z = 0.0193339 * red + 0.1191920 * green + 0.9503041 * blue;
  const double fx = lab_f(x / k_white_x), fy = lab_f(y / k_white_y), fz = lab_f(z / k_white_z);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

const std::vector<Colormap>& colormaps() {
  static const std::vector<Colormap> maps = build_colormaps();
  return maps;
}

std::optional<int> colormap_index(std::string_view name) {
  const std::vector<Colormap>& maps = colormaps();
  for (size_t i = 0; i < maps.size(); ++i) {
    if (maps[i].name == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

const Colormap& find_colormap(std::string_view name) {
  if (const auto index = colormap_index(name)) return colormaps()[static_cast<size_t>(*index)];
  std::vector<std::string> names;
  for (const Colormap& map : colormaps()) names.push_back(map.name);
  std::string known;
  for (const std::string& known_name : names) known += (known.empty() ? "" : ", ") + known_name;
  throw InputError("unknown colormap '" + std::string(name) + "'" + did_you_mean(name, names) +
                   "; known: " + known);
}

}  // namespace lv
