#include "plot/palette.hpp"

#include <algorithm>
#include <cmath>

namespace lv {
namespace {

double to_linear(double channel) {
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double to_gamma(double channel) {
  channel = std::clamp(channel, 0.0, 1.0);
  return channel <= 0.0031308 ? 12.92 * channel : 1.055 * std::pow(channel, 1.0 / 2.4) - 0.055;
}

Rgb hex(unsigned value) {
  return {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
}

}  // namespace

const std::vector<Rgb>& trajectory_palette() {
  static const std::vector<Rgb> palette = {
      hex(0xD55E00),  // vermilion (Okabe-Ito)
      hex(0x0072B2),  // blue (Okabe-Ito)
      hex(0x009A70),  // bluish green (Okabe-Ito #009E73, a shade darker)
      hex(0xC600AA),  // magenta
      hex(0x8063F1),  // violet
      hex(0xD40039),  // crimson
      hex(0xAA4771),  // reddish purple (Okabe-Ito #CC79A7, darkened)
      hex(0x8E0EFF),  // purple
  };
  return palette;
}

Rgb palette_color(int index) {
  const std::vector<Rgb>& palette = trajectory_palette();
  const int count = static_cast<int>(palette.size());
  return palette[static_cast<size_t>(((index % count) + count) % count)];
}

double relative_luminance(const Rgb& color) {
  return 0.2126 * to_linear(color.r) + 0.7152 * to_linear(color.g) + 0.0722 * to_linear(color.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb simulate_color_vision(const Rgb& color, ColorVision vision) {
  using Matrix = std::array<std::array<double, 3>, 3>;
  static constexpr Matrix k_protanopia = {{{0.152286, 1.052583, -0.204868},
                                           {0.114503, 0.786281, 0.099216},
                                           {-0.003882, -0.048116, 1.051998}}};
  static constexpr Matrix k_deuteranopia = {{{0.367322, 0.860646, -0.227968},
                                             {0.280085, 0.672501, 0.047413},
                                             {-0.011820, 0.042940, 0.968881}}};
  static constexpr Matrix k_tritanopia = {{{1.255528, -0.076749, -0.178779},
                                           {-0.078411, 0.930809, 0.147602},
                                           {0.004733, 0.691367, 0.303900}}};
  const Matrix* matrix = nullptr;
  switch (vision) {
    case ColorVision::Normal:
      return color;
    case ColorVision::Protanopia:
      matrix = &k_protanopia;
      break;
    case ColorVision::Deuteranopia:
      matrix = &k_deuteranopia;
      break;
    case ColorVision::Tritanopia:
      matrix = &k_tritanopia;
      break;
  }
  const std::array<double, 3> linear = {to_linear(color.r), to_linear(color.g), to_linear(color.b)};
  std::array<double, 3> seen{};
  for (int row = 0; row < 3; ++row) {
    for (int column = 0; column < 3; ++column) seen[row] += (*matrix)[row][column] * linear[column];
  }
  return {to_gamma(seen[0]), to_gamma(seen[1]), to_gamma(seen[2])};
}

double color_difference(const Rgb& a, const Rgb& b) {
  const std::array<double, 3> la = srgb_to_lab(a), lb = srgb_to_lab(b);
  return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

Rgb readable_on(const Rgb& color, const Rgb& background, double minimum_ratio) {
  if (contrast_ratio(color, background) >= minimum_ratio) return color;
  const bool darken = relative_luminance(background) > 0.18;
  // Bisect on the mix toward black (or white): contrast grows monotonically with it.
  const Rgb target = darken ? Rgb{0.0, 0.0, 0.0} : Rgb{1.0, 1.0, 1.0};
  const auto mixed = [&](double amount) {
    return Rgb{color.r + amount * (target.r - color.r), color.g + amount * (target.g - color.g),
               color.b + amount * (target.b - color.b)};
  };
  double low = 0.0, high = 1.0;
  for (int i = 0; i < 40; ++i) {
    const double middle = 0.5 * (low + high);
    (contrast_ratio(mixed(middle), background) >= minimum_ratio ? high : low) = middle;
  }
  return mixed(high);
}

}  // namespace lv
