#include "plot/nice_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/text.hpp"

namespace lv {

double nice_number(double value, bool round) {
  const double exponent = std::floor(std::log10(value));
  const double fraction = value / std::pow(10.0, exponent);  // in [1, 10)
  double nice = 10.0;
  if (round) {
    if (fraction < 1.5)
      nice = 1.0;
    else if (fraction < 3.0)
      nice = 2.0;
    else if (fraction < 7.0)
      nice = 5.0;
  } else {
    if (fraction <= 1.0)
      nice = 1.0;
    else if (fraction <= 2.0)
      nice = 2.0;
    else if (fraction <= 5.0)
      nice = 5.0;
  }
  return nice * std::pow(10.0, exponent);
}

std::string tick_label(double value, int decimals) {
  char buffer[32];
  const double magnitude = std::abs(value);
  if (magnitude != 0.0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
    std::snprintf(buffer, sizeof buffer, "%.*g", std::max(1, decimals + 1), value);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.*f", std::max(0, decimals), value);
  const std::string text = buffer;
  return text == "-0" ? "0" : text;  // "-0.0" style labels read as a glitch
}

// Heckbert's labelling with the ticks restricted to the data range (a plot's axes span exactly
// the data, so ticks outside it would not be drawn). Heckbert first rounds the range itself up
// to a nice number, which for a tight range can double the spacing; the spacing here is the
// nice number nearest range/(target − 1).
Ticks linear_ticks(double low, double high, int target_count) {
  Ticks ticks;
  const auto endpoint_only = [&] {
    ticks.values = {low};
    ticks.labels = {tick_label(low, 2)};
    return ticks;
  };
  if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) return endpoint_only();
  // Halving both ends first keeps the width finite for ranges near ±DBL_MAX.
  const double half_width = high / 2 - low / 2;
  const int intervals = std::clamp(target_count - 1, 1, 1000);
  const double spacing = nice_number(half_width / intervals * 2, true);
  const double first = std::ceil(low / spacing - 1e-9) * spacing;
  // A range narrower than the spacing of doubles near it cannot be subdivided.
  if (!std::isfinite(spacing) || !(spacing > 0) || !std::isfinite(first) ||
      first + spacing == first) {
    return endpoint_only();
  }
  const int decimals = std::clamp(-static_cast<int>(std::floor(std::log10(spacing))), 0, 17);
  const int max_ticks = 4 * intervals + 2;
  double value = first;
  for (int index = 0; index < max_ticks && value <= high + 1e-9 * spacing;
       ++index, value += spacing) {
    const double snapped = std::abs(value) < 1e-12 * spacing ? 0.0 : value;
    ticks.values.push_back(snapped);
    ticks.labels.push_back(tick_label(snapped, decimals));
  }
  return ticks;
}

std::string power_of_ten_label(int exponent) {
  if (exponent == 0) return "1";
  if (exponent == 1) return "10";
  // UTF-8 superscript digits and minus (U+2070..U+2079, U+00B9, U+00B2, U+00B3, U+207B).
  static const char* const k_superscript[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                              "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string label = "10";
  if (exponent < 0) label += "\u207b";
  for (char digit : std::to_string(std::abs(exponent))) label += k_superscript[digit - '0'];
  return label;
}

Ticks log_ticks(double low, double high) {
  if (!(low > 0) || !(high > low) || !std::isfinite(high)) return linear_ticks(low, high, 4);
  const double first_exponent = std::ceil(std::log10(low) - 1e-9);
  const double last_exponent = std::floor(std::log10(high) + 1e-9);
  if (last_exponent - first_exponent < 1) {
    return linear_ticks(low, high, 4);
  }
  const int stride =
      std::max(1, static_cast<int>(std::ceil((last_exponent - first_exponent + 1) / 8.0)));
  Ticks ticks;
  for (double exponent = first_exponent; exponent <= last_exponent; exponent += stride) {
    ticks.values.push_back(std::pow(10.0, exponent));
    ticks.labels.push_back(power_of_ten_label(static_cast<int>(exponent)));
  }
  return ticks;
}

Ticks log10_axis_ticks(double log_low, double log_high, std::vector<double>* minor) {
  Ticks ticks;
  if (minor) minor->clear();
  if (!(log_high > log_low) || !std::isfinite(log_low) || !std::isfinite(log_high)) return ticks;
  const double first = std::ceil(log_low - 1e-9), last = std::floor(log_high + 1e-9);
  if (last - first >= 1) {
    const int decades = static_cast<int>(last - first) + 1;
    const int stride = (decades + 4) / 5;
    for (int k = static_cast<int>(first); k <= static_cast<int>(last); k += stride) {
      ticks.values.push_back(k);
      ticks.labels.push_back(k >= -3 && k <= 3 ? format_general(std::pow(10.0, k))
                                               : "1e" + std::to_string(k));
    }
    if (minor && log_high - log_low <= 6) {
      for (int k = static_cast<int>(std::floor(log_low)); k <= static_cast<int>(last); ++k) {
        for (int m = 2; m <= 9; ++m) {
          const double at = k + std::log10(static_cast<double>(m));
          if (at > log_low && at < log_high) minor->push_back(at);
        }
      }
    }
    return ticks;
  }
  for (int k = static_cast<int>(std::floor(log_low)); k <= static_cast<int>(last); ++k) {
    for (const int m : {1, 2, 5}) {
      const double value = m * std::pow(10.0, k);
      const double at = std::log10(value);
      if (at < log_low - 1e-9 || at > log_high + 1e-9) continue;
      ticks.values.push_back(at);
      ticks.labels.push_back(format_general(value));
    }
  }
  if (ticks.values.size() >= 2) return ticks;
  const Ticks linear = linear_ticks(std::pow(10.0, log_low), std::pow(10.0, log_high), 4);
  ticks = {};
  for (size_t k = 0; k < linear.values.size(); ++k) {
    if (!(linear.values[k] > 0)) continue;
    ticks.values.push_back(std::log10(linear.values[k]));
    ticks.labels.push_back(linear.labels[k]);
  }
  return ticks;
}

}  // namespace lv
