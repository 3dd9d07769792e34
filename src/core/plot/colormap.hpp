// Perceptually uniform colormaps as data: each map is a list of sRGB control points, evenly
// spaced over [0, 1], linearly interpolated. The same control points serve the CPU figures and
// the GUI's shaders (upload control_points() as a uniform array and interpolate identically).
#pragma once

#include <array>
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

  // The colour at t in [0, 1] (clamped; NaN gives the first colour).
  Rgb sample(double t) const;
};

// viridis, magma, cividis (sequential) and coolwarm (diverging). Each is built here from a path
// through CIELAB with lightness L* linear in t, so equal steps in t are equal steps in lightness.
const std::vector<Colormap>& colormaps();
// Throws InputError naming the unknown colormap and the closest known name.
const Colormap& find_colormap(std::string_view name);

// CIELAB (D65 white) to gamma-encoded sRGB, clamped to [0, 1]; and back (for checks).
Rgb lab_to_srgb(double lightness, double a, double b);
std::array<double, 3> srgb_to_lab(const Rgb& color);

}  // namespace lv
