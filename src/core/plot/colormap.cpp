#include "plot/colormap.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

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
constexpr int k_control_points = 33;

double lab_f_inverse(double t) {
  return t > k_delta ? t * t * t : 3.0 * k_delta * k_delta * (t - 4.0 / 29.0);
}

double lab_f(double t) {
  return t > k_delta * k_delta * k_delta ? std::cbrt(t)
                                         : t / (3.0 * k_delta * k_delta) + 4.0 / 29.0;
}

// sRGB transfer function (IEC 61966-2-1).
double srgb_encode(double linear) {
  return linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

double srgb_decode(double encoded) {
  return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

// XYZ (D65) → linear sRGB, IEC 61966-2-1.
std::array<double, 3> lab_to_linear_srgb(double lightness, double a, double b) {
  const double fy = (lightness + 16.0) / 116.0;
  const double x = k_white_x * lab_f_inverse(fy + a / 500.0);
  const double y = k_white_y * lab_f_inverse(fy);
  const double z = k_white_z * lab_f_inverse(fy - b / 200.0);
  return {3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
          -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
          0.0556434 * x - 0.2040259 * y + 1.0572252 * z};
}

bool in_gamut(const std::array<double, 3>& linear) {
  return std::all_of(linear.begin(), linear.end(), [](double c) { return c >= 0.0 && c <= 1.0; });
}

// The colour of lightness L*, hue h (radians) with the largest chroma ≤ `chroma` that sRGB can
// show: reducing chroma (never lightness) keeps the lightness ramp exact where the path leaves
// the gamut. Bisection on the chroma.
Rgb in_gamut_color(double lightness, double chroma, double hue) {
  auto linear_at = [&](double c) {
    return lab_to_linear_srgb(lightness, c * std::cos(hue), c * std::sin(hue));
  };
  double low = 0.0, high = chroma;
  if (!in_gamut(linear_at(high))) {
    for (int i = 0; i < 40; ++i) {
      const double middle = 0.5 * (low + high);
      (in_gamut(linear_at(middle)) ? low : high) = middle;
    }
    high = low;
  }
  return lab_to_srgb(lightness, high * std::cos(hue), high * std::sin(hue));
}

// One point of a colormap's path in CIELCh: lightness, chroma, hue (degrees).
struct LchPoint {
  double lightness, chroma, hue;
};

// Samples a path through CIELCh: lightness is linear in t between the first and last knot
// (perceptual uniformity of lightness), chroma and hue are interpolated piecewise-linearly
// between knots placed evenly over [0, 1].
std::vector<Rgb> sample_lch_path(const std::vector<LchPoint>& knots, int count) {
  std::vector<Rgb> points;
  const int segments = static_cast<int>(knots.size()) - 1;
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / (count - 1);
    const double position = t * segments;
    const int k = std::min(static_cast<int>(position), segments - 1);
    const double u = position - k;
    const double lightness =
        knots.front().lightness + t * (knots.back().lightness - knots.front().lightness);
    const double chroma = knots[k].chroma + u * (knots[k + 1].chroma - knots[k].chroma);
    const double hue =
        (knots[k].hue + u * (knots[k + 1].hue - knots[k].hue)) * std::numbers::pi / 180.0;
    points.push_back(in_gamut_color(lightness, chroma, hue));
  }
  return points;
}

// A diverging map: two sequential halves meeting at a light neutral grey in the middle; L* is
// linear in |t − ½| on each side, so both halves change lightness at the same rate.
std::vector<Rgb> sample_diverging(const LchPoint& low, const LchPoint& middle, const LchPoint& high,
                                  int count) {
  std::vector<Rgb> points;
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / (count - 1);
    const LchPoint& end = t < 0.5 ? low : high;
    const double u = std::abs(2.0 * t - 1.0);  // 0 at the middle, 1 at either end
    const double lightness = middle.lightness + u * (end.lightness - middle.lightness);
    // Chroma rises quickly away from the neutral middle (sqrt) so small deviations show.
    const double chroma = std::sqrt(u) * end.chroma;
    points.push_back(in_gamut_color(lightness, chroma, end.hue * std::numbers::pi / 180.0));
  }
  return points;
}

std::vector<Colormap> build_colormaps() {
  // The knots are our own choice: hue paths that follow the familiar maps' look (viridis:
  // purple-blue → teal → green → yellow; magma: black → purple → red-orange → pale yellow;
  // cividis: blue → grey → yellow, a blue-yellow axis readable with red-green colour blindness),
  // chroma kept inside the sRGB gamut along the lightness ramp.
  std::vector<Colormap> maps;
  maps.push_back(
      {"viridis", "purple-blue to yellow, sequential", false,
       sample_lch_path({{22, 42, 305}, {40, 35, 260}, {55, 32, 205}, {70, 55, 145}, {92, 80, 100}},
                       k_control_points)});
  maps.push_back(
      {"magma", "black to pale yellow through purple and orange, sequential", false,
       sample_lch_path({{3, 5, 300}, {25, 50, 305}, {45, 62, 345}, {65, 60, 390}, {97, 28, 445}},
                       k_control_points)});
  maps.push_back({"cividis", "blue to yellow, sequential, colour-vision-deficiency friendly", false,
                  sample_lch_path({{18, 30, 270}, {45, 12, 250}, {62, 8, 100}, {90, 62, 95}},
                                  k_control_points)});
  maps.push_back({"coolwarm", "blue to red through light grey, diverging", true,
                  sample_diverging({32, 55, 285}, {94, 0, 0}, {32, 62, 40}, k_control_points)});
  return maps;
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

// CIE 15:2004 §8.2.1 (Lab → XYZ) and IEC 61966-2-1 (XYZ → linear sRGB matrix, then encoding).
Rgb lab_to_srgb(double lightness, double a, double b) {
  const auto [red, green, blue] = lab_to_linear_srgb(lightness, a, b);
  auto encode = [](double linear) {
    return std::clamp(srgb_encode(std::max(linear, 0.0)), 0.0, 1.0);
  };
  return {encode(red), encode(green), encode(blue)};
}

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

const Colormap& find_colormap(std::string_view name) {
  std::vector<std::string> names;
  for (const Colormap& map : colormaps()) {
    if (map.name == name) return map;
    names.push_back(map.name);
  }
  std::string known;
  for (const std::string& known_name : names) known += (known.empty() ? "" : ", ") + known_name;
  throw InputError("unknown colormap '" + std::string(name) + "'" + did_you_mean(name, names) +
                   "; known: " + known);
}

}  // namespace lv
